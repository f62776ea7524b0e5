package dev.arca.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The title stays as the page's metadata writes it; the headline loses a site name at either end
 * only where the page proves the name is its site's.
 */
class HeadlineTest {

    private static Article extract(String head, String body, String url) {
        return Extractor.create().extract(("<html><head>" + head + "</head><body>" + body
                + "<p>" + "The harbour works went on through the night, the crews said. ".repeat(12) + "</p></body></html>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/html", url).article();
    }

    @Test
    void aSuffixNamedByTheSiteNameOrTheHostIsTakenOffTheHeadlineOnly() {
        Article byName = extract("<meta property=\"og:title\" content=\"How to Build a Terrarium | eHow\">"
                + "<meta property=\"og:site_name\" content=\"eHow.com\">", "", "https://example.org/a");
        Article byHost = extract("<meta property=\"og:title\" content=\"How to Build a Terrarium | eHow\">", "",
                "https://www.ehow.com/how_to_build_a_terrarium.html");

        for (Article a : new Article[] {byName, byHost}) {
            assertThat(a.title()).isEqualTo("How to Build a Terrarium | eHow");
            assertThat(a.headline()).isEqualTo("How to Build a Terrarium");
        }
    }

    @Test
    void namesCompareWithoutTheCaseOrTheLeadingThe() {
        Article a = extract("<meta property=\"og:title\" content=\"Pier reopens after repairs - the guardian\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Pier reopens after repairs - the guardian\","
                + "\"isPartOf\":{\"@type\":\"WebSite\",\"name\":\"The Guardian\"}}</script>", "", "https://example.org/a");

        assertThat(a.headline()).isEqualTo("Pier reopens after repairs");
    }

    @Test
    void anUnprovenSuffixStays() {
        Article a = extract("<meta property=\"og:title\" content=\"Pier reopens after repairs | Local News\">"
                + "<meta property=\"og:site_name\" content=\"Coastline Daily\">", "", "https://coastline.example/a");

        assertThat(a.headline()).isEqualTo("Pier reopens after repairs | Local News");
    }

    @Test
    void aNameTheH1CarriesIsTheHeadlinesOwn() {
        Article a = extract("<meta property=\"og:title\" content=\"Factorio: the factory game at ten\">"
                + "<meta property=\"og:site_name\" content=\"Factorio\">", "<h1>Factorio: the factory game at ten</h1>",
                "https://example.org/a");

        assertThat(a.headline()).isEqualTo("Factorio: the factory game at ten");
    }
}
