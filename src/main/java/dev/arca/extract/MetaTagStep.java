package dev.arca.extract;

import dev.arca.extract.Metadata.Field;
import java.util.regex.Pattern;

/**
 * Offers metadata from {@code <meta>} tags: Dublin Core, OpenGraph and {@code article:*},
 * Twitter cards, Parse.ly, and the plain {@code author}, {@code description}, {@code date} and
 * {@code keywords} names that many CMSs write. OpenGraph and {@code article:*} values count as
 * {@link Source#OPENGRAPH}, the rest as {@link Source#META}.
 */
final class MetaTagStep implements Step {

    private static final String[] TITLE = {"dc:title", "dcterm:title", "og:title", "weibo:article:title",
        "weibo:webpage:title", "title", "twitter:title", "parsely-title"};
    private static final String[] BYLINE = {"dc:creator", "dcterm:creator", "author", "parsely-author"};
    private static final String[] BYLINE_PEOPLE = {"article:author", "og:article:author", "byl", "sailthru:author",
        "twitter:creator"};
    private static final String[] DESCRIPTION = {"dc:description", "dcterm:description", "og:description",
        "weibo:article:description", "weibo:webpage:description", "description", "twitter:description"};
    private static final String[] SITE_NAME = {"og:site_name", "application-name", "twitter:site"};
    private static final String[] PUBLISHED = {"article:published_time", "parsely-pub-date", "datepublished",
        "article:published", "og:published_time", "publishdate", "publish-date", "pubdate", "publish_date",
        "dc:date:issued", "dc:date", "dcterms:date", "dcterm:date", "date", "sailthru:date",
        "article:publication_date", "cxenseparse:recs:publishtime", "originalpublicationdate",
        "og:article:published_time", "dc:date:created", "dcterms:created", "created"};
    private static final String[] MODIFIED = {"article:modified_time", "og:updated_time", "datemodified",
        "last-modified", "dcterms:modified", "dc:date:modified", "article:modified"};
    private static final String[] LEAD_IMAGE = {"og:image", "og:image:url", "og:image:secure_url", "twitter:image",
        "twitter:image:src", "thumbnailurl"};
    /** The label Yoast and other plugins give the author in a Twitter card's extra fields. */
    private static final Pattern WRITTEN_BY = Pattern.compile(
            "(?iu)\\s*(?:written by|author|verfasst von|geschrieben von|autor(?:in)?|écrit par|auteur|escrito por|scritto da)\\s*:?\\s*");
    /** A Twitter card has at most this many label and data pairs. */
    private static final int CARD_FIELDS = 4;
    private static final String[] LANGUAGE = {"content-language", "language", "dc:language", "og:locale"};

    @Override
    public void apply(Page page) {
        MetaTags t = MetaTags.read(page.tags().get("meta"));
        Metadata m = page.metadata();
        for (String key : TITLE) {
            // the last of a repeated key, as Readability reads titles
            offer(m, Field.TITLE, key, t.last(key));
        }
        boolean bylineFound = false;
        for (String key : BYLINE) {
            String v = t.last(key);
            if (v != null && !v.startsWith("http")) {
                offer(m, Field.BYLINE, key, Bylines.withoutBy(v));
                bylineFound = true;
            }
        }
        if (!bylineFound) {
            for (String key : BYLINE_PEOPLE) {
                String v = person(t.first(key));
                if (v != null) {
                    offer(m, Field.BYLINE, key, Bylines.withoutBy(v));
                    bylineFound = true;
                    break;
                }
            }
        }
        if (!bylineFound) {
            String v = writtenBy(t);
            if (v != null) {
                offer(m, Field.BYLINE, "twitter:data", Bylines.withoutBy(v));
                bylineFound = true;
            }
        }
        if (bylineFound && m.authors().isEmpty() && m.byline() != null) {
            for (String a : Bylines.split(m.byline())) {
                m.addAuthor(a);
            }
        }
        for (String key : DESCRIPTION) {
            offer(m, Field.DESCRIPTION, key, t.last(key));
        }
        for (String key : SITE_NAME) {
            offer(m, Field.SITE_NAME, key, t.last(key));
        }
        for (String key : PUBLISHED) {
            offer(m, Field.PUBLISHED, key, t.first(key));
        }
        for (String key : MODIFIED) {
            offer(m, Field.MODIFIED, key, t.first(key));
        }
        for (String key : LEAD_IMAGE) {
            offer(m, Field.LEAD_IMAGE, key, t.first(key));
        }
        offer(m, Field.CANONICAL_URL, "og:url", t.first("og:url"));
        for (String key : LANGUAGE) {
            offer(m, Field.LANGUAGE, key, t.first(key));
        }
        t.all("article:tag").forEach(m::addTag);
        t.all("article:section").forEach(m::addTag);
        offer(m, Field.SECTION, "article:section", t.first("article:section"));
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

    private static void offer(Metadata m, Field field, String key, String value) {
        if (value != null) {
            m.offer(field, value, key.startsWith("og:") || key.startsWith("article:") ? Source.OPENGRAPH : Source.META);
        }
    }

    /** The value of the Twitter card field labelled "Written by" ({@code twitter:label1}/{@code twitter:data1}). */
    private static String writtenBy(MetaTags t) {
        for (int i = 1; i <= CARD_FIELDS; i++) {
            String label = t.first("twitter:label" + i);
            if (label != null && WRITTEN_BY.matcher(label).matches()) {
                return person(t.first("twitter:data" + i));
            }
        }
        return null;
    }

    private static String person(String v) {
        if (v == null || v.startsWith("@") || v.contains("://")) {
            return null;
        }
        return v;
    }
}
