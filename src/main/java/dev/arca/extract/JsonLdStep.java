package dev.arca.extract;

/**
 * Fills the metadata from the page's schema.org JSON-LD article: headline, authors, dates,
 * description, publisher, image, keywords and language. Runs first because publishers write
 * JSON-LD on purpose for machines.
 */
final class JsonLdStep implements Step {

    @Override
    public void apply(Page page) {
        JsonLd ld = JsonLd.read(page.original());
        Metadata m = page.metadata();
        if (!ld.hasArticle()) {
            m.offerSiteName(ld.publisher());
            return;
        }
        m.markArticleTyped();
        m.title(chooseTitle(ld, page));
        java.util.List<String> authors = ld.authors();
        authors.forEach(m::addAuthor);
        if (!authors.isEmpty()) {
            m.offerByline(String.join(", ", authors));
        }
        m.offerDescription(ld.description());
        m.offerSiteName(ld.publisher());
        m.offerPublished(ld.datePublished());
        m.offerModified(ld.dateModified());
        m.offerLeadImage(ld.image());
        m.offerLanguage(ld.language());
        ld.keywords().forEach(m::addTag);
        m.offerArticleBody(ld.articleBody());
    }

    /**
     * {@code name} and {@code headline} should agree; some sites put their own name in
     * {@code name}, so prefer the one that resembles the document title.
     */
    private static String chooseTitle(JsonLd ld, Page page) {
        String name = ld.name();
        String headline = ld.headline();
        if (name != null && headline != null && !name.equals(headline)) {
            String docTitle = Titles.fromDocument(page.original());
            boolean nameMatches = Titles.similarity(name, docTitle) > 0.75;
            boolean headlineMatches = Titles.similarity(headline, docTitle) > 0.75;
            return headlineMatches && !nameMatches ? headline : name;
        }
        return name != null ? name : headline;
    }
}
