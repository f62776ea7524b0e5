package dev.arca.extract;

import org.jsoup.nodes.Element;

import java.util.regex.Pattern;

/**
 * Records the original outlet of a republished story: the link labelled "Source link",
 * "Source:", "Originally published at", "Quelle", "Fuente" and the like, or one whose block
 * starts with such a label. Republishing sites put it after the story.
 */
final class SourceLinkStep implements Step {

    /** Anchor text that is only a label: "Source link", "Original article", "Quelle". */
    private static final Pattern LINK_LABEL = Pattern.compile(
            "^\\s*(?:source(?: link| article)?|original (?:article|story|post|source)|read (?:the )?original"
                    + "(?: article| story)?|quelle|originalquelle|fuente|fonte|source d'origine|bron|источник)\\s*:?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A block that introduces the link: "Source: ...", "Originally published at ...". */
    private static final Pattern BLOCK_LABEL = Pattern.compile(
            "^\\s*(?:source|quelle|fuente|fonte|bron|источник)\\s*:|^\\s*original(?:ly)? (?:published|appeared|posted)"
                    + " (?:at|on|in|by)\\b|^\\s*(?:this (?:article|story|post) )?(?:was )?first (?:published|appeared)"
                    + " (?:at|on|in)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Reads only the block's leading text node, so that scanning every link stays cheap. */
    private static boolean startsWithLabel(Element block) {
        if (block.childNodeSize() == 0 || !(block.childNode(0) instanceof org.jsoup.nodes.TextNode t)) {
            return false;
        }
        String lead = t.text();
        return lead.length() < 200 && BLOCK_LABEL.matcher(lead).find();
    }

    @Override
    public void apply(Page page) {
        for (Element a : page.tags().get("a")) {
            boolean labelled = a.childNodeSize() == 1 && a.childNode(0) instanceof org.jsoup.nodes.TextNode t
                    && t.text().length() < 40 && LINK_LABEL.matcher(t.text()).matches();
            Element parent = a.parent();
            if (labelled || parent != null && startsWithLabel(parent) && Block.childElements(parent, 3) <= 3) {
                String href = a.absUrl("href");
                if (href.startsWith("http")) {
                    page.metadata().offer(Metadata.Field.SOURCE_URL, href, Source.TEXT);
                    return;
                }
            }
        }
    }
}
