package dev.arca.extract;

import org.jsoup.nodes.Element;

/**
 * Fills metadata gaps from the document itself: {@code <link rel=canonical>}, {@code <html lang>},
 * the first {@code <time datetime>} (preferring one marked as the publication time), and a date
 * in the URL path.
 */
final class DocumentDataStep implements Step {

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        for (Element link : page.original().getElementsByTag("link")) {
            if (link.attr("rel").equalsIgnoreCase("canonical") && link.hasAttr("href")) {
                String abs = link.absUrl("href");
                m.offerCanonicalUrl(abs.isEmpty() ? link.attr("href") : abs);
                break;
            }
        }
        Element html = page.original().firstElementChild();
        if (html != null && html.normalName().equals("html")) {
            m.offerLanguage(html.attr("lang"));
            m.offerLanguage(html.attr("xml:lang"));
        }
        if (m.published() == null) {
            m.offerPublished(publicationTime(page));
        }
        if (m.published() == null) {
            m.offerPublished(Dates.fromUrl(page.url()));
        }
        if (m.published() == null) {
            m.offerPublished(Dates.fromUrl(m.canonicalUrl()));
        }
    }

    /** The first {@code <time datetime>}, preferring one marked as the publication time. */
    private static String publicationTime(Page page) {
        String first = null;
        for (Element time : page.original().getElementsByTag("time")) {
            if (!time.hasAttr("datetime")) {
                continue;
            }
            String v = time.attr("datetime");
            if (time.hasAttr("pubdate") || time.attr("itemprop").contains("datePublished")
                    || time.hasClass("published") || time.hasClass("entry-date")) {
                return v;
            }
            if (first == null) {
                first = v;
            }
        }
        return first;
    }
}
