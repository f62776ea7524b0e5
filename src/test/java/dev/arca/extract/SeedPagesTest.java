package dev.arca.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed-style pages: every paragraph of the story stays, every piece of furniture goes. */
class SeedPagesTest {

    private static final String SEMANTIC_URL = "https://coastline.example/2024/02/16/harbour-cranes-return/";

    @Test
    void semanticPageKeepsStandfirstAndEveryParagraphInOrder() {
        Article a = Fixtures.extract("seed-semantic.html", SEMANTIC_URL);
        assertThat(a.text()).containsSubsequence(
                "Three restored cranes are back on the quay",
                "The three steam cranes that once unloaded timber",
                "The largest crane, built in 1921, on its new footing.",
                "Volunteers from the harbour society stripped",
                "“We never thought we would see them standing here again,”",
                "A decade in storage",
                "The cranes were dismantled in 2014",
                "The cranes are the last of their kind on this coast",
                "Cost of the restoration: £410,000",
                "Hours of volunteer work",
                "The council says the cranes will be lit at night");
    }

    @Test
    void semanticPageDropsEveryPieceOfFurniture() {
        String text = Fixtures.extract("seed-semantic.html", SEMANTIC_URL).text();
        assertThat(text).doesNotContain("We use cookies", "Sport", "Share on Facebook", "Tweet",
                "Read more", "Quay repairs delayed", "About the author", "converted lighthouse",
                "Related Articles", "New ferry timetable", "thoughts on", "My grandfather",
                "wonderful effort", "Leave a Reply", "Your email address will not be published",
                "Most read", "Sign up for our newsletter", "All rights reserved", "Back to top",
                "tracking", "Harbour Herald", "Source:", "By Mara Quell");
    }

    @Test
    void semanticPageTitleHasNoSiteNameAndBodyNoTitle() {
        Article a = Fixtures.extract("seed-semantic.html", SEMANTIC_URL);
        assertThat(a.title()).isEqualTo("Harbour cranes return to the old port");
        assertThat(a.text()).doesNotStartWith("Harbour cranes return");
    }

    @Test
    void semanticPageMetadataComesFromJsonLdAndOpenGraph() {
        Article a = Fixtures.extract("seed-semantic.html", SEMANTIC_URL);
        assertThat(a.authors()).containsExactly("Mara Quell", "Tomas Ivers");
        assertThat(a.byline()).isEqualTo("Mara Quell, Tomas Ivers");
        assertThat(a.published()).isEqualTo("2024-02-16T09:30:00+01:00");
        assertThat(a.modified()).isEqualTo("2024-02-17T11:00:00+01:00");
        assertThat(a.siteName()).isEqualTo("Coastline Daily");
        assertThat(a.language()).isEqualTo("en-GB");
        assertThat(a.description()).startsWith("Three restored cranes");
        assertThat(a.canonicalUrl()).isEqualTo(SEMANTIC_URL);
        assertThat(a.leadImage()).isEqualTo("https://coastline.example/media/cranes-lead.jpg");
        assertThat(a.tags()).contains("ports", "heritage");
        assertThat(a.sourceUrl()).isEqualTo("https://harbour-herald.example/news/cranes-return");
        assertThat(a.confidence()).isGreaterThan(0.7);
        assertThat(a.wordCount()).isBetween(200, 400);
    }

    @Test
    void semanticPageHtmlIsSanitisedWithAbsoluteUrlsAndResolvedLazyImage() {
        String html = Fixtures.extract("seed-semantic.html", SEMANTIC_URL).html();
        assertThat(html).contains("<img src=\"https://coastline.example/media/crane-1.jpg\"")
                .contains("<figcaption>")
                .contains("<blockquote>")
                .doesNotContain("<script", "<style", "<form", "data:image", "onclick", "class=");
    }

    @Test
    void divSoupKeepsEveryParagraph() {
        String text = Fixtures.extract("seed-divsoup.html", "https://valley.example/news/bakers-strike").text();
        assertThat(text).containsSubsequence(
                "Workers at the town's two largest bakeries walked out",
                "The strike closed both bakeries' shops",
                "A spokesman for the owners said",
                "The union says it will meet the owners on Thursday");
    }

    @Test
    void divSoupDropsMenusTeasersShareBarNewsletterAndComments() {
        String text = Fixtures.extract("seed-divsoup.html", "https://valley.example/news/bakers-strike").text();
        assertThat(text).doesNotContain("Home", "Latest", "Council approves", "Share this", "Facebook",
                "Subscribe to our newsletter", "Comments", "twenty years", "Five nights in a row", "About us",
                "Copyright");
    }

    @Test
    void divSoupMetadataComesFromMetaTagsOnly() {
        Article a = Fixtures.extract("seed-divsoup.html", "https://valley.example/news/bakers-strike");
        assertThat(a.title()).isEqualTo("Bakers strike over night shifts");
        assertThat(a.byline()).isEqualTo("Ines Farrow");
        assertThat(a.published()).isEqualTo("2023-09-04");
        assertThat(a.description()).startsWith("Workers at the town's");
    }
}
