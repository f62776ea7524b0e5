package dev.arca.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of page furniture, inside a story long enough to be chosen as the content. */
class FurnitureTest {

    private static final String STORY = """
            <p>The river authority opened the new flood gates on Tuesday after three years of building work,
            saying the town centre would now be protected from the kind of flooding it suffered twice last decade.</p>
            <p>Engineers tested each of the six gates in turn while a small crowd watched from the bank, and the
            authority said the gates could be closed in under an hour when the river rises quickly after heavy rain.</p>
            <p>Shop owners on the quay, many of whom lost stock in the floods, said they were relieved, although
            some complained that the building work had kept customers away for most of the last two summers.</p>
            """;

    private static String body(String furniture) {
        return Fixtures.body("<html><body><div class=\"page\"><article><h1>Flood gates open</h1>" + STORY
                + furniture + "</article></div></body></html>");
    }

    private static void assertStoryKept(String text) {
        assertThat(text).contains("The river authority opened", "Engineers tested each", "Shop owners on the quay");
    }

    @Test
    void dropsCommentThreadEvenWhenCommentsReadLikeProse() {
        String text = body("""
                <section id="comments"><h2>3 Comments</h2>
                <div class="comment"><p>I grew up by this river and remember the floods well; my family lost
                almost everything in the second one, so this is a great relief to all of us who still live here.</p></div>
                <div class="comment"><p>It is good news, although I wish the authority had listened to residents
                much earlier instead of waiting for two disasters before it finally acted on the engineers' advice.</p></div>
                </section>""");
        assertStoryKept(text);
        assertThat(text).doesNotContain("grew up by this river", "listened to residents", "3 Comments");
    }

    @Test
    void dropsCommentThreadMarkedOnlyByItsHeading() {
        String text = body("""
                <h3>Comments</h3>
                <p>What a lovely piece of engineering, and it is wonderful to finally see it finished after so long.</p>
                <p>I still think the money should have gone into the old sea wall instead of these gates.</p>""");
        assertStoryKept(text);
        assertThat(text).doesNotContain("lovely piece", "sea wall");
    }

    @Test
    void keepsStandfirstDropsCommentForm() {
        String text = Fixtures.body("<html><body><article><h1>Flood gates open</h1>"
                + "<p class=\"standfirst\">Six new gates will protect the town centre</p>" + STORY
                + "<div id=\"respond\"><h3>Leave a Reply</h3><p>Your email address will not be published. "
                + "Required fields are marked *</p><form><textarea></textarea></form></div></article></body></html>");
        assertThat(text).startsWith("Six new gates will protect the town centre");
        assertStoryKept(text);
        assertThat(text).doesNotContain("Leave a Reply", "Your email address", "Required fields");
    }

    @Test
    void dropsShareBarInSeveralLanguages() {
        for (String share : new String[] {"Share this article", "Diesen Artikel teilen", "Partager", "Compartir",
            "Condividi"}) {
            String text = body("<div class=\"tools\"><p>" + share + "</p></div>");
            assertStoryKept(text);
            assertThat(text).doesNotContain(share);
        }
        String text = body("<div class=\"share-buttons\"><a href=\"https://s.example/f\">Facebook</a>"
                + "<a href=\"https://s.example/t\">Twitter</a></div>");
        assertThat(text).doesNotContain("Facebook", "Twitter");
    }

    @Test
    void dropsRelatedPostsAndReadMoreTeasers() {
        String text = body("""
                <p>Read more: <a href="/a">Council approves flood budget</a></p>
                <p>Lesen Sie auch: <a href="/b">Neue Brücke eröffnet</a></p>
                <div class="related-posts"><h3>Related Articles</h3><ul>
                <li><a href="/c">River levels fall after a dry month across the region</a></li>
                <li><a href="/d">Quay shops prepare for the summer season</a></li></ul></div>""");
        assertStoryKept(text);
        assertThat(text).doesNotContain("Read more", "Council approves", "Lesen Sie auch", "Related Articles",
                "River levels fall", "Quay shops prepare");
    }

    @Test
    void dropsAnInlineTeaserCardButKeepsALeadNamedTeaser() {
        String text = Fixtures.body("<html><body><article><h1>Flood gates open</h1>"
                + "<p class=\"teaser-text\">Six new gates will protect the town centre from the river</p>" + STORY
                + "<section class=\"box teaser teaser--inline\"><a href=\"/battery\"><span>Guide</span>"
                + "<h3>Car batteries in winter</h3><p>How to get through the cold season</p></a></section>"
                + "</article></body></html>");
        assertStoryKept(text);
        assertThat(text).contains("Six new gates will protect").doesNotContain("Car batteries", "cold season");
    }

    @Test
    void dropsALineOfLabelledFieldsThatFilesThePost() {
        String text = body("<p>News date : 04/21/2022 &nbsp;&nbsp;Category : <a href=\"/c/10\">Press Releases</a></p>"
                + "<p>Autor: Pat Kerr | Rubrik: Lokales</p>");
        assertStoryKept(text);
        assertThat(text).doesNotContain("News date", "Press Releases", "Rubrik");
        assertThat(FurnitureText.Line.of("Author: Clark Hoyt Published: May 01, 2001").metaFields())
                .as("a byline and a date, which the byline and date rules judge").isFalse();
        assertThat(FurnitureText.Line.of("Category: the gates cost more than the council had planned").metaFields())
                .as("one field is a sentence, not a line of fields").isFalse();
    }

    @Test
    void dropsALongWelcomeBoxThatEndsInACookieNotice() {
        String welcome = "Welcome to the Gazette. We are an independent paper that has covered the river towns for a "
                + "hundred years, with reporters in every town on the water. We publish news, features and "
                + "the tide tables every day, and our archive holds every issue since the first one. ";
        String text = body("<div class=\"welcome\"><div class=\"txt\">" + welcome + "<br>Please visit us often. "
                + "Note that we use cookies. <div class=\"close\"><a href=\"#\">Close</a></div></div></div>");
        assertStoryKept(text);
        assertThat(text).doesNotContain("Welcome to the Gazette", "we use cookies");
    }

    @Test
    void dropsAuthorBioBox() {
        String text = body("<div class=\"author-box\"><h4>About the author</h4><p>Pat Kerr has covered the river "
                + "for twenty years and lives in a houseboat with two cats and far too many books.</p></div>");
        assertStoryKept(text);
        assertThat(text).doesNotContain("About the author", "houseboat");
    }

    @Test
    void dropsNewsletterPromptAndCookieNotice() {
        String text = body("<div class=\"box\"><p>Sign up for our daily newsletter and get the news first.</p></div>"
                + "<div class=\"notice\"><p>We use cookies to give you the best experience on our site.</p></div>"
                + "<p>Wir verwenden Cookies, um unsere Website zu verbessern.</p>"
                + "<p>For the latest stories download the Gazette apps for iOS and Android.</p>"
                + "<p>Shop owners said they would download the council's new parking app for their staff.</p>");
        assertStoryKept(text);
        assertThat(text).doesNotContain("newsletter", "We use cookies", "Wir verwenden Cookies", "Gazette apps");
        assertThat(text).as("a story's own sentence about an app").contains("new parking app");
        assertThat(FurnitureText.isFurniture("Informujemy, że korzystamy z\u00a0cookies.")).as("a no-break space").isTrue();
        assertThat(FurnitureText.opensFurnitureSection("Lire\u00a0aussi\u202f:")).isTrue();
    }

    @Test
    void dropsBackToTopAndAdvertisementLabels() {
        String text = body("<div class=\"ad-slot\"><span>Advertisement</span></div><p><a href=\"#top\">Back to top</a>"
                + "</p><p>Anzeige</p><div><span>Nach oben</span></div>");
        assertStoryKept(text);
        assertThat(text).doesNotContain("Advertisement", "Back to top", "Anzeige", "Nach oben");
    }

    @Test
    void aBylineWordLeftWithoutItsNamesGoesWithThem() {
        String text = body("<p><span>Por <span class=\"last-byline\" itemprop=\"name\">Ana Ruiz</span></span></p>"
                + "<p><span>By: <span class=\"byline\">Bo Park</span></span></p>");
        assertStoryKept(text);
        assertThat(text.lines()).doesNotContain("Por", "By:");
    }

    @Test
    void dropsImageCreditsButKeepsCaptions() {
        String text = body("<figure><img src=\"/g.jpg\" alt=\"gates\"><figcaption>The six gates from the quay."
                + "</figcaption><span class=\"credit\">Photo: Jo Swale / River Agency</span></figure>"
                + "<p>Foto: dpa</p><figure><img src=\"/s.jpg\" alt=\"skier\"><figcaption>Ann Lee at the start. "
                + "© AFP / BO PARK</figcaption></figure>"
                + "<div class=\"img-inline\"><a href=\"/big.jpg\"><img src=\"/k.jpg\"></a></div>"
                + "<p class=\"imagedescription\">Cy Roe on the ice. © AFP / DI LU</p>");
        assertStoryKept(text);
        assertThat(text).contains("The six gates from the quay.", "Ann Lee at the start.", "Cy Roe on the ice.");
        assertThat(text).doesNotContain("Jo Swale", "Foto: dpa", "BO PARK", "DI LU");
    }

    @Test
    void dropsNavigationSidebarAndFooterOutsideTheArticle() {
        String text = Fixtures.body("<html><body><nav><a href=\"/\">Home</a><a href=\"/news\">News</a></nav>"
                + "<div class=\"page\"><article>" + STORY + "</article><aside class=\"sidebar\"><h3>Popular</h3>"
                + "<p>Most read stories this week across all of our sections and regions.</p></aside></div>"
                + "<footer>Contact us · Privacy policy</footer></body></html>");
        assertStoryKept(text);
        assertThat(text).doesNotContain("Home", "Popular", "Most read", "Contact us");
    }

    @Test
    void keepsHeadingsListsTablesCodeAndQuotes() {
        String text = body("""
                <h2>What the gates cost</h2>
                <ul><li>Gates: four million pounds</li><li>Walls: one million pounds</li></ul>
                <table><thead><tr><th>Year</th><th>Floods</th></tr></thead>
                <tbody><tr><td>2012</td><td>1</td></tr><tr><td>2016</td><td>1</td></tr></tbody></table>
                <pre><code>gate.close(6);</code></pre>
                <blockquote><p>We are finally safe, said one shop owner.</p></blockquote>""");
        assertStoryKept(text);
        assertThat(text).contains("What the gates cost", "Gates: four million pounds", "Year", "2016",
                "gate.close(6);", "We are finally safe");
    }

    @Test
    void aSectionIdMadeFromItsHeadingIsNotAFurnitureName() {
        String text = body("<div class=\"section\" id=\"sharing-with-a-single-developer\"><h2>Sharing with a single "
                + "developer</h2><p>The key to shared history is to keep your changes in draft while you pass them around, "
                + "so that each copy can still be amended.</p></div>");
        assertStoryKept(text);
        assertThat(text).contains("The key to shared history");
    }

    @Test
    void aThreadOfManyEmbeddedPostsInACommentBoxIsNoQuote() {
        StringBuilder posts = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            posts.append("<blockquote class=\"twitter-tweet\"><p>Fan post number ").append(i)
                    .append(" about the gates, and how great they look from the quay at night.</p></blockquote>");
        }
        String text = body("<div class=\"comments\">" + posts + "</div>");
        assertStoryKept(text);
        assertThat(text).doesNotContain("Fan post number");
    }

    @Test
    void classTokenVerdictsFromTheCheapScansMatchTheNamingRules() {
        assertThat(ClassNames.furnitureKind(ClassNames.tokenBits("comment-list"))).isEqualTo(ClassNames.STRONG);
        assertThat(ClassNames.furnitureKind(ClassNames.tokenBits("td-ad-slot"))).isEqualTo(ClassNames.STRONG);
        assertThat(ClassNames.furnitureKind(ClassNames.tokenBits("read-more"))).isEqualTo(ClassNames.WEAK);
        assertThat(ClassNames.furnitureKind(ClassNames.tokenBits("category-sharing"))).isEqualTo(ClassNames.NONE);
        assertThat(ClassNames.furnitureKind(ClassNames.tokenBits("page-template-comments"))).isEqualTo(ClassNames.NONE);
        assertThat(ClassNames.furnitureKind(ClassNames.tokenBits("commentary"))).isEqualTo(ClassNames.NONE);
        assertThat(ClassNames.tokenBits("entry-meta") & ClassNames.META_TOKEN).isNotZero();
        assertThat(ClassNames.tokenBits("fact-box") & ClassNames.FACT_TOKEN).isNotZero();
        assertThat(ClassNames.tokenBits("hid") & ClassNames.NEGATIVE_TOKEN).isNotZero();
        assertThat(ClassNames.tokenBits("hide") & ClassNames.NEGATIVE_TOKEN).isZero();
        assertThat(ClassNames.unlikely(ClassNames.tokenBits("site-footer"))).isTrue();
        assertThat(ClassNames.unlikely(ClassNames.tokenBits("footer-content"))).isFalse();
    }
}
