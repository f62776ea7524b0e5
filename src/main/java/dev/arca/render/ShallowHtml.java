package dev.arca.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Caps how deeply an article's HTML nests before it reaches a converter that walks it recursively:
 * what lies below {@link #MAX_DEPTH} becomes the plain text of its ancestor at that depth, keeping
 * every word. Real articles nest a few dozen levels; a hostile page nests 100,000, which would take
 * the Markdown converter minutes or overflow its stack.
 */
final class ShallowHtml {

    static final int MAX_DEPTH = 64;

    private ShallowHtml() {
    }

    /** {@code html} as it is when it nests no deeper than {@link #MAX_DEPTH}, else flattened below it. */
    static String of(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        List<Element> atLimit = new ArrayList<>();
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (depth == MAX_DEPTH && node instanceof Element element && element.childrenSize() > 0) {
                atLimit.add(element);
            }
        }, doc.body());
        if (atLimit.isEmpty()) {
            return html;
        }
        for (Element element : atLimit) {
            String text = element.text();
            element.empty().appendText(text);
        }
        return doc.body().html();
    }
}
