package dev.arca.render;

import dev.arca.extract.Article;
import dev.arca.testing.CommonMarkTree;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page text cannot break out of arca's Markdown: a CommonMark reader (commonmark-java) finds no
 * raw HTML, no link reference definition, no link or image to anything but http(s), no block the
 * page did not have, and shows the page's text as it was.
 */
class MarkdownSafetyTest {

    private static final String BASE = "https://news.example/a/story";

    /** Text a page can hold that looks like Markdown or HTML syntax. */
    private static final List<String> HOSTILE_TEXT = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<!-- a comment -->",
            "<?php echo 1; ?>",
            "<![CDATA[ x ]]>",
            "<!DOCTYPE html>",
            "</p><div onclick=x>",
            "<javascript:alert(1)>",
            "<JaVaScRiPt:alert(1)>",
            "<https://evil.example/>",
            "&lt;script&gt; &#60;b&#62; &amp;",
            "[x]: javascript:alert(1)",
            "[x](javascript:alert(1))",
            "![x](javascript:alert(1))",
            "text](javascript:alert(1)) [y",
            "a ` b `` c ``` d",
            "```",
            "~~~",
            "# heading",
            "###### six",
            "===",
            "---",
            "-- -",
            "- item",
            "+ item",
            "* item",
            "1. item",
            "2) item",
            "> quote",
            ">quote",
            "    indented",
            "\\ backslash \\* \\[",
            "*em* _em_ **strong** __strong__",
            "trailing hashes ##",
            "<div>");

    private static String body(String html) {
        return HtmlToMarkdown.convert(Jsoup.parseBodyFragment(html, BASE).body());
    }

    private static Article article(String title, String byline, String url, String html) {
        return new Article(url, null, title, byline, List.of(), null, null, "Site", "en", null, null, List.of(), null,
                "text/html", 0.9, 1, "", html);
    }

    private static String escaped(String text) {
        return Entities.escape(text);
    }

    @Test
    void hostileTextInEveryPlaceStaysText() {
        for (String text : HOSTILE_TEXT) {
            String t = escaped(text);
            List<String> places = List.of(
                    "<p>" + t + "</p>",
                    "<p>before<br>" + t + "<br>after</p>",
                    "<h2>" + t + "</h2>",
                    "<ul><li>" + t + "</li><li><p>x</p><p>" + t + "</p></li></ul>",
                    "<blockquote><p>" + t + "</p></blockquote>",
                    "<p><em>" + t + "</em> <strong>" + t + "</strong></p>",
                    "<p><code>" + t + "</code></p>",
                    "<p><code>a<br>" + t + "</code></p>",
                    "<pre>" + t + "\n" + t + "</pre>",
                    "<p><a href=\"https://x.example/\">" + t + "</a></p>",
                    "<p><img src=\"https://x.example/i.png\" alt=\"" + t + "\"></p>",
                    "<table><tr><th>" + t + "</th></tr><tr><td>" + t + "</td></tr></table>",
                    "<figure><img src=\"https://x.example/i.png\"><figcaption>" + t + "</figcaption></figure>");
            for (String html : places) {
                String md = body(html);

                assertThat(CommonMarkTree.unsafeNodes(md)).as("%s\n%s", html, md).isEmpty();
                if (!html.contains("alt=") && !html.contains("<table")) {
                    assertThat(CommonMarkTree.visibleText(md).replace(" ", ""))
                            .as("%s\n%s", html, md).contains(text.replace(" ", ""));
                }
            }
        }
    }

    @Test
    void hostileTextAsALoneParagraphMakesNoBlockOfItsOwn() {
        for (String text : HOSTILE_TEXT) {
            String md = body("<p>intro</p><p>" + escaped(text) + "</p><p>outro</p>");

            assertThat(Set.copyOf(CommonMarkTree.nodeTypes(md))).as(md)
                    .isSubsetOf("Document", "Paragraph", "Text", "SoftLineBreak", "Code");
            assertThat(CommonMarkTree.nodeTypes(md).stream().filter("Paragraph"::equals)).as(md).hasSize(3);
        }
    }

    @Test
    void textSplitAcrossElementsCannotJoinIntoATag() {
        String md = body("<p>&lt;<span>script</span>&gt;alert(1)&lt;<span>/script&gt;</span> &amp;<span>lt;</span></p>");

        assertThat(CommonMarkTree.unsafeNodes(md)).as(md).isEmpty();
        assertThat(CommonMarkTree.visibleText(md)).isEqualTo("<script>alert(1)</script> &lt;");
    }

    @Test
    void titleBylineAndSourceCannotBreakOutEither() {
        for (String text : HOSTILE_TEXT) {
            String md = new MarkdownRenderer().render(article(text + "\n" + text, text, BASE, "<p>Body</p>"));

            assertThat(CommonMarkTree.unsafeNodes(md)).as(md).isEmpty();
            assertThat(CommonMarkTree.nodeTypes(md).stream().filter("Heading"::equals)).as(md).hasSize(1);
        }
        String md = new MarkdownRenderer().render(article("T", null, "https://x.example/a>b <script>", "<p>Body</p>"));
        assertThat(CommonMarkTree.unsafeNodes(md)).as(md).isEmpty();
        assertThat(CommonMarkTree.linkDestinations(md)).containsExactly("https://x.example/a%3Eb%20%3Cscript%3E");
        for (String url : List.of("javascript:alert(1)", "data:text/html,<script>x</script>", "vbscript:msgbox(1)")) {
            String page = new MarkdownRenderer().render(article("T", null, url, "<p>Body</p>"));
            assertThat(CommonMarkTree.unsafeNodes(page)).as(page).isEmpty();
            assertThat(CommonMarkTree.linkDestinations(page)).as(page).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "java&#x09;script:alert(1)", "java&Tab;script:alert(1)",
            "  javascript:alert(1)", "&#106;avascript:alert(1)", "javascript&colon;alert(1)", "vbscript:msgbox(1)",
            "VBScript:msgbox(1)", "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;", "data:image/png;base64,iVBORw0KGgo=",
            "\njavascript:alert(1)", "jav&#x0A;ascript:alert(1)"})
    void scriptAndDataUrlsAreNeverLinked(String href) {
        String md = body("<p><a href=\"" + href + "\">link text</a> and <img src=\"" + href + "\" alt=\"pic\"></p>");

        assertThat(CommonMarkTree.unsafeNodes(md)).as(md).isEmpty();
        assertThat(CommonMarkTree.linkDestinations(md)).as(md).allMatch(d -> d.startsWith("https://news.example/"));
        assertThat(CommonMarkTree.imageDestinations(md)).as(md).allMatch(d -> d.startsWith("https://news.example/"));
        assertThat(CommonMarkTree.visibleText(md)).contains("link text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://x.example/a)(b", "https://x.example/a b", "https://x.example/<script>", "https://x.example/a\\*b",
            "https://x.example/?q=&amp;lt;b&amp;x=1", "https://x.example/](javascript:alert(1))", "https://x.example/a&#10;<div>b",
            "https://x.example/a\">x"})
    void webUrlsWithSyntaxInsideStayOneLinkToTheSameUrl(String href) {
        String md = body("<p><a href=\"" + href + "\">t</a> <img src=\"" + href + "\" alt=\"i\"></p>");
        String expected = Jsoup.parseBodyFragment("<a href=\"" + href + "\">", BASE).selectFirst("a").attr("href");

        assertThat(CommonMarkTree.unsafeNodes(md)).as(md).isEmpty();
        assertThat(CommonMarkTree.linkDestinations(md)).as(md).hasSize(1);
        assertThat(URLDecoder.decode(CommonMarkTree.linkDestinations(md).get(0), StandardCharsets.UTF_8)).as(md).isEqualTo(expected);
        assertThat(URLDecoder.decode(CommonMarkTree.imageDestinations(md).get(0), StandardCharsets.UTF_8)).as(md).isEqualTo(expected);
    }

    @Test
    void codeSpansAndFencesOutlastTheBackticksInside() {
        String md = body("<p><code>a`b``c</code> <code>`edge`</code></p><pre>```\nnot the end\n````\n</pre><p>after</p>");

        assertThat(md).isEqualTo("``` a`b``c ``` `` `edge` ``\n\n`````\n```\nnot the end\n````\n`````\n\nafter");
        assertThat(CommonMarkTree.visibleText(md)).isEqualTo("a`b``c `edge````\nnot the end\n````\nafter");
    }

    @Test
    void ordinaryProseIsNotEscaped() {
        String prose = "It's 5 o'clock; AT&T's profits rose 3% (to $4bn) - a record! Write to desk@news.example. "
                + "C# and F# are languages, 3 < 4 and 5 > 2, snake_case stays, so do #hashtags, 1.5 and 2024-03-14.";

        assertThat(body("<p>" + escaped(prose) + "</p>")).isEqualTo(prose);
        assertThat(new MarkdownRenderer().render(article("AT&T's 3 < 4 plan", "Jane Doe", BASE, "")))
                .isEqualTo("# AT&T's 3 < 4 plan\n\nBy Jane Doe · Site\n\nSource: <" + BASE + ">\n\n");
    }
}
