package dev.arca.extract;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ControlCharactersTest {

    private static final String HOSTILE = "a\u001B[31mred\u001B[0m\u0007 \u001B]8;;https://evil.example/\u001B\\link\u001B]8;;\u001B\\"
            + " \u009B31m\u0000b\u007F\u0085c";

    @Test
    void removesC0DelAndC1ControlsFromOneLineValues() {
        assertThat(ControlCharacters.line(HOSTILE)).isEqualTo("a[31mred[0m ]8;;https://evil.example/\\link]8;;\\ 31mbc");
        assertThat(ControlCharacters.line("Title\twith\nbreaks\r\nand\fform")).isEqualTo("Title with breaks  and form");
    }

    @Test
    void keepsLineBreaksAndTabsInText() {
        assertThat(ControlCharacters.text("one\ttab\ntwo\r\nthree\rfour\u000Bfive\u001B")).isEqualTo("one\ttab\ntwo\nthree\nfour\nfive");
    }

    @Test
    void leavesCleanTextAloneAndKeepsPairedSurrogates() {
        String clean = "Ünïcödé — “quotes”, emoji \uD83D\uDE00, CJK 漢字, nbsp\u00A0é";

        assertThat(ControlCharacters.line(clean)).isSameAs(clean);
        assertThat(ControlCharacters.text(clean)).isSameAs(clean);
        assertThat(ControlCharacters.line(null)).isNull();
    }

    @Test
    void replacesLoneSurrogatesSoEveryEncoderCanWriteTheText() {
        String broken = Jsoup.parse("<p>a&#xD800;b&#xDFFF;c\uDE00</p>").text();

        String clean = ControlCharacters.text(broken);

        assertThat(clean).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
        assertThat(new String(clean.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(clean);
    }

    @Test
    void htmlLosesControlsRawAndAsTheReferencesJsoupWrites() {
        var doc = Jsoup.parseBodyFragment("<p>x</p>");
        doc.outputSettings().prettyPrint(false);
        doc.selectFirst("p").text("a\u001Bb\u0007c\u009Bd\te\nf").attr("title", "t\u001B\u0000");
        String html = doc.body().html();
        assertThat(html).contains("&#x1b;");

        String clean = ControlCharacters.html(html + "&amp;#x1b; &#X1B; &#27; &#0000000000027; &#x9; &#x41; &#x1bz");

        assertThat(clean).isEqualTo("<p title=\"t\">abcd\te\nf</p>&amp;#x1b;    &#x9; &#x41; z");
        assertThat(Jsoup.parseBodyFragment(clean).body().wholeText().chars().filter(c -> c < 0x20 && c != '\n' && c != '\t'))
                .isEmpty();
    }
}
