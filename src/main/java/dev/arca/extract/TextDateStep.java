package dev.arca.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the publication date in the visible page when no metadata gave one: first in a short
 * element named as a date ("post-date", "datum", "published"), else in the first date written
 * out in the page's opening text ("19. Oktober 2019", "March 5, 2021", "05.03.2021").
 */
final class TextDateStep implements Step {

    private static final Pattern DATE_NAME = Pattern.compile(
            "date|time|publish|posted|datum|fecha|data|meta|byline|dateline|stamp");
    private static final Pattern HAS_DATE = Pattern.compile(
            "\\b\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:19|20)\\d{2}\\b|\\b(?:19|20)\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2}\\b"
                    + "|\\b\\p{L}{3,12}\\.? \\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\\d{2}\\b"
                    + "|\\b\\d{1,2}(?:st|nd|rd|th|er)?\\.? (?:de )?\\p{L}{3,12}\\.?,? (?:de )?(?:19|20)\\d{2}\\b"
                    + "|\\b\\d{1,2}/\\d{1,2}/(?:19|20)\\d{2}\\b",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Set<String> SKIP = Set.of("script", "style", "nav", "footer", "aside", "noscript",
            "select", "option", "template", "header");
    private static final int MAX_SCAN = 5000;

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        Element body = page.original().body();
        if (m.published() != null || body == null) {
            return;
        }
        String[] found = new String[2];
        int[] scanned = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e) {
                    if (SKIP.contains(e.normalName())) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (found[0] == null && !ClassNames.of(e).isEmpty() && DATE_NAME.matcher(ClassNames.of(e)).find()
                            && Block.childElements(e, 8) < 8) {
                        String text = e.text();
                        if (text.length() >= 6 && text.length() <= 120 && HAS_DATE.matcher(text).find()) {
                            found[0] = Dates.normalise(text);
                            if (found[0] != null) {
                                return FilterResult.STOP;
                            }
                        }
                    }
                } else if (node instanceof TextNode t && found[1] == null && scanned[0] < MAX_SCAN) {
                    String text = t.text();
                    scanned[0] += text.length();
                    if (text.length() >= 6 && text.length() < 300) {
                        var matcher = HAS_DATE.matcher(text);
                        if (matcher.find()) {
                            found[1] = Dates.normalise(matcher.group());
                        }
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        m.offerPublished(found[0] != null ? found[0] : found[1]);
    }
}
