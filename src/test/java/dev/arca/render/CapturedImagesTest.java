package dev.arca.render;

import dev.arca.extract.Article;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the article renderers show the images a capture kept, and the ones it did not. */
class CapturedImagesTest {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    private static final String BODY = "<p>Before.</p>"
            + "<figure><img src=\"https://news.example/small.png\" alt=\"A bus\""
            + " srcset=\"https://news.example/small.png 300w, https://news.example/big.png 1200w\"><figcaption>The bus</figcaption></figure>"
            + "<p><img src=\"/gone.jpg\" alt=\"A bridge at dawn\"> and <img src=\"https://news.example/error.gif\" alt=\"Error page\"></p>"
            + "<p><img src=\"https://news.example/logo.gif\" alt=\"\"></p>";

    static Article article(String html) {
        return new Article("https://news.example/story", null, "Bridge reopens", "Maria Okafor", List.of("Maria Okafor"),
                "2024-03-14T08:30:00+00:00", null, "The Courier", "en", null, null, List.of(), null, "text/html",
                0.9, 4, "Before.", html);
    }

    static final CapturedResources CAPTURED = CapturedResources.of(Map.of(
            "https://news.example/big.png", new CapturedResource(PNG, "image/jpeg"),
            "https://news.example/logo.gif", new CapturedResource(GIF, null),
            // an error page served as an image is no picture
            "https://news.example/error.gif", new CapturedResource("<html>Not found</html>".getBytes(StandardCharsets.UTF_8), "image/gif")));

    @Test
    void htmlEmbedsTheChosenCandidateAndShowsAltTextForTheOthers() {
        String html = new HtmlPageRenderer().render(article(BODY), CAPTURED);

        Document page = Jsoup.parse(html);
        assertThat(page.select("img").eachAttr("src")).containsExactly(
                "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG),
                "data:image/gif;base64," + Base64.getEncoder().encodeToString(GIF));
        assertThat(page.select("img").first().attr("alt")).isEqualTo("A bus");
        assertThat(page.select("span.missing-image").eachText()).containsExactly("A bridge at dawn", "Error page");
        assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .isEqualTo(HtmlPageRenderer.CONTENT_SECURITY_POLICY).contains("img-src data:;").startsWith("default-src 'none';");
        assertThat(html).doesNotContain("news.example/big.png").doesNotContain("gone.jpg").doesNotContain("srcset");
    }

    @Test
    void htmlWithoutResourcesShowsEveryImageAsItsAltText() {
        Document page = Jsoup.parse(new HtmlPageRenderer().render(article(BODY)));

        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("span.missing-image").eachText()).containsExactly("A bus", "A bridge at dawn", "Error page");
    }

    @Test
    void markdownOnStdoutLinksTheOriginalAbsoluteUrls() {
        String md = new MarkdownRenderer().render(article(BODY));

        assertThat(md).contains("![A bus](https://news.example/small.png)")
                .contains("![A bridge at dawn](https://news.example/gone.jpg)")
                .contains("![](https://news.example/logo.gif)");
    }

    @Test
    void folderLinksItsOwnImageFilesByRelativePaths() {
        List<ArticleFolder.Entry> entries = ArticleFolder.of(article(BODY), CAPTURED, "{\"title\":\"Bridge reopens\"}\n");

        assertThat(entries).extracting(ArticleFolder.Entry::name).hasSize(5)
                .startsWith("index.html", "article.md", "article.json");
        String png = entries.get(3).name();
        String gif = entries.get(4).name();
        assertThat(png).matches("images/[0-9a-f]{16}\\.png");
        assertThat(gif).matches("images/[0-9a-f]{16}\\.gif");
        assertThat(entries.get(3).content()).isEqualTo(PNG);
        assertThat(entries.get(4).content()).isEqualTo(GIF);
        assertThat(new String(entries.get(2).content(), StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"Bridge reopens\"}\n");

        Document index = Jsoup.parse(new String(entries.get(0).content(), StandardCharsets.UTF_8));
        assertThat(index.select("img").eachAttr("src")).containsExactly(png, gif);
        assertThat(index.select("span.missing-image").eachText()).containsExactly("A bridge at dawn", "Error page");
        assertThat(index.select("meta[http-equiv=Content-Security-Policy]").attr("content")).contains("img-src 'self';");

        String md = new String(entries.get(1).content(), StandardCharsets.UTF_8);
        assertThat(md).contains("![A bus](" + png + ")").contains("![](" + gif + ")")
                .contains("![A bridge at dawn](https://news.example/gone.jpg)")
                .contains("![Error page](https://news.example/error.gif)");
    }

    @Test
    void folderWritesAnImageShownTwiceOnce() {
        String twice = "<p><img src=\"https://news.example/logo.gif\" alt=\"\"></p><p><img src=\"https://news.example/logo.gif\" alt=\"x\"></p>";

        List<ArticleFolder.Entry> entries = ArticleFolder.of(article(twice), CAPTURED, "{}");

        assertThat(entries).hasSize(4);
    }
}
