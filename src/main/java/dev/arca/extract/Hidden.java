package dev.arca.extract;

import org.jsoup.nodes.Element;

import java.util.regex.Pattern;

/**
 * Whether the markup itself hides an element: the {@code hidden} attribute, or an inline style of
 * {@code display: none} or {@code visibility: hidden}. No style sheet is applied, so this is what
 * a reader of the HTML alone can tell. One definition, for the steps that skip hidden text.
 */
final class Hidden {

    private static final Pattern STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden",
            Pattern.CASE_INSENSITIVE);

    private Hidden() {
    }

    static boolean inMarkup(Element e) {
        if (e.attributesSize() == 0) {
            return false;
        }
        if (e.hasAttr("hidden")) {
            return true;
        }
        String style = e.attr("style");
        return !style.isEmpty() && STYLE.matcher(style).find();
    }
}
