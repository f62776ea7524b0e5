package dev.arca.render;

import dev.arca.extract.Article;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RenderersTest {

    private static Article article(String html, String text) {
        return new Article("https://news.example/story", null, "Bridge reopens", "Maria Okafor", List.of("Maria Okafor"),
                "2024-03-14T08:30:00+00:00", null, "The Courier", "en", null, null, List.of(), null, "text/html",
                0.9, 4, text, html);
    }

    @Test
    void markdownHasTitleBylineSourceAndCleanBody() {
        String html = "<h2>Section</h2><p>First <a href=\"https://x.example/\">link</a>.</p>"
                + "<p><a href=\"https://empty.example/\"></a></p><p></p><p></p>"
                + "<figure><img src=\"https://news.example/i.jpg\" alt=\"A bus\"><figcaption>Caption</figcaption></figure>"
                + "<ul><li>one</li><li>two</li></ul><blockquote><p>Quoted</p></blockquote><pre><code>x = 1</code></pre>";

        String md = new MarkdownRenderer().render(article(html, "First link."));

        assertThat(md).startsWith("# Bridge reopens\n\nBy Maria Okafor · 2024-03-14T08:30:00+00:00 · The Courier\n\n"
                + "Source: <https://news.example/story>\n\n");
        assertThat(md).contains("## Section").contains("First [link](https://x.example/).")
                .contains("![A bus](https://news.example/i.jpg)").contains("* one").contains("> Quoted")
                .contains("x = 1").doesNotContain("[](").doesNotContain("\n\n\n").doesNotContain(" \n");
    }

    @Test
    void markdownOfHtmlNested100000DeepKeepsTheTextAndTakesSeconds() {
        String html = "<div>".repeat(100_000) + "<p>Deep <b>down</b></p>" + "</div>".repeat(100_000) + "<p>After.</p>";
        long start = System.nanoTime();

        String md = new MarkdownRenderer().render(article(html, "Deep down"));

        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(30));
        // jsoup stops nesting at 512 levels, so the deepest elements come out as siblings
        assertThat(md).contains("Deep").contains("**down**").endsWith("After.\n");
    }

    @Test
    void textHasTitleMetadataAndBodyOnly() {
        String text = new TextRenderer().render(article("<p>Body.</p>", "Body line one.\nBody line two."));

        assertThat(text).isEqualTo("Bridge reopens\n\nBy Maria Okafor · 2024-03-14T08:30:00+00:00 · The Courier\n"
                + "https://news.example/story\n\nBody line one.\nBody line two.\n");
    }

    @Test
    void htmlPageIsStandaloneAndInert() {
        String hostile = "<p onclick=\"steal()\">Hello</p><script>alert(1)</script><iframe src=\"https://evil.example\"></iframe>"
                + "<a href=\"javascript:alert(2)\">x</a><img src=\"https://tracker.example/p.gif\" onerror=\"alert(3)\">"
                + "<form action=\"https://evil.example\"><input name=q></form><style>body{display:none}</style>";

        String page = new HtmlPageRenderer().render(article(hostile, "Hello"));

        assertThat(page).startsWith("<!DOCTYPE html>")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
                .contains("<h1>Bridge reopens</h1>")
                .contains("href=\"https://news.example/story\"")
                .contains("Hello")
                .doesNotContain("<script>alert").doesNotContain("onclick").doesNotContain("onerror")
                .doesNotContain("<iframe").doesNotContain("javascript:").doesNotContain("<form")
                .doesNotContain("display:none");
    }
}
