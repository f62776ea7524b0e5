package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.testing.BundleValidator;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.WarcContents;
import dev.arca.testing.Wget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code arca import} of WARCs that the real wget wrote from a loopback site. */
class ImportCommandTest {

    static final String STORY = "<!doctype html><html><head><title>Harbour bridge reopens</title>"
            + "<link rel=\"stylesheet\" href=\"/style.css\"></head><body><nav><a href=\"/\">Home</a></nav><article>"
            + "<h1>Harbour bridge reopens</h1>"
            + "<p>The harbour bridge reopened to traffic on Thursday morning after two years of repairs, and the first "
            + "cars crossed it shortly after six o'clock while a small crowd watched from the quay.</p>"
            + "<p>Engineers replaced the deck, the cables and most of the railings, and the council says the work came in "
            + "under budget, which few in the town had expected when it began in the spring of the year before last.</p>"
            + "<img src=\"/pic.png\" alt=\"The bridge\"></article></body></html>";
    static final String FRONT = "<!doctype html><html><head><title>Front page</title>"
            + "<link rel=\"stylesheet\" href=\"/style.css\"></head><body><p>Today's news.</p></body></html>";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    @TempDir
    static Path dir;

    static LoopbackServer server;
    static Path gz;
    static Path plain;

    @BeforeAll
    static void site() throws Exception {
        server = new LoopbackServer();
        server.html("/story", STORY).html("/", FRONT)
                .page("/style.css", 200, "body { color: #222 }".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/css")
                .page("/pic.png", 200, PNG, "Content-Type", "image/png")
                .redirect("/old-story", 301, "/story");
        gz = Wget.warc(dir.resolve("wget"), "site", true, server.url("/old-story"), server.url("/"));
        plain = Wget.warc(dir.resolve("wget-plain"), "site", false, server.url("/old-story"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Cli cli(String name) {
        return new Cli(dir.resolve(name));
    }

    private static List<JsonNode> json(Cli.Result r) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.lines()) {
            lines.add(new ObjectMapper().readTree(line));
        }
        return lines;
    }

    @Test
    void eachPageOfAWgetWarcBecomesABundleWithItsRedirectAndResourcesCopiedByteForByte() throws Exception {
        Cli cli = cli("gz");
        Cli.Result r = cli.run("import", "--json", gz.toString());

        assertThat(r.status()).as(r.err()).isZero();
        List<JsonNode> pages = json(r);
        assertThat(pages).extracting(p -> p.get("url").asText())
                .containsExactlyInAnyOrder(server.url("/story"), server.url("/"));
        JsonNode story = pages.stream().filter(p -> p.get("url").asText().endsWith("/story")).findFirst().orElseThrow();
        assertThat(story.get("status").asText()).isEqualTo("imported");
        assertThat(story.get("title").asText()).isEqualTo("Harbour bridge reopens");
        assertThat(story.get("source").asText()).isEqualTo(gz.toAbsolutePath().toString());
        assertThat(r.err()).contains("imported 2, unchanged 0, skipped 0, failed 0, damaged records 0");

        Path bundle = Path.of(story.get("bundle").asText());
        Map<String, WarcRecord> source = records(gz);
        List<WarcContents.Rec> copied = WarcContents.read(bundle);
        assertThat(copied).extracting(WarcContents.Rec::type)
                .containsExactly("warcinfo", "request", "response", "request", "response", "response", "response",
                        "metadata", "resource");
        assertThat(copied).filteredOn(c -> c.type().equals("response")).extracting(WarcContents.Rec::target)
                .containsExactly(server.url("/old-story"), server.url("/story"), server.url("/style.css"), server.url("/pic.png"));
        String warcinfo = new String(copied.get(0).payload(), StandardCharsets.UTF_8);
        assertThat(warcinfo).contains("source-file: " + gz.toAbsolutePath());
        for (WarcContents.Rec rec : copied.subList(1, 7)) {
            String id = rec.header("WARC-Record-ID");
            WarcRecord original = source.get(id);
            assertThat(original).as("copied record %s is in the source", id).isNotNull();
            assertThat(rec.headers()).isEqualTo(original.headers().map());
            assertThat(rec.header("WARC-Payload-Digest")).isEqualTo(original.headers().first("WARC-Payload-Digest").orElse(null));
            assertThat(block(bundle, id)).isEqualTo(block(gz, id));
            assertThat(warcinfo).containsPattern("source-record: " + java.util.regex.Pattern.quote(id) + " at offset \\d+");
        }

        assertThat(cli.run("verify", story.get("id").asText()).status()).isZero();
        assertThat(cli.run("restore", story.get("id").asText(), "--as", "text").out())
                .contains("The harbour bridge reopened to traffic on Thursday morning");
        assertThat(cli.run("restore", story.get("id").asText(), "--as", "original").out()).isEqualTo(STORY);
    }

    @Test
    void anImportedBundlePassesTheIndependentValidators() throws Exception {
        Assumptions.assumeTrue(BundleValidator.available(), "../shared/validate or node and npm are missing");
        Cli cli = cli("validated");
        Cli.Result r = cli.run("import", "--json", "--url", "*/story", gz.toString());
        assertThat(r.status()).as(r.err()).isZero();

        String report = BundleValidator.validate(Path.of(json(r).get(0).get("bundle").asText()), "harbour bridge reopened");
        assertThat(report).as(report).endsWith("ALL PASS\n");
    }

    @Test
    void showVerifyAndRestoreTakeThePathOfAWaczFile() throws Exception {
        Cli cli = cli("by-path");
        Cli.Result r = cli.run("import", "--json", plain.toString());
        Path copy = dir.resolve("elsewhere/story.wacz");
        Files.createDirectories(copy.getParent());
        Files.copy(Path.of(json(r).get(0).get("bundle").asText()), copy);

        Cli.Result show = cli.run("show", copy.toString());
        assertThat(show.status()).as(show.err()).isZero();
        assertThat(show.out()).contains("Harbour bridge reopens").contains(server.url("/old-story"));
        assertThat(cli.run("verify", copy.toString()).out()).contains("story\tok");
        assertThat(cli.run("restore", copy.toString(), "--as", "original").out()).isEqualTo(STORY);
    }

    @Test
    void aPlainWarcImportsTheSameWay() throws Exception {
        Cli.Result r = cli("plain").run("import", plain.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.lines()).singleElement().asString().endsWith("\tHarbour bridge reopens\t" + server.url("/story"));
    }

    @Test
    void aPageImportedTwiceIsUnchangedUnlessForced() throws Exception {
        Cli cli = cli("twice");
        assertThat(cli.run("import", plain.toString()).status()).isZero();

        Cli.Result again = cli.run("import", "--json", plain.toString());
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(json(again).get(0).get("status").asText()).isEqualTo("unchanged");

        Cli.Result forced = cli.run("import", "--json", "--force", plain.toString());
        assertThat(json(forced).get(0).get("status").asText()).isEqualTo("imported");
        assertThat(cli.bundles()).hasSize(2);
    }

    @Test
    void filtersLeaveOutPagesAndCountThemAsSkipped() throws Exception {
        Cli cli = cli("filtered");
        Cli.Result r = cli.run("import", "--url", "*/story", gz.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.lines()).singleElement().asString().endsWith(server.url("/story"));
        assertThat(r.err()).contains("imported 1, unchanged 0, skipped 1");

        Cli.Result none = cli("dated").run("import", "--until", "2001-01-01", gz.toString());
        assertThat(none.status()).isZero();
        assertThat(none.lines()).isEmpty();
        assertThat(none.err()).contains("imported 0, unchanged 0, skipped 2");
    }

    @Test
    void aDirectoryIsSearchedForWebArchives() throws Exception {
        Cli.Result r = cli("dir").run("import", dir.resolve("wget-plain").toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(1);
    }

    @Test
    void aMissingFileIsAnErrorBeforeAnythingIsImported() {
        Cli.Result r = cli("missing").run("import", dir.resolve("nothing.warc.gz").toString(), plain.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("nothing.warc.gz");
        assertThat(cli("missing").bundles()).isEmpty();
    }

    @Test
    void extractPrintsOneArticlePerPageOfAWarcAsTheHtmlFileWouldGiveStoringNothing() throws Exception {
        Cli cli = cli("extract");
        Cli.Result r = cli.run("extract", gz.toString());

        assertThat(r.status()).as(r.err()).isZero();
        List<JsonNode> lines = json(r);
        assertThat(lines).extracting(l -> l.get("url").asText()).containsExactly(server.url("/story"), server.url("/"));
        com.fasterxml.jackson.databind.node.ObjectNode story = (com.fasterxml.jackson.databind.node.ObjectNode) lines.get(0);
        assertThat(story.get("source").asText()).isEqualTo(gz.toAbsolutePath().toString());
        assertThat(story.get("offset").asLong()).isEqualTo(offsetOf(gz, server.url("/story")));
        assertThat(story.get("capturedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(story.get("contentHash").asText()).startsWith("sha256:");
        story.remove(List.of("source", "member", "offset", "capturedAt", "contentHash"));
        Path html = dir.resolve("story.html");
        Files.writeString(html, STORY);
        JsonNode fromFile = new ObjectMapper().readTree(cli.run("extract", html.toString(), "--url", server.url("/story")).out());
        assertThat(story).isEqualTo(fromFile);
        assertThat(cli.bundles()).isEmpty();
    }

    @Test
    void aTruncatedWarcGzImportsEverythingBeforeTheDamage() throws Exception {
        long front = offsetOf(gz, server.url("/"));
        Path truncated = dir.resolve("damaged/truncated.warc.gz");
        Files.createDirectories(truncated.getParent());
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(gz), (int) front + 40));

        Cli.Result r = cli("truncated").run("import", "--json", truncated.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(json(r)).extracting(p -> p.get("url").asText()).containsExactly(server.url("/story"));
        assertThat(r.err()).contains("import " + truncated + " at offset " + front + ": skipped: damaged record");
        assertThat(r.err()).contains("imported 1, unchanged 0, skipped 0, failed 0, damaged records 1");
    }

    @Test
    void aGzipMemberWithFlippedBytesIsReportedWithItsOffsetAndWhatCameBeforeIsImported() throws Exception {
        long front = offsetOf(gz, server.url("/"));
        byte[] bytes = Files.readAllBytes(gz);
        for (int i = 30; i < 60; i++) {
            bytes[(int) front + i] ^= (byte) 0x5a;
        }
        Path flipped = dir.resolve("damaged/flipped.warc.gz");
        Files.createDirectories(flipped.getParent());
        Files.write(flipped, bytes);

        Cli.Result r = cli("flipped").run("import", "--json", flipped.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(json(r)).extracting(p -> p.get("url").asText()).containsExactly(server.url("/story"));
        assertThat(r.err()).contains("import " + flipped + " at offset " + front + ": skipped: damaged record");
    }

    @Test
    void readingGoesOnPastADamagedGzipMemberAndThePagesAfterItAreImported() throws Exception {
        long story = offsetOf(gz, server.url("/story"));
        byte[] bytes = Files.readAllBytes(gz);
        for (int i = 30; i < 60; i++) {
            bytes[(int) story + i] ^= (byte) 0x5a;
        }
        Path flipped = dir.resolve("damaged/first-flipped.warc.gz");
        Files.createDirectories(flipped.getParent());
        Files.write(flipped, bytes);

        Cli.Result r = cli("first-flipped").run("import", "--json", flipped.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(json(r)).extracting(p -> p.get("url").asText()).containsExactly(server.url("/"));
        assertThat(r.err()).contains("import " + flipped + " at offset " + story + ": skipped: damaged record")
                .contains("reading goes on at offset");
    }

    @Test
    void readingGoesOnPastADamagedRecordOfAPlainWarc() throws Exception {
        long redirect = offsetOf(plain, server.url("/old-story"));
        byte[] bytes = Files.readAllBytes(plain);
        bytes[(int) redirect] = 'X'; // "WARC/1.0" no more: the redirect's first line is not a version line
        Path damaged = dir.resolve("damaged/plain.warc");
        Files.createDirectories(damaged.getParent());
        Files.write(damaged, bytes);

        Cli.Result r = cli("plain-damaged").run("import", "--json", damaged.toString());

        assertThat(r.status()).as(r.err()).isEqualTo(1);
        assertThat(json(r)).as(r.err()).extracting(p -> p.get("url").asText()).containsExactly(server.url("/story"));
        assertThat(r.err()).contains("import " + damaged + " at offset " + redirect + ": skipped: damaged record")
                .contains("reading goes on at offset");
    }

    /** Where the response for {@code url} starts in a WARC file. */
    static long offsetOf(Path warc, String url) throws IOException {
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord record : reader) {
                if (record instanceof org.netpreserve.jwarc.WarcResponse response && response.target().equals(url)) {
                    return reader.position();
                }
            }
        }
        throw new AssertionError("no response for " + url);
    }

    /** The source's records by WARC-Record-ID. */
    static Map<String, WarcRecord> records(Path warc) throws IOException {
        Map<String, WarcRecord> records = new HashMap<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord record : reader) {
                records.put(record.headers().first("WARC-Record-ID").orElseThrow(), record);
            }
        }
        return records;
    }

    /** The block of the record with {@code id} in a WARC file or in a bundle's WARC. */
    static byte[] block(Path file, String id) throws IOException {
        if (file.toString().endsWith(".wacz")) {
            for (WarcContents.Rec rec : WarcContents.read(file)) {
                if (id.equals(rec.header("WARC-Record-ID"))) {
                    return rawBlock(file, id);
                }
            }
            throw new AssertionError("no record " + id);
        }
        try (WarcReader reader = new WarcReader(file)) {
            for (WarcRecord record : reader) {
                if (id.equals(record.headers().first("WARC-Record-ID").orElse(null))) {
                    return record.body().stream().readAllBytes();
                }
            }
        }
        throw new AssertionError("no record " + id);
    }

    private static byte[] rawBlock(Path bundle, String id) throws IOException {
        Path warc = Files.createTempFile(dir, "bundle", ".warc.gz");
        try (var zip = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(bundle).get();
             var in = zip.getInputStream(zip.getEntry("archive/data.warc.gz"))) {
            Files.copy(in, warc, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return block(warc, id);
    }
}
