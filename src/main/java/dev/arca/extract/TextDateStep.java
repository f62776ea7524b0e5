package dev.arca.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Offers the publication date the visible page shows: first a short element named as a date
 * ("post-date", "datum", "published"), else the first date written out in the page's opening
 * text ("19. Oktober 2019", "March 5, 2021", "05.03.2021"). Hidden elements, encyclopedia
 * infoboxes (a birth date, a release date), picture captions (the day of the photo), the
 * page's "current time" and a forum member's join date are not datelines. When metadata already gave a date
 * only the opening of the page is read: the visible date then only confirms or localises it.
 */
final class TextDateStep implements Step {

    private static final Pattern HAS_DATE = Pattern.compile(
            "\\b\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:19|20)\\d{2}\\b|\\b(?:19|20)\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2}\\b"
                    + "|\\b\\p{L}{3,12}\\.? \\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\\d{2}\\b"
                    + "|\\b\\d{1,2}(?:st|nd|rd|th|er)?\\.? (?:de )?\\p{L}{3,12}\\.?,? (?:de )?(?:19|20)\\d{2}\\b"
                    + "|\\b\\d{1,2}/\\d{1,2}/(?:19|20)\\d{2}\\b",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Set<String> SKIP = Set.of("script", "style", "nav", "footer", "aside", "noscript",
            "select", "option", "template");
    private static final int MAX_SCAN = 5000;
    /** A text this short may carry its date anywhere ("Posted by Ann on 5 March 2021"). */
    private static final int SHORT_LINE = 120;
    /** In a longer text only a date in its first characters is a dateline ("01.02.2022 – The ..."). */
    private static final int LEAD = 30;
    /**
     * A label that says what else a date is: the page's clock when it was served ("Aktuelle Zeit:
     * 14.10.2020", "It is currently ..."), a forum member's join date or last visit.
     */
    private static final Pattern OTHER_DAY = Pattern.compile(
            "(?iu:aktuelle zeit|current time|it is currently|heute ist|today is|nous sommes le|hoy es|registriert|registered"
                    + "|joined|mitglied seit|member since|letzter besuch|last visit)\\W*$");

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        Element body = page.original().body();
        if (body == null) {
            return;
        }
        boolean confirming = m.published() != null;
        if (confirming && onItsOwnClock(m)) {
            // a trusted date with the page's own offset: the visible one could only repeat it
            return;
        }
        String[] found = new String[2];
        int[] scanned = {0};
        ClassNames.Verdicts verdicts = page.verdicts();
        TagIndex tags = page.tags();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e) {
                    int bits = verdicts.bits(e);
                    if (SKIP.contains(e.normalName()) || notADateline(e, bits, tags)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (confirming && scanned[0] >= MAX_SCAN) {
                        return FilterResult.STOP;
                    }
                    if (found[0] == null && (bits & ClassNames.DATE_TOKEN) != 0
                            && Block.childElements(e, 8) < 8) {
                        String text = e.text();
                        var matcher = HAS_DATE.matcher(text);
                        if (text.length() >= 6 && text.length() <= 120 && matcher.find() && !otherDay(text.substring(0, matcher.start()))) {
                            found[0] = Dates.normalise(text);
                            if (found[0] != null) {
                                return FilterResult.STOP;
                            }
                        }
                    }
                } else if (node instanceof TextNode t && found[1] == null && scanned[0] < MAX_SCAN) {
                    String text = t.text();
                    scanned[0] += text.length();
                    if (text.length() >= 6) {
                        // a dateline is a short line, or opens a paragraph; a date inside prose is a fact
                        var matcher = HAS_DATE.matcher(text);
                        matcher.region(0, Math.min(text.length(), text.length() < SHORT_LINE ? SHORT_LINE : LEAD));
                        if (matcher.find() && !otherDay(labelOf(t, matcher.start()))) {
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
        m.offer(Metadata.Field.PUBLISHED, found[0] != null ? found[0] : found[1], Source.TEXT,
                found[0] != null ? Source.TEXT.trust() : Source.TEXT.trust() - 0.15);
    }

    private static boolean onItsOwnClock(Metadata m) {
        for (Metadata.Candidate c : m.candidates(Metadata.Field.PUBLISHED)) {
            Dates.Moment t = Dates.moment(c.value());
            if (c.confidence() >= Source.TIME.trust() && t != null && t.offset() != null && t.offset().getTotalSeconds() != 0) {
                return true;
            }
        }
        return false;
    }

    /** The first written-out date in {@code text}, or null. */
    static java.util.regex.Matcher dateIn(String text) {
        java.util.regex.Matcher m = HAS_DATE.matcher(text);
        return m.find() ? m : null;
    }

    /** True when {@code label}, the text before a date, names it as some other day than the story's. */
    private static boolean otherDay(String label) {
        return OTHER_DAY.matcher(label).find();
    }

    /**
     * The text before the date at {@code start} of {@code t}, or, when nothing is, the element
     * just before it ("<strong>Joined:</strong> 18.09.2008").
     */
    private static String labelOf(TextNode t, int start) {
        String before = t.text().substring(0, start);
        return before.isBlank() && t.previousSibling() instanceof Element label ? label.text() : before;
    }

    /** Whether {@code e}, whose class and id give {@code bits}, holds no dateline of the story ({@code tags} knows the headlines). */
    private static boolean notADateline(Element e, int bits, TagIndex tags) {
        if (e.normalName().equals("header")) {
            // the page's banner (with today's date, perhaps), not the story's header with its headline
            return !tags.holdsHeadline(e);
        }
        if (e.normalName().equals("figcaption")) {
            // "(Photo: Ann Lee, 14.01.2022)": the day the picture was taken
            return true;
        }
        if (e.attributesSize() == 0) {
            return false;
        }
        if (Hidden.inMarkup(e)) {
            return true;
        }
        return (bits & ClassNames.FACT_TOKEN) != 0;
    }
}
