package dev.arca.extract;

import dev.arca.extract.Metadata.Field;

import java.util.List;
import java.util.Objects;

/**
 * Offers the metadata of the page's schema.org JSON-LD article: headline, authors, dates,
 * description, publisher, image, keywords and language. Runs first because publishers write
 * JSON-LD on purpose for machines.
 */
final class JsonLdStep implements Step {

    private static final double PAGE_DATE_TRUST = 0.7;
    /** Below a byline the page shows: {@code creator} often holds the CMS user's handle. */
    private static final double CREATOR_TRUST = 0.55;

    @Override
    public void apply(Page page) {
        JsonLd ld = JsonLd.read(page.tags().get("script"));
        Metadata m = page.metadata();
        m.offerArticleBody(ld.articleBody());
        m.offerArticleBody(ld.instructions());
        if (!ld.hasArticle()) {
            m.offer(Field.SITE_NAME, ld.publisher(), Source.JSON_LD);
            // a page's own date, though less sure than an article's: templates stamp every page
            m.offer(Field.PUBLISHED, ld.pageDatePublished(), Source.JSON_LD, PAGE_DATE_TRUST);
            m.offer(Field.MODIFIED, ld.pageDateModified(), Source.JSON_LD, PAGE_DATE_TRUST);
            return;
        }
        m.markArticleTyped();
        String[] titles = titles(ld, page);
        for (String t : titles) {
            m.offer(Field.TITLE, t, Source.JSON_LD);
        }
        List<String> authors = ld.authors();
        boolean named = !authors.isEmpty();
        if (!named) {
            authors = ld.creators();
        }
        authors = authors.stream().flatMap(a -> Bylines.namesInOne(a).stream()).map(Bylines::tidy)
                .filter(Objects::nonNull).toList();
        authors.forEach(m::addAuthor);
        if (!authors.isEmpty()) {
            m.offer(Field.BYLINE, String.join(", ", authors), Source.JSON_LD, named ? Source.JSON_LD.trust() : CREATOR_TRUST);
        }
        m.offer(Field.DESCRIPTION, ld.description(), Source.JSON_LD);
        m.offer(Field.SITE_NAME, ld.publisher(), Source.JSON_LD);
        m.offer(Field.SITE_NAME, ld.partOf(), Source.JSON_LD);
        m.offer(Field.SECTION, ld.section(), Source.JSON_LD);
        m.offer(Field.PUBLISHED, ld.datePublished(), Source.JSON_LD);
        m.offer(Field.MODIFIED, ld.dateModified(), Source.JSON_LD);
        m.offer(Field.LEAD_IMAGE, ld.image(), Source.JSON_LD);
        m.offer(Field.LANGUAGE, ld.language(), Source.JSON_LD);
        ld.keywords().forEach(m::addTag);
    }

    /**
     * {@code name} and {@code headline} should agree; some sites put their own name in
     * {@code name}, so the one that resembles the document title comes first.
     */
    private static String[] titles(JsonLd ld, Page page) {
        String name = ld.name();
        String headline = ld.headline();
        if (name != null && headline != null && !name.equals(headline)) {
            String docTitle = Titles.fromDocument(page.original());
            boolean nameMatches = Titles.similarity(name, docTitle) > 0.75;
            boolean headlineMatches = Titles.similarity(headline, docTitle) > 0.75;
            return headlineMatches && !nameMatches ? new String[] {headline, name} : new String[] {name, headline};
        }
        return new String[] {name != null ? name : headline};
    }
}
