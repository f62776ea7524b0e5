package dev.arca.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each content step on its own. */
class ContentStepsTest {

    private static final String PARAGRAPHS = """
            <p>First paragraph of the story, long enough to count, with a comma, and another, and more words.</p>
            <p>Second paragraph of the story, also long enough to count, with commas, clauses, and detail.</p>
            <p>Third paragraph of the story, which closes it, again with enough text and a comma or two.</p>""";

    @Test
    void pruneRemovesScriptsHiddenBlocksNavigationAndBylines() {
        Page page = Fixtures.run("<body><script>var x = 1;</script><style>p{}</style><nav>Menu</nav>"
                + "<div style=\"display:none\">Hidden</div><div hidden>Also hidden</div>"
                + "<p class=\"byline\">By Ann Lee</p><p>Kept text</p><!-- a comment --></body>", null, new Prune());
        String html = page.work().body().html();
        assertThat(html).contains("Kept text").doesNotContain("var x", "Menu", "Hidden", "Ann Lee", "comment");
        assertThat(page.original().body().html()).contains("var x");
    }

    @Test
    void pruneResolvesLazyImagesAndNoscriptFallbacks() {
        Page page = Fixtures.run("<body><img class=lazy src=\"data:image/gif;base64,AA\" data-src=\"/a.jpg\">"
                + "<img data-lazy-src=\"/b.jpg\"><img src=\"/placeholder.gif\" data-srcset=\"/c.jpg 1x\">"
                + "<img src=\"data:image/gif;base64,AA\"><noscript><img src=\"/d.jpg\"></noscript></body>",
                "https://s.example/p", new Prune());
        assertThat(page.work().body().select("img").eachAttr("src"))
                .containsExactly("/a.jpg", "/b.jpg", "/c.jpg", "/d.jpg");
        assertThat(LazyImages.isPlaceholder("DATA:image/png;base64,AA")).isTrue();
        assertThat(LazyImages.isPlaceholder("/img/Spacer.GIF")).isTrue();
        assertThat(LazyImages.isPlaceholder("  ")).isTrue();
        assertThat(LazyImages.isPlaceholder("/img/harbour-at-night.jpg")).isFalse();
    }

    @Test
    void hiddenIsWhatTheMarkupSaysWithoutAStyleSheet() {
        Element body = org.jsoup.Jsoup.parse("<div hidden>a</div><div style=\"DISPLAY : none\">b</div>"
                + "<div style=\"color:red; visibility:hidden\">c</div><div style=\"display:block\">d</div><div>e</div>").body();
        assertThat(body.children().stream().filter(Hidden::inMarkup).map(Element::text)).containsExactly("a", "b", "c");
    }

    @Test
    void scoreGivesTheParagraphsParentTheHighestScore() {
        Page page = Fixtures.run("<body><div id=menu><a href=/1>One</a> <a href=/2>Two</a></div>"
                + "<div id=story>" + PARAGRAPHS + "</div></body>", null, new Score());
        Element story = page.work().getElementById("story");
        Block best = page.block(story);
        assertThat(best.scored()).isTrue();
        for (var entry : page.blocks().entrySet()) {
            if (entry.getKey() != story && entry.getValue().scored()) {
                assertThat(entry.getValue().score()).isLessThan(best.score());
            }
        }
        assertThat(page.block(page.work().getElementById("menu")).linkDensity()).isEqualTo(1.0);
    }

    @Test
    void selectTakesTheStoryAndItsParagraphSiblingsButNotLinkLists() {
        Page page = Fixtures.run("<body><div><div id=story>" + PARAGRAPHS + "</div>"
                + "<p>A closing paragraph written as a sibling of the story block, long enough to be kept.</p>"
                + "<ul><li><a href=/a>Another story entirely, with a long link title</a></li>"
                + "<li><a href=/b>Yet another story with a long link title</a></li></ul></div></body>", null,
                new Score(), new Select());
        String text = page.content().text();
        assertThat(text).contains("First paragraph", "Third paragraph", "A closing paragraph")
                .doesNotContain("Another story entirely");
    }

    @Test
    void cleanRemovesLinkListsAndTheTitleHeadingButKeepsDataTables() {
        Page page = Fixtures.run("<body><div id=story><h1>The headline</h1>" + PARAGRAPHS
                + "<div class=links><a href=/x>Link one here</a> <a href=/y>Link two here</a> "
                + "<a href=/z>Link three here</a></div><table><tr><th>City</th><th>Rain</th></tr>"
                + "<tr><td>Oslo</td><td>12</td></tr></table></div></body>", null, new Score(), new Select());
        page.metadata().offer(Metadata.Field.TITLE, "The headline", Source.TEXT);
        new Clean().apply(page);
        String text = page.content().text();
        assertThat(text).contains("First paragraph", "Oslo").doesNotContain("The headline", "Link one");
    }

    @Test
    void tidySanitisesAndMakesUrlsAbsolute() {
        Page page = Fixtures.run("<body><div id=story>" + PARAGRAPHS + "<p onclick=\"evil()\" class=x>"
                + "<a href=\"/rel\">relative</a> <a href=\"javascript:alert(1)\">js</a> <a href=\"/e\"></a>"
                + "<img src=\"img/i.png\" onerror=\"evil()\"></p><iframe src=\"/f\"></iframe>"
                + "<form><p>Form text</p></form></div></body>", "https://site.example/news/a.html",
                new Score(), new Select(), new Tidy());
        assertThat(page.html()).contains("<a href=\"https://site.example/rel\">relative</a>",
                "<img src=\"https://site.example/news/img/i.png\">", "Form text")
                .doesNotContain("onclick", "onerror", "javascript:", "<iframe", "<form", "class=", "/e\"");
    }

    @Test
    void plainTextPutsEachBlockOnItsOwnLineAndKeepsPreformattedText() {
        Element root = Jsoup.parse("<div><h2>Head</h2><p>One <b>bold</b>\n  word</p><ul><li>a</li><li>b</li></ul>"
                + "<p>line<br>break</p><pre>x = 1\n  y = 2</pre></div>").body();
        assertThat(PlainText.of(root)).isEqualTo("Head\nOne bold word\na\nb\nline\nbreak\nx = 1\ny = 2");
    }

    @Test
    void confidenceIsHighForAnArticleAndLowForAShortListing() {
        Page article = Fixtures.run("<p>x</p>", "https://n.example/2020/01/02/story", new Confidence());
        article.body("", (PARAGRAPHS.repeat(6)).replaceAll("<[^>]+>", "\n"));
        article.metadata().markArticleTyped();
        new Confidence().apply(article);
        assertThat(article.confidence()).isGreaterThan(0.7);

        Page listing = Fixtures.run("<p>x</p>", "https://n.example/", new Confidence());
        listing.body("", "Home\nWorld\nSport");
        new Confidence().apply(listing);
        assertThat(listing.confidence()).isLessThan(0.2);
    }

    @Test
    void jsonLdArticleBodyReplacesABodyTheMarkupHid() {
        String story = "First sentence of a story that the page renders only with script. ".repeat(12);
        Page page = Fixtures.run("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"@type\":\"NewsArticle\",\"headline\":\"Hidden\",\"articleBody\":\"" + story
                + "\\nSecond paragraph.\"}</script><div id=app></div>", null, new JsonLdStep());
        page.body("", "Loading...");
        new ArticleBodyStep().apply(page);
        assertThat(page.text()).startsWith("First sentence").endsWith("Second paragraph.");
        assertThat(page.html()).startsWith("<p>First sentence").contains("</p><p>Second paragraph.</p>");
    }

    @Test
    void aHowTosStepsInJsonLdBecomeTheBodyOfAPageRenderedByScript() {
        String step = "Cut the cloth along the chalk line, leaving a hem of two centimetres all round. ";
        String ld = "{\"@context\":\"https://schema.org\",\"@type\":\"HowTo\",\"name\":\"A round tablecloth\","
                + "\"description\":\"How to sew a round tablecloth.\",\"comment\":[{\"@type\":\"Comment\",\"text\":\"Nice!\"}],"
                + "\"tool\":[{\"@type\":\"HowToTool\",\"name\":\"Scissors\"}],"
                + "\"step\":[{\"@type\":\"HowToStep\",\"name\":\"Measure\",\"itemListElement\":{\"@type\":\"HowToDirection\","
                + "\"text\":\"<p>Measure the table's diameter.</p><p>Add the drop twice.</p>\"}},"
                + "{\"@type\":\"HowToSection\",\"name\":\"Sewing\",\"itemListElement\":["
                + "{\"@type\":\"HowToStep\",\"text\":\"" + step.repeat(6) + "\"}]}]}";
        Page page = Fixtures.run("<script type=\"application/ld+json\">" + ld + "</script><div id=app></div>", null,
                new JsonLdStep());
        page.body("", "Loading...");
        new ArticleBodyStep().apply(page);
        assertThat(page.text().split("\n")).startsWith("How to sew a round tablecloth.", "Measure",
                "Measure the table's diameter.", "Add the drop twice.", "Sewing");
        assertThat(page.text()).endsWith("all round.").doesNotContain("Nice!").doesNotContain("Scissors");
    }

    @Test
    void aRecipesIngredientsAndInstructionsAreReadInOrder() {
        String ld = "{\"@type\":\"Recipe\",\"name\":\"Muffins\",\"recipeIngredient\":[\"200 g flour\",\"1 egg\"],"
                + "\"recipeInstructions\":[\"Heat the oven to 180 &deg;C.\",{\"@type\":\"HowToStep\",\"text\":\"Bake for 20 minutes.\"}]}";
        Page page = Fixtures.run("<script type=\"application/ld+json\">" + ld + "</script>", null, new JsonLdStep());
        assertThat(page.metadata().articleBody().split("\n"))
                .containsExactly("200 g flour", "1 egg", "Heat the oven to 180 \u00b0C.", "Bake for 20 minutes.");
    }
}
