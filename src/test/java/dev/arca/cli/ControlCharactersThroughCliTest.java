package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.extract.Article;
import dev.arca.store.Store;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.SyntheticBundles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page-derived text never reaches a terminal raw: a page whose title, byline, site name and body
 * hold colour codes (ESC [31m), BEL, OSC 8 hyperlinks, the C1 CSI U+009B and NUL, raw and as
 * character references, is fetched, restored and extracted in every form, and none of them is
 * printed. A bundle stored before arca removed them is restored without them too.
 */
class ControlCharactersThroughCliTest {

    private static final String ESC = "\u001B";
    private static final String OSC8_OPEN = ESC + "]8;;https://evil.example/" + ESC + "\\";
    private static final String OSC8_CLOSE = ESC + "]8;;" + ESC + "\\";
    private static final String HOSTILE = ESC + "[31m" + "\u0007" + OSC8_OPEN + "x" + OSC8_CLOSE + "\u009B2J" + "\u0000";
    private static final String PARAGRAPH = "Engineers finished the work three weeks ahead of schedule, and the harbour"
            + " bridge carried its first buses on Thursday morning after two years of repairs to its cables. ";

    private static final String PAGE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Harbour " + ESC + "[31mbridge\u0007 reopens</title>"
            + "<meta name=\"author\" content=\"Maria " + OSC8_OPEN + "Okafor" + OSC8_CLOSE + "\">"
            + "<meta property=\"og:site_name\" content=\"Courier\u009B2J\">"
            + "<meta name=\"description\" content=\"Desc " + HOSTILE + " &#x1b;[1m\">"
            + "</head><body><article><h1>Harbour bridge reopens</h1>"
            + "<p>" + PARAGRAPH + "Colour " + ESC + "[31mred" + ESC + "[0m, bell\u0007, link " + OSC8_OPEN + "here" + OSC8_CLOSE
            + ", CSI \u009B2J, NUL \u0000.</p>"
            + "<p>" + PARAGRAPH + "As references: &#x1b;[2J &#27;]8;;x&#7; &#0; &#x7f; end.</p>"
            + "<p>" + PARAGRAPH + "A lone surrogate &#xD800; here.</p>"
            + "<pre>code " + ESC + "[1m" + "bold\r\nnext</pre>"
            + "<p><img src=\"/i.png\" alt=\"alt " + ESC + "[5m\"> <a href=\"/x\">link " + ESC + "[4mtext</a></p>"
            + "</article></body></html>";

    @TempDir
    static Path home;

    private static LoopbackServer server;
    private static Cli cli;
    private static String url;
    private static String id;

    @BeforeAll
    static void fetch() {
        server = new LoopbackServer().html("/story.html", PAGE);
        cli = new Cli(home);
        url = server.url("/story.html");
        Cli.Result fetched = cli.run("fetch", url);
        assertThat(fetched.status()).as(fetched.err()).isZero();
        id = fetched.out().split("\t")[0];
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void restoredFormsHoldNoControlCharacter() {
        for (String form : List.of("text", "markdown", "json", "html")) {
            assertThat(printable("restore", id, "--as", form)).contains("three weeks ahead").contains("Okafor");
        }
        assertThat(cli.run("restore", id, "--as", "text").out())
                .startsWith("Harbour [31mbridge reopens\n\nBy Maria ]8;;https://evil.example/\\Okafor]8;;\\ · Courier2J\n")
                .contains("Colour [31mred[0m, bell, link ]8;;https://evil.example/\\here]8;;\\, CSI 2J, NUL .")
                .contains("As references: [2J ]8;;x ")
                .contains("code [1mbold\nnext");
    }

    @Test
    void extractedFormsHoldNoControlCharacter() {
        for (String format : List.of("json", "markdown", "text", "html")) {
            assertThat(printable("extract", url, "--format", format)).contains("three weeks ahead");
        }
    }

    @Test
    void aLoneSurrogateBecomesTheReplacementCharacterInValidJson() throws Exception {
        Cli.Result r = cli.run("extract", url, "--format", "json");

        JsonNode article = new ObjectMapper().readTree(r.outBytes());
        assertThat(article.get("text").asText()).contains("A lone surrogate \uFFFD here.");
        assertThat(new String(r.outBytes(), StandardCharsets.UTF_8)).contains("A lone surrogate \uFFFD here.");
    }

    @Test
    void aBundleStoredWithControlCharactersIsRestoredWithout() throws Exception {
        String oldUrl = server.url("/old.html");
        Article dirty = new Article(oldUrl, null, "Old " + HOSTILE + " title", "Jane " + HOSTILE, List.of("Jane"), null, null,
                "Site" + HOSTILE, "en", "Desc" + HOSTILE, null, List.of("tag" + HOSTILE), null, "text/html", 0.9, 3,
                "Old body " + HOSTILE + "\nsecond line \uD800",
                "<p>Old body " + HOSTILE + " &#x1b;[2J</p><p>second line \uD800</p>");
        String oldId = SyntheticBundles.save(new Store(cli.store()), dirty, oldUrl, Instant.parse("2024-03-14T08:30:00Z")).id();

        for (String form : List.of("text", "markdown", "json", "html")) {
            assertThat(printable("restore", oldId, "--as", form)).contains("Old body");
        }
    }

    /** The stdout of a command that must succeed and print no control character but line feed and tab. */
    private static String printable(String... command) {
        Cli.Result r = cli.run(command);
        String out = new String(r.outBytes(), StandardCharsets.UTF_8);
        String what = String.join(" ", command);
        assertThat(r.status()).as(what + ": " + r.err()).isZero();
        assertThat(out.codePoints().filter(c -> c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F)
                .mapToObj(c -> String.format("U+%04X", c)).toList()).as(what + "\n" + out).isEmpty();
        return out;
    }
}
