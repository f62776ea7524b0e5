package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.render.HtmlPageRenderer;
import dev.arca.testing.Cli;
import dev.arca.testing.CommonMarkTree;
import dev.arca.testing.LoopbackServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** history and diff through the real command line, over snapshots that fetch --refetch made of a page that changes. */
class HistoryAndDiffTest {

    static final String P1 = "The harbour bridge reopened to traffic on Thursday morning after a two-year repair programme.";
    static final String P2 = "Engineers replaced every one of its steel cables and repainted the towers.";
    static final String P3 = "The repairs cost 48 million pounds, less than the budget the council set.";
    static final String P4 = "A ferry will run in the evenings until the cycle lane opens next spring.";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final LoopbackServer server = new LoopbackServer();
    private final AtomicReference<String> page = new AtomicReference<>();
    private Cli cli;
    private String url;

    @BeforeEach
    void start() {
        server.handle("/news/bridge", exchange -> LoopbackServer.sendHtml(exchange, page.get()));
        url = server.url("/news/bridge");
        cli = new Cli(home);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** An article page with furniture around it: a menu, "Related Articles" and a footer, which may change too. */
    static String page(String title, String byline, String furniture, String... paragraphs) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(title).append("</title><meta name=\"author\" content=\"").append(byline).append("\"></head><body>")
                .append("<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">").append(furniture).append(" news</a></li></ul></nav>")
                .append("<article><h1>").append(title).append("</h1><p class=\"byline\">By ").append(byline).append("</p>");
        for (String p : paragraphs) {
            html.append("<p>").append(p).append("</p>");
        }
        html.append("</article><aside class=\"related\"><h2>Related Articles</h2><ul><li><a href=\"/a\">").append(furniture)
                .append(" story one</a></li><li><a href=\"/b\">").append(furniture).append(" story two</a></li></ul></aside>")
                .append("<footer><p>Copyright ").append(furniture).append(" Courier</p></footer></body></html>");
        return html.toString();
    }

    /** Serves {@code html} and fetches the page (again); returns the new snapshot's ID, or null when unchanged. */
    String snapshot(String html) {
        page.set(html);
        Cli.Result r = cli.run("fetch", "--refetch", "--json", url);
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode row = json(r.out()).get(0);
        return row.get("status").asText().equals("archived") ? row.get("id").asText() : null;
    }

    static List<JsonNode> json(String lines) {
        return lines.lines().filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }

    @Test
    void historyListsEverySnapshotWithWhatChangedSinceTheOneBefore() {
        String first = snapshot(page("Bridge reopens", "Maria Okafor", "Local", P1, P2, P3));
        String second = snapshot(page("Bridge reopens early", "Maria Okafor", "Local", P1, P2, P3.replace("48", "58")));
        assertThat(snapshot(page("Bridge reopens early", "Maria Okafor", "Regional", P1, P2, P3.replace("48", "58"))))
                .as("a change of furniture only is no new snapshot").isNull();
        String third = snapshot(page("Bridge reopens early", "Maria Okafor", "Local", P1, P2, P3.replace("48", "58"), P4));

        Cli.Result text = cli.run("history", url);

        assertThat(text.status()).as(text.err()).isZero();
        List<String> lines = text.lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("ID +CAPTURED +CHANGED +WORDS +TITLE");
        assertThat(lines.get(1)).startsWith(first + "  ").contains("  first  ").endsWith("Bridge reopens");
        assertThat(lines.get(2)).startsWith(second + "  ").contains("  headline, body  ").contains("  +1 -1  ").endsWith("Bridge reopens early");
        assertThat(lines.get(3)).startsWith(third + "  ").contains("  body  ").contains("  +14 -0  ");

        List<JsonNode> rows = json(cli.run("history", "--json", second).out());
        assertThat(rows).extracting(r -> r.get("id").asText()).containsExactly(first, second, third);
        JsonNode edit = rows.get(1);
        assertThat(edit.get("previous").asText()).isEqualTo(first);
        assertThat(edit.get("changed").toString()).isEqualTo("{\"headline\":true,\"byline\":false,\"dates\":false,\"body\":true}");
        assertThat(edit.get("fields").toString()).isEqualTo("[\"title\"]");
        assertThat(edit.get("wordsAdded").asInt()).isEqualTo(1);
        assertThat(edit.get("wordsRemoved").asInt()).isEqualTo(1);
        assertThat(rows.get(0).get("previous").isNull()).isTrue();
        assertThat(edit.fieldNames()).toIterable().containsExactly("id", "captured", "bundle", "title", "previous", "changed",
                "fields", "wordsAdded", "wordsRemoved");
    }

    @Test
    void historyOfAPageNeverCapturedIsOneLineAndStatus1() {
        snapshot(page("Bridge reopens", "Maria Okafor", "Local", P1));

        Cli.Result r = cli.run("history", server.url("/never"));

        assertThat(r.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("arca: no capture of " + server.url("/never") + " in ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void diffOfAUrlComparesItsLastTwoSnapshotsWordByWordWithoutFurniture() {
        String before = snapshot(page("Bridge reopens", "Maria Okafor", "Local", P1, P2, P3));
        String after = snapshot(page("Bridge reopens", "Maria Okafor", "Regional", P1, P2, P3.replace("48", "58")));

        Cli.Result r = cli.run("diff", url);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("--- " + before + " (").contains("\n+++ " + after + " (")
                .contains("@@ ¶3 changed @@\n The repairs cost [-48-] {+58+} million pounds")
                .doesNotContain("Regional").doesNotContain("Local").doesNotContain("Related").doesNotContain("\u001b");
        assertThat(cli.run("diff", before, after).out()).isEqualTo(r.out());
        int shared = 0;
        while (before.charAt(shared) == after.charAt(shared)) {
            shared++;
        }
        String prefix = after.substring(0, shared + 1);
        assertThat(cli.run("diff", prefix).out()).as("one ID prefix (%s): it and the one before", prefix)
                .isEqualTo(r.out());
        String colour = cli.run("diff", "--color", url).out();
        assertThat(colour).contains("\u001b[31m48\u001b[0m").contains("\u001b[32m58\u001b[0m");
        assertThat(cli.run("diff", "--no-color", url).out()).isEqualTo(r.out());
    }

    @Test
    void diffFormatsJsonMarkdownAndASafeHtmlPage() throws Exception {
        String hostile = "Readers wrote <script>alert(1)</script> and <img src=x onerror=alert(2)> and **bold** | pipes";
        String before = snapshot(page("Bridge reopens", "Maria Okafor", "Local", P1, P2));
        String after = snapshot(page("Bridge reopens &lt;now&gt; &amp; more", "Maria Okafor", "Local", P1, P2,
                hostile.replace("<", "&lt;").replace(">", "&gt;")));

        JsonNode json = JSON.readTree(cli.run("diff", "--json", url).out());
        assertThat(json.get("schema").asText()).isEqualTo("arca-diff/1");
        assertThat(json.get("before").asText()).isEqualTo(before);
        assertThat(json.get("after").asText()).isEqualTo(after);
        assertThat(json.get("changed").asBoolean()).isTrue();
        assertThat(json.get("fields").get(0).get("after").asText()).isEqualTo("Bridge reopens <now> & more");
        assertThat(json.get("paragraphs").get(0).get("afterText").asText()).isEqualTo(hostile);
        assertThat(cli.run("diff", "--format", "json", url).out()).isEqualTo(cli.run("diff", "--json", url).out());

        String md = cli.run("diff", "--format", "markdown", url).out();
        assertThat(md).startsWith("# Changes from " + before);
        assertThat(CommonMarkTree.unsafeNodes(md)).isEmpty();
        assertThat(CommonMarkTree.visibleText(md)).contains("Readers wrote <script>alert(1)</script>");

        String html = cli.run("diff", "--format", "html", url).out();
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .isEqualTo(HtmlPageRenderer.CONTENT_SECURITY_POLICY);
        assertThat(doc.select("script, img, iframe, object, embed, a, form")).isEmpty();
        assertThat(doc.text()).contains(hostile).contains("Bridge reopens <now> & more");
    }

    @Test
    void diffWithNothingToCompareSaysWhy() {
        String only = snapshot(page("Bridge reopens", "Maria Okafor", "Local", P1, P2));

        Cli.Result byUrl = cli.run("diff", url);
        assertThat(byUrl.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(byUrl.err()).isEqualTo("arca: " + url + " has one snapshot only (" + only + "); nothing to compare\n");

        Cli.Result unknown = cli.run("diff", only, "1zzzzzzzzzz");
        assertThat(unknown.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.err()).startsWith("arca: no capture with ID \"1zzzzzzzzzz\"");

        assertThat(cli.run("diff", "--format", "pdf", url).status()).isEqualTo(ExitCodes.USAGE);
    }
}
