package dev.arca.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The elements of the tags the metadata steps look for ({@code <meta>}, {@code <script>},
 * {@code <link>}, {@code <time>}, {@code <h1>}, {@code <a>}, {@code <noscript>}) and the
 * microdata scopes, in document order, gathered in one walk. Each of those steps used to walk
 * the whole document for its own tag; on a big page those walks cost more than the steps'
 * work. The index is a snapshot: it is only valid while the document is not changed.
 */
final class TagIndex {

    static final Set<String> TAGS = Set.of("meta", "script", "link", "time", "h1", "a", "noscript");

    private final Map<String, List<Element>> byTag = new HashMap<>();
    private final List<Element> itemScopes = new ArrayList<>();
    private int elements;

    TagIndex(Document doc) {
        for (String tag : TAGS) {
            byTag.put(tag, new ArrayList<>());
        }
        NodeTraversor.traverse((Node node, int depth) -> {
            if (node instanceof Element e) {
                elements++;
                List<Element> list = byTag.get(e.normalName());
                if (list != null) {
                    list.add(e);
                }
                if (e.attributesSize() > 0 && e.hasAttr("itemscope") && e.hasAttr("itemtype")) {
                    itemScopes.add(e);
                }
            }
        }, doc);
    }

    /** The elements named {@code tag}, one of {@link #TAGS}, in document order. */
    List<Element> get(String tag) {
        List<Element> list = byTag.get(tag);
        if (list == null) {
            throw new IllegalArgumentException("not an indexed tag: " + tag);
        }
        return list;
    }

    /** How many elements the document holds. */
    int elements() {
        return elements;
    }

    /** The elements with both {@code itemscope} and {@code itemtype}, in document order. */
    List<Element> itemScopes() {
        return itemScopes;
    }
}
