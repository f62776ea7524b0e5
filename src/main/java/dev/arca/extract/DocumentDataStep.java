package dev.arca.extract;

import org.jsoup.nodes.Element;

/**
 * Fills metadata gaps from the document itself: {@code <link rel=canonical>}, {@code <html lang>},
 * the first {@code <time datetime>} (preferring one marked as the publication time), and a date
 * in the URL path.
 */
public final class DocumentDataStep implements Step {

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        Element canonical = page.original().selectFirst("link[rel~=(?i)^canonical$][href]");
        if (canonical != null) {
            m.offerCanonicalUrl(canonical.absUrl("href").isEmpty() ? canonical.attr("href") : canonical.absUrl("href"));
        }
        Element html = page.original().selectFirst("html");
        if (html != null) {
            m.offerLanguage(html.attr("lang"));
            m.offerLanguage(html.attr("xml:lang"));
        }
        if (m.published() == null) {
            Element time = page.original().selectFirst("time[pubdate][datetime], time[itemprop~=datePublished][datetime],"
                    + " time.published[datetime], time.entry-date[datetime]");
            if (time == null) {
                time = page.original().selectFirst("time[datetime]");
            }
            if (time != null) {
                m.offerPublished(time.attr("datetime"));
            }
        }
        if (m.published() == null) {
            m.offerPublished(Dates.fromUrl(page.url()));
        }
        if (m.published() == null) {
            m.offerPublished(Dates.fromUrl(m.canonicalUrl()));
        }
    }
}
