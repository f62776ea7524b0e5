package dev.arca.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/**
 * Finds the byline in the page when structured data gave none: the first element marked as a
 * byline ({@code rel=author}, {@code itemprop=author}, class "byline"/"author"), else a short
 * "By Jane Doe" line (also "Von", "Par", "Por", "Di", "Door" ...).
 */
final class BylineStep implements Step {

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        if (m.byline() != null || page.original().body() == null) {
            return;
        }
        String[] found = new String[2];
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(org.jsoup.nodes.Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                String tag = e.normalName();
                if (tag.equals("script") || tag.equals("style") || tag.equals("nav") || tag.equals("footer")) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (found[0] == null && Bylines.isBylineElement(e)) {
                    found[0] = Bylines.textOf(e);
                    return FilterResult.STOP;
                }
                if (found[1] == null && isBlockish(tag) && startsLikeByline(e) && Block.childElements(e, 3) <= 3) {
                    found[1] = Bylines.nameIn(e.text());
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(org.jsoup.nodes.Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, page.original().body());
        String byline = found[0] != null ? found[0] : found[1];
        if (byline != null) {
            m.offerByline(byline);
            if (m.authors().isEmpty()) {
                String name = Bylines.nameIn(byline);
                m.addAuthor(name != null ? name : byline);
            }
        }
    }

    /** Cheap pre-check on the leading text node before reading the whole block's text. */
    private static boolean startsLikeByline(Element e) {
        if (e.childNodeSize() == 0 || !(e.childNode(0) instanceof org.jsoup.nodes.TextNode t)) {
            return false;
        }
        String lead = t.text().stripLeading();
        return !lead.isEmpty() && lead.length() < 120 && Bylines.mayStartByline(lead);
    }

    private static boolean isBlockish(String tag) {
        return tag.equals("p") || tag.equals("div") || tag.equals("span") || tag.equals("address");
    }
}
