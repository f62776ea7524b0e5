package dev.arca.extract;

/**
 * Fills metadata gaps from {@code <meta>} tags: Dublin Core, OpenGraph and {@code article:*},
 * Twitter cards, Parse.ly, and the plain {@code author}, {@code description}, {@code date} and
 * {@code keywords} names that many CMSs write.
 */
final class MetaTagStep implements Step {

    @Override
    public void apply(Page page) {
        MetaTags t = MetaTags.read(page.original());
        Metadata m = page.metadata();
        if (m.title() == null) {
            m.title(t.last("dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
                    "title", "twitter:title", "parsely-title"));
        }
        String byline = t.last("dc:creator", "dcterm:creator", "author", "parsely-author");
        if (byline == null) {
            byline = person(t.first("article:author", "byl", "sailthru:author", "twitter:creator"));
        }
        if (byline != null && !byline.startsWith("http")) {
            m.offerByline(byline);
            if (m.authors().isEmpty()) {
                for (String a : byline.split("\\s*(?:,|;|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|&)\\s*")) {
                    m.addAuthor(a.replaceFirst("(?i)^by\\s+", ""));
                }
            }
        }
        m.offerDescription(t.last("dc:description", "dcterm:description", "og:description",
                "weibo:article:description", "weibo:webpage:description", "description", "twitter:description"));
        m.offerSiteName(t.last("og:site_name", "application-name", "twitter:site"));
        m.offerPublished(t.first("article:published_time", "parsely-pub-date", "datepublished",
                "article:published", "og:published_time", "publishdate", "publish-date", "pubdate", "publish_date",
                "dc:date:issued", "dc:date", "dcterms:date", "dcterm:date", "date", "sailthru:date",
                "article:publication_date", "cxenseparse:recs:publishtime", "originalpublicationdate",
                "og:article:published_time", "dc:date:created", "dcterms:created", "created"));
        m.offerModified(t.first("article:modified_time", "og:updated_time", "datemodified", "last-modified",
                "dcterms:modified", "dc:date:modified", "article:modified"));
        m.offerLeadImage(t.first("og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                "twitter:image:src", "thumbnailurl"));
        m.offerCanonicalUrl(t.first("og:url"));
        m.offerLanguage(t.first("content-language", "language", "dc:language", "og:locale"));
        t.all("article:tag").forEach(m::addTag);
        t.all("article:section").forEach(m::addTag);
        String keywords = t.first("keywords", "news_keywords");
        if (keywords != null) {
            for (String k : keywords.split("[,;]")) {
                m.addTag(k);
            }
        }
        String type = t.first("og:type");
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).contains("article")) {
            m.markArticleTyped();
        }
    }

    private static String person(String v) {
        if (v == null || v.startsWith("@") || v.contains("://")) {
            return null;
        }
        return v;
    }
}
