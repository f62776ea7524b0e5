package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ListShowRestoreTest {

    @TempDir
    Path home;

    private LoopbackServer server;
    private Cli cli;
    private String storyId;
    private String pdfId;

    @BeforeEach
    void archiveTwo() {
        server = new LoopbackServer();
        cli = new Cli(home);
        server.html("/story.html", Fixtures.text("story.html"));
        server.page("/report.pdf", 200, Fixtures.bytes("tiny.pdf"), "Content-Type", "application/pdf");
        storyId = cli.run("fetch", server.url("/story.html")).out().split("\t")[0];
        pdfId = cli.run("fetch", server.url("/report.pdf")).out().split("\t")[0];
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsNewestFirstAsTable() {
        Cli.Result r = cli.run("list");

        assertThat(r.status()).isZero();
        List<String> lines = r.lines();
        assertThat(lines.get(0)).matches("ID +CAPTURED +SITE +TITLE");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith(pdfId).contains("127.0.0.1").contains("report.pdf");
        assertThat(lines.get(2)).startsWith(storyId).matches(".*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d.*");
    }

    @Test
    void listsJsonLinesWithMetadataButNoBody() throws Exception {
        Cli.Result r = cli.run("list", "--json");

        assertThat(r.lines()).hasSize(2);
        JsonNode story = new ObjectMapper().readTree(r.lines().get(1));
        assertThat(story.get("id").asText()).isEqualTo(storyId);
        assertThat(story.get("captured").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(Path.of(story.get("bundle").asText())).isAbsolute().exists();
        assertThat(story.get("url").asText()).isEqualTo(server.url("/story.html"));
        assertThat(story.has("title")).isTrue();
        assertThat(story.has("wordCount")).isTrue();
        assertThat(story.has("text")).isFalse();
        assertThat(story.has("html")).isFalse();
    }

    @Test
    void filtersByLimitSiteAndDate() {
        assertThat(cli.run("list", "--limit", "1").lines()).hasSize(2);
        assertThat(cli.run("list", "--site", "127.0.0.1", "--json").lines()).hasSize(2);
        assertThat(cli.run("list", "--site", "example.org", "--json").lines()).isEmpty();
        assertThat(cli.run("list", "--since", "2000-01-01", "--json").lines()).hasSize(2);
        assertThat(cli.run("list", "--until", "2000-01-01", "--json").lines()).isEmpty();
    }

    @Test
    void rejectsBadDateAsUsageError() {
        Cli.Result r = cli.run("list", "--since", "last tuesday");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--since 'last tuesday' is not a date");
    }

    @Test
    void showsMetadataAndRecords() {
        Cli.Result r = cli.run("show", storyId.substring(0, 10));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("id:").contains(storyId).contains("url:")
                .contains("warcinfo").contains("request").contains("response").contains("metadata").contains("resource")
                .contains("urn:arca:markdown:" + server.url("/story.html"));
    }

    @Test
    void showsMetadataAndRecordsAsJson() throws Exception {
        Cli.Result r = cli.run("show", storyId, "--json");

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("id").asText()).isEqualTo(storyId);
        assertThat(json.get("url").asText()).isEqualTo(server.url("/story.html"));
        JsonNode records = json.get("records");
        List<String> types = new java.util.ArrayList<>();
        records.forEach(n -> types.add(n.get("type").asText()));
        // the page, then its requisites (images, favicon) as request and response pairs, then the article
        assertThat(String.join(" ", types)).matches("warcinfo request response( request response)+ metadata resource");
        assertThat(records.get(2).get("status").asInt()).isEqualTo(200);
        assertThat(records.get(2).get("date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void restoresEachFormToStdout() throws Exception {
        assertThat(cli.run("restore", storyId, "--as", "original").outBytes()).isEqualTo(Fixtures.bytes("story.html"));
        assertThat(cli.run("restore", pdfId, "--as", "original").outBytes()).isEqualTo(Fixtures.bytes("tiny.pdf"));
        assertThat(cli.run("restore", storyId, "--as", "markdown").out()).contains("Source: <" + server.url("/story.html") + ">");
        assertThat(cli.run("restore", storyId, "--as", "text").out()).contains("The harbour bridge reopened");
        JsonNode json = new ObjectMapper().readTree(cli.run("restore", storyId, "--as", "json").out());
        assertThat(json.get("url").asText()).isEqualTo(server.url("/story.html"));
        String html = cli.run("restore", storyId, "--as", "html").out();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Content-Security-Policy")
                .contains("href=\"" + server.url("/story.html") + "\"").doesNotContain("<script");
        byte[] warc = cli.run("restore", storyId, "--as", "warc").outBytes();
        String firstRecord = new String(new GZIPInputStream(new ByteArrayInputStream(warc)).readNBytes(200), StandardCharsets.UTF_8);
        assertThat(firstRecord).startsWith("WARC/1.1");
    }

    @Test
    void restoresEveryFormIntoDirectoryAndNeverOverwritesWithoutForce() throws Exception {
        Path out = home.resolve("restored");

        Cli.Result first = cli.run("restore", storyId, "-o", out + "/");

        assertThat(first.status()).as(first.err()).isZero();
        Path dir = out.resolve(storyId);
        assertThat(dir.resolve("original.html")).hasBinaryContent(Fixtures.bytes("story.html"));
        assertThat(dir.resolve("article.html")).exists();
        assertThat(dir.resolve("article.md")).exists();
        assertThat(dir.resolve("article.txt")).exists();
        assertThat(dir.resolve("article.json")).exists();
        assertThat(dir.resolve(storyId + ".warc.gz")).exists();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }

        Cli.Result again = cli.run("restore", storyId, "-o", out + "/");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("already exists (use --force to overwrite)");

        assertThat(cli.run("restore", storyId, "-o", out + "/", "--force").status()).isZero();
    }

    @Test
    void restoresOneFormToFileOnlyOnce() {
        Path file = home.resolve("page.html");

        assertThat(cli.run("restore", storyId, "--as", "original", "-o", file.toString()).status()).isZero();
        assertThat(file).hasBinaryContent(Fixtures.bytes("story.html"));
        assertThat(cli.run("restore", storyId, "--as", "text", "-o", file.toString()).status()).isEqualTo(1);
        assertThat(file).hasBinaryContent(Fixtures.bytes("story.html"));
    }

    @Test
    void restoreWithoutFormOrDirectoryIsUsageError() {
        Cli.Result r = cli.run("restore", storyId);

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("give --as FORM");
    }

    @Test
    void unknownIdSuggestsClosestAndAmbiguousPrefixNamesCandidates() {
        String typo = storyId.substring(0, 9) + (storyId.charAt(9) == 'z' ? "y" : "z") + storyId.charAt(10);
        Cli.Result unknown = cli.run("show", typo);
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("no capture with ID \"" + typo + "\"").contains("did you mean").contains(storyId);

        String shared = common(storyId, pdfId);
        Cli.Result ambiguous = cli.run("show", shared);
        assertThat(ambiguous.status()).isEqualTo(1);
        assertThat(ambiguous.err()).contains("matches 2 captures").contains(storyId).contains(pdfId);
    }

    @Test
    void skipsUnreadableBundleWithWarning() throws Exception {
        Path junk = cli.store().resolve("2024/01/" + "1000000aaaa.wacz");
        Files.createDirectories(junk.getParent());
        Files.writeString(junk, "not a zip");

        Cli.Result r = cli.run("list", "--json");

        assertThat(r.status()).isZero();
        assertThat(r.lines()).hasSize(2);
        assertThat(r.err()).contains(junk.toString());
    }

    private static String common(String a, String b) {
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, Math.max(1, i));
    }
}
