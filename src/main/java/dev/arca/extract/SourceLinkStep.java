package dev.arca.extract;

import org.jsoup.nodes.Element;

import java.util.regex.Pattern;

/**
 * Records the original outlet of a republished story: the link labelled "Source link",
 * "Source:", "Originally published at", "Quelle", "Fuente" and the like, or one whose block
 * starts with such a label. Republishing sites put it after the story.
 */
public final class SourceLinkStep implements Step {

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

    @Override
    public void apply(Page page) {
        for (Element a : page.original().select("a[href]")) {
            String href = a.absUrl("href");
            if (!href.startsWith("http")) {
                continue;
            }
            String text = a.text();
            if (text.length() < 40 && LINK_LABEL.matcher(text).matches()) {
                page.metadata().offerSourceUrl(href);
                return;
            }
            Element parent = a.parent();
            if (parent != null && parent.childrenSize() <= 3 && parent.text().length() < 200
                    && BLOCK_LABEL.matcher(parent.text()).find()) {
                page.metadata().offerSourceUrl(href);
                return;
            }
        }
    }
}
