package dev.arca.extract;

import dev.arca.extract.Metadata.Field;
import org.jsoup.nodes.Element;

import java.util.regex.Pattern;

/**
 * Offers metadata from the document itself: {@code <link rel=canonical>} and {@code rel=icon}, {@code <html lang>}
 * and {@code dir}, the {@code <time datetime>} elements (one marked as the publication time
 * first), and a date in the URL path.
 */
final class DocumentDataStep implements Step {

    /** How far up from a {@code <time>} a comment's or a teaser's box is looked for. */
    private static final int COMMENT_DEPTH = 6;

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        String touchIcon = null;
        boolean canonical = false;
        for (Element link : page.tags().get("link")) {
            if (!link.hasAttr("href")) {
                continue;
            }
            String rel = " " + link.attr("rel").toLowerCase(java.util.Locale.ROOT) + " ";
            if (rel.equals(" canonical ") && !canonical) {
                m.offer(Field.CANONICAL_URL, href(link), Source.META);
                canonical = true;
            } else if (rel.contains(" icon ")) {
                m.offer(Field.FAVICON, href(link), Source.META);
            } else if (rel.contains(" apple-touch-icon ") && touchIcon == null) {
                touchIcon = href(link);
            }
        }
        // a touch icon is a favicon too, bigger: taken only when the page declares no other
        m.offer(Field.FAVICON, touchIcon, Source.META);
        Element html = page.original().firstElementChild();
        if (html != null && html.normalName().equals("html")) {
            m.offer(Field.LANGUAGE, html.attr("lang"), Source.META);
            m.offer(Field.LANGUAGE, html.attr("xml:lang"), Source.META);
            m.offer(Field.DIRECTION, html.attr("dir"), Source.META);
        }
        Element body = page.original().body();
        if (body != null) {
            m.offer(Field.DIRECTION, body.attr("dir"), Source.META);
        }
        offerTimes(page, m);
        m.offer(Field.PUBLISHED, Dates.fromUrl(page.url()), Source.URL);
        m.offer(Field.PUBLISHED, Dates.fromUrl(m.canonicalUrl()), Source.URL);
    }

    /** The {@code <time datetime>} marked as the publication time, then the first one. */
    private static void offerTimes(Page page, Metadata m) {
        String first = null;
        for (Element time : page.tags().get("time")) {
            if (!time.hasAttr("datetime")) {
                continue;
            }
            String v = time.attr("datetime");
            boolean marked = time.hasAttr("pubdate") || time.attr("itemprop").contains("datePublished")
                    || time.hasClass("published") || time.hasClass("entry-date");
            if (ofAnotherItem(time, marked ? OTHER_BOX : OTHER_ITEM, page.tags())) {
                continue;
            }
            if (marked) {
                m.offer(Field.PUBLISHED, v, Source.TIME);
                return;
            }
            if (first == null) {
                first = v;
            }
        }
        // an unmarked <time> may date anything on the page: a teaser, a comment, today
        m.offer(Field.PUBLISHED, first, Source.TIME, Source.TIME.trust() - 0.25);
    }

    /** A box whose class names a reader's comment or other stories: "comment-meta", "related-posts". */
    private static final Pattern OTHER_BOX = Pattern.compile("(?:^|\\s)(?:comment|related)");
    /** The same, or any name about comments ("by-line-comments-date"): an unmarked time is a weaker clue. */
    private static final Pattern OTHER_ITEM = Pattern.compile("comment|(?:^|\\s)related");

    /**
     * A reader's comment dates the comment, and a related story's teaser that story, never the
     * page's: no ancestor within a few levels names one, below the first that holds the headline.
     */
    private static boolean ofAnotherItem(Element time, Pattern box, TagIndex tags) {
        Element e = time.parent();
        for (int depth = 0; e != null && depth < COMMENT_DEPTH; depth++, e = e.parent()) {
            if (tags.holdsHeadline(e)) {
                return false;
            }
            if (e.attributesSize() > 0 && box.matcher(ClassNames.of(e)).find()) {
                return true;
            }
        }
        return false;
    }

    /** The link's href made absolute (resolving is the costly part, so only links that are kept pay it). */
    private static String href(Element link) {
        String abs = link.absUrl("href");
        return abs.isEmpty() ? link.attr("href") : abs;
    }
}
