package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.extract.Article;
import dev.arca.store.Store;
import dev.arca.testing.Bundles;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.SyntheticBundles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text from pages and bundles never reaches a terminal raw: a bundle written before arca cleaned
 * article text holds ESC, BEL, an OSC 8 link, C1 CSI and DEL in its article.json, and every
 * human-readable output shows them as visible escapes; TSV, CSV and JSON keep their own formats.
 */
class ControlCharactersTest {

    /** What a page could hold: a hidden OSC 8 link, red text, CSI (C1), DEL and NEL. */
    private static final String CONTROLS = "\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007\u001b[31m\u009b2J\u007f\u0085";
    private static final String SHOWN = "\\x1b]8;;https://evil.example/\\x07click\\x1b]8;;\\x07\\x1b[31m\\x9b2J\\x7f\\x85";
    private static final String URL = "https://news.example.com/evil";

    @TempDir
    Path home;

    private Cli cli;
    private String id;

    /** A bundle as arca wrote them before it cleaned article text: the controls are in article.json. */
    @BeforeEach
    void storeAnOldBundleWithControls() throws Exception {
        cli = new Cli(home);
        Article article = new Article(URL, URL, "Harbour " + CONTROLS + " news", "@SUM(1+1) " + CONTROLS + " Lee",
                List.of("@SUM(1+1) " + CONTROLS + " Lee", "Bo\tBell"), "2024-03-14", null, "-2+3 " + CONTROLS, "en",
                "=HYPERLINK(\"http://evil.example\") a\\b\tc\nd\re Line\u2028Paragraph\u2029 " + CONTROLS + " here", null,
                List.of("+cmd " + CONTROLS), null, "text/html", 0.9, 6, "The harbour bridge " + CONTROLS + " reopened today.",
                "<p>The harbour bridge reopened today.</p>");
        Store store = new Store(cli.store());
        id = SyntheticBundles.save(store, article, URL, Instant.parse("2024-03-15T09:00:00Z")).id();
        String stored = new String(Bundles.members(cli.bundles().get(0)).get(Bundles.ARTICLE), StandardCharsets.UTF_8);
        assertThat(stored).as("the bundle holds the controls, as an older arca wrote them").contains("\\u001B]8;;")
                .contains("\u009b");
    }

    @Test
    void tableShowSearchAndStatsShowControlsAsEscapes() {
        Cli.Result list = cli.run("list", "--fields", "id,title,byline,authors");
        Cli.Result show = cli.run("show", id);
        Cli.Result search = cli.run("search", "reopened");
        Cli.Result stats = cli.run("stats");

        for (Cli.Result r : List.of(list, show, search, stats)) {
            assertThat(r.status()).as(r.err()).isZero();
            assertNoRawControls(r.out().replace("\n", ""));
            assertNoRawControls(r.err().replace("\n", ""));
        }
        assertThat(list.lines()).as(list.err()).hasSize(2);
        assertThat(list.lines().get(1)).contains("Harbour " + SHOWN + " news")
                .contains("@SUM(1+1) " + SHOWN + " Lee; Bo Bell");
        assertThat(show.out()).contains("title:        Harbour " + SHOWN + " news\n")
                .contains("authors:      @SUM(1+1) " + SHOWN + " Lee, Bo Bell\n")
                .contains("tags:         +cmd " + SHOWN + "\n")
                .contains("description:  =HYPERLINK(\"http://evil.example\") a\\b c d e Line Paragraph " + SHOWN + " here\n");
        assertThat(search.lines().get(0)).contains("Harbour " + SHOWN + " news");
        assertThat(search.lines().get(1)).contains(SHOWN);
    }

    @Test
    void jsonEscapesC0C1DelAndLineSeparators() throws Exception {
        for (String[] args : List.of(new String[]{"list", "--json"}, new String[]{"list", "--format", "json"},
                new String[]{"show", id, "--json"}, new String[]{"search", "--json", "reopened"})) {
            Cli.Result r = cli.run(args);
            assertThat(r.status()).as(r.err()).isZero();
            assertNoRawControls(r.out().replace("\n", ""));
            assertThat(r.out()).doesNotContain("\u2028").doesNotContain("\u2029")
                    .contains("\\u001B]8;;https://evil.example/\\u0007").contains("\\u009B2J\\u007F\\u0085")
                    .contains("Line\\u2028Paragraph\\u2029");
            JsonNode first = new ObjectMapper().readTree(r.out().lines().filter(l -> l.contains("Harbour")).findFirst()
                    .orElseThrow().replaceFirst(",$", ""));
            assertThat(first.get("title").asText()).isEqualTo("Harbour " + CONTROLS + " news");
        }
    }

    @Test
    void tsvEscapesBackslashTabNewlineAndControls() {
        Cli.Result r = cli.run("list", "--format", "tsv", "--fields", "id,description,title");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().split("\n")).hasSize(2);
        String[] cells = r.out().split("\n")[1].split("\t", -1);
        assertThat(cells).hasSize(3);
        assertThat(cells[1]).isEqualTo("=HYPERLINK(\"http://evil.example\") a\\\\b\\tc\\nd\\re Line\u2028Paragraph\u2029 "
                + SHOWN + " here");
        assertThat(cells[2]).isEqualTo("Harbour " + SHOWN + " news");
    }

    @Test
    void csvNeutralisesFormulasAndQuotes() {
        Cli.Result r = cli.run("list", "--format", "csv", "--fields", "byline,siteName,tags,title,description");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("byline,siteName,tags,title,description\r\n"
                + "\"'@SUM(1+1) " + SHOWN + " Lee\",\"'-2+3 " + SHOWN + "\",\"'+cmd " + SHOWN + "\",Harbour " + SHOWN + " news,"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\") a\\b\tc\nd\re Line\u2028Paragraph\u2029 " + SHOWN + " here\"\r\n");
    }

    @Test
    void fetchEscapesTheUrlItEchoesAndTheTitle() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.html("/evil.html", "<title>Evil \u001b]8;;https://evil.example/\u0007title\u001b]8;;\u0007\u009b</title>"
                    + "<p>A page whose title tries to plant a link in the terminal of whoever lists it.</p>");
            Path list = home.resolve("list.txt");
            String badUrl = server.url("/bad\u001b[2J\tpage\u0007");
            Files.writeString(list, server.url("/evil.html") + "\n" + badUrl + "\n", StandardCharsets.UTF_8);

            Cli.Result r = cli.run("fetch", "-i", list.toString());

            assertNoRawControls(r.out().replace("\n", "").replace("\t", ""));
            assertNoRawControls(r.err().replace("\n", ""));
            assertThat(r.lines()).hasSize(2);
            assertThat(r.lines()).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSizeBetween(3, 4));
            assertThat(r.out()).contains("\t" + server.url("/bad\\x1b[2J page\\x07") + "\tfailed");
            assertThat(r.err()).contains("arca: fetch " + server.url("/bad\\x1b[2J page\\x07") + ":");
        }
    }

    /** No C0 control (but the tabs and line breaks a format uses), DEL or C1 control in {@code text}. */
    private static void assertNoRawControls(String text) {
        assertThat(text.chars().filter(Character::isISOControl).mapToObj(c -> String.format("U+%04X", c)).toList())
                .as(text).isEmpty();
    }
}
