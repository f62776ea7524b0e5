package dev.arca.render;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlToMarkdownTest {

    private static String md(String html) {
        return HtmlToMarkdown.convert(Jsoup.parseBodyFragment(html, "https://news.example/a/story").body());
    }

    @Test
    void separatesBlocksWithOneBlankLine() {
        assertThat(md("<h2>Head</h2><p>One</p><div><p>Two</p></div><p></p><p> </p><hr><h3>Sub <em>head</em></h3>"))
                .isEqualTo("## Head\n\nOne\n\nTwo\n\n---\n\n### Sub *head*");
    }

    @Test
    void keepsListsTightAndNested() {
        assertThat(md("<ul><li>one</li><li>two<ul><li>inner</li></ul></li><li>three</li></ul><ol start=3><li>c</li><li>d</li></ol>"))
                .isEqualTo("* one\n* two\n  * inner\n* three\n\n3. c\n4. d");
    }

    @Test
    void continuesQuotesAcrossParagraphs() {
        assertThat(md("<blockquote><p>First</p><p>Second</p></blockquote><p>After</p>"))
                .isEqualTo("> First\n>\n> Second\n\nAfter");
    }

    @Test
    void writesAbsoluteLinksAndImagesAndDropsEmptyOrScriptLinks() {
        assertThat(md("<p>See <a href=\"/b\">this</a>, <a href=\"https://x.example/\"> </a><a href=\"javascript:x()\">that</a>"
                + " and <a href=\"https://y.example/\"><img src=\"/i.png\" alt=\"pic\"></a>.</p>"))
                .isEqualTo("See [this](https://news.example/b), that and [![pic](https://news.example/i.png)](https://y.example/).");
    }

    @Test
    void placesEmphasisMarksWhereCommonMarkReadsThem() {
        assertThat(md("<p>a<em> b </em>c <strong></strong>d <b>e</b><i> </i>f</p>")).isEqualTo("a *b* c d **e** f");
    }

    @Test
    void keepsCodeVerbatim() {
        assertThat(md("<p>Run <code>a*b_c</code> or <code>x`y</code></p><pre><code>if (a &lt; b) {\n  *p = 1;\n}\n</code></pre>"))
                .isEqualTo("Run `a*b_c` or `` x`y ``\n\n```\nif (a < b) {\n  *p = 1;\n}\n```");
    }

    @Test
    void writesFigureCaptionUnderTheImage() {
        assertThat(md("<figure><img src=\"https://news.example/bus.jpg\" alt=\"A bus\"><figcaption>The first bus.</figcaption></figure>"))
                .isEqualTo("![A bus](https://news.example/bus.jpg)\n\n*The first bus.*");
    }

    @Test
    void writesTablesAsPipeTables() {
        assertThat(md("<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2022</td><td>£48m | est.</td></tr></table>"))
                .isEqualTo("| Year | Cost |\n| --- | --- |\n| 2022 | £48m \\| est. |");
    }

    @Test
    void escapesTextThatWouldBecomeSyntax() {
        assertThat(md("<p>5 * 3 = [fifteen] and snake_case stays, _this_ does not</p><p># not a heading</p><p>1. not a list</p><p>- nor this</p>"))
                .isEqualTo("5 \\* 3 = \\[fifteen\\] and snake_case stays, \\_this\\_ does not\n\n\\# not a heading\n\n1\\. not a list\n\n\\- nor this");
    }

    @Test
    void survivesVeryDeepNesting() {
        String deep = "<div>".repeat(50_000) + "deep text" + "</div>".repeat(50_000);

        assertThat(md(deep)).isEqualTo("deep text");
    }

    @Test
    void linkAroundBlocksLinksEachBlock() {
        assertThat(md("<figure><a href=\"https://x.example/big.jpg\"><div><img src=\"https://x.example/i.jpg\" alt=\"Pic\"></div></a>"
                + "<figcaption>Cap</figcaption></figure>"))
                .isEqualTo("[![Pic](https://x.example/i.jpg)](https://x.example/big.jpg)\n\n*Cap*");
        assertThat(md("<a href=\"https://x.example/s\"><h2>Title</h2><p>Teaser <em>now<div>and</div>then</em></p></a><p>After</p>"))
                .isEqualTo("## [Title](https://x.example/s)\n\n[Teaser *now*](https://x.example/s)\n\n[*and*](https://x.example/s)"
                        + "\n\n[*then*](https://x.example/s)\n\nAfter");
        assertThat(md("<p><a href=\"https://x.example/c\">see<pre>x = 1</pre>more</a></p>"))
                .isEqualTo("[see](https://x.example/c)\n\n```\nx = 1\n```\n\n[more](https://x.example/c)");
    }

    @Test
    void emptyHeadingDoesNotTurnTheNextParagraphIntoOne() {
        assertThat(md("<h2></h2><p>Text</p><h3><span> </span></h3><p>More</p>")).isEqualTo("Text\n\nMore");
    }

    @Test
    void preNestedInPreIsOneCodeBlock() {
        assertThat(md("<pre>a<pre>b</pre>c</pre><p>After *</p>")).isEqualTo("```\nabc\n```\n\nAfter \\*");
    }
}
