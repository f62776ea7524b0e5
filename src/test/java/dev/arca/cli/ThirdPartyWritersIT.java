package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.arca.testing.Cli;
import dev.arca.testing.Programs;
import dev.arca.testing.WarcContents;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code arca import}, {@code extract} and {@code verify} on archives that the real
 * warcio.js and js-wacz wrote (installed with npm under target/ once; skipped without node, npm or
 * the registry), never on files only arca wrote.
 */
class ThirdPartyWritersIT {

    private static final String WARCIO = "2.4.11";
    private static final String JS_WACZ = "0.1.6";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PNG = "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
            + "0000000d4944415478da63f8cfc0f01f0005000201a5f6a8f00000000049454e44ae426082";

    @TempDir
    static Path dir;
    private static Path warc;
    private static Path wacz;
    private static Path prefix;
    private static Path script;
    private static final Map<String, byte[]> BODIES = new HashMap<>();

    @BeforeAll
    static void writeWithWarcioAndJsWacz() throws Exception {
        assumeTrue(Programs.find("node").isPresent() && Programs.find("npm").isPresent(), "node and npm are needed");
        prefix = Path.of("target", "npm-interop-" + WARCIO + "-" + JS_WACZ).toAbsolutePath();
        script = prefix.resolve("write-warc-and-wacz.mjs");
        if (!Files.isDirectory(prefix.resolve("node_modules/@harvard-lil/js-wacz"))) {
            Files.createDirectories(prefix);
            run(prefix, "npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund", "--silent",
                    "warcio@" + WARCIO, "@harvard-lil/js-wacz@" + JS_WACZ);
        }
        assumeTrue(Files.isDirectory(prefix.resolve("node_modules/@harvard-lil/js-wacz"))
                && Files.isDirectory(prefix.resolve("node_modules/warcio")), "npm could not install warcio and js-wacz");
        try (InputStream in = ThirdPartyWritersIT.class.getResourceAsStream("/interop/write-warc-and-wacz.mjs")) {
            Files.write(script, in.readAllBytes());
        }
        ArrayNode pages = JSON.createArrayNode();
        page(pages, "bridge", "2024-03-15T09:00:00Z", "text/html; charset=utf-8", html("Harbour bridge reopens"));
        page(pages, "council", "2024-03-15T09:01:00Z", "text/html; charset=utf-8", html("Council votes on the budget"));
        page(pages, "pic.png", "2024-03-15T09:02:00Z", "image/png", HexFormat.of().parseHex(PNG));
        Path list = dir.resolve("pages.json");
        JSON.writeValue(list.toFile(), pages);
        warc = dir.resolve("site.warc.gz");
        wacz = dir.resolve("site.wacz");
        String out = run(prefix, "node", script.toString(), list.toString(), warc.toString(), wacz.toString());
        assertThat(wacz).as(out).isRegularFile();
    }

    private static void page(ArrayNode pages, String path, String date, String type, byte[] body) {
        String url = "http://127.0.0.1:8080/" + path;
        BODIES.put(url, body);
        pages.addObject().put("url", url).put("date", date).put("type", type)
                .put("body", Base64.getEncoder().encodeToString(body));
    }

    private static byte[] html(String title) {
        StringBuilder b = new StringBuilder("<!doctype html><html><head><title>").append(title)
                .append("</title><meta property=\"article:published_time\" content=\"2024-03-15T08:00:00Z\"></head><body><article><h1>")
                .append(title).append("</h1>");
        for (int i = 0; i < 6; i++) {
            b.append("<p>Paragraph ").append(i).append(" of ").append(title)
                    .append(" goes on about the harbour works and the council meeting that followed them.</p>");
        }
        return b.append("<img src=\"/pic.png\"></article></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void importOfTheWarcioWarcCopiesEachPageWithItsRequestAndImageAndTheSourcePayloadDigests() throws Exception {
        Cli cli = new Cli(dir.resolve("warc-home"));

        Cli.Result r = cli.run("import", "--json", warc.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertImported(r, sourcePayloadDigests());
    }

    @Test
    void importOfTheJsWaczWaczImportsTheSamePages() throws Exception {
        Cli cli = new Cli(dir.resolve("wacz-home"));

        Cli.Result r = cli.run("import", "--json", wacz.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertImported(r, sourcePayloadDigests());
    }

    private static void assertImported(Cli.Result r, Map<String, String> source) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.lines()) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).extracting(p -> p.get("url").asText() + " " + p.get("status").asText())
                .containsExactlyInAnyOrder("http://127.0.0.1:8080/bridge imported", "http://127.0.0.1:8080/council imported");
        for (JsonNode page : lines) {
            List<WarcContents.Rec> records = WarcContents.read(Path.of(page.get("bundle").asText()));
            assertThat(records).extracting(WarcContents.Rec::type).contains("request", "response");
            for (WarcContents.Rec response : records.stream().filter(x -> x.type().equals("response")).toList()) {
                assertThat(response.payload()).isEqualTo(BODIES.get(response.target()));
                assertThat(response.header("WARC-Payload-Digest")).isEqualTo(source.get(response.target()));
            }
            assertThat(records).extracting(WarcContents.Rec::target).contains("http://127.0.0.1:8080/pic.png");
        }
    }

    private static Map<String, String> sourcePayloadDigests() throws IOException {
        Map<String, String> digests = new HashMap<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcResponse response) {
                    digests.put(response.target(), response.headers().first("WARC-Payload-Digest").orElseThrow());
                }
            }
        }
        assertThat(digests).hasSize(3);
        return digests;
    }

    @Test
    void extractPrintsOneArticleLinePerPageOfTheWarcioWarc() throws Exception {
        Cli.Result r = new Cli(dir.resolve("extract-home")).run("extract", warc.toString());

        assertThat(r.status()).as(r.err()).isZero();
        List<String> titles = new ArrayList<>();
        for (String line : r.lines()) {
            JsonNode article = JSON.readTree(line);
            titles.add(article.get("title").asText());
            assertThat(article.get("text").asText()).contains("Paragraph 5 of " + article.get("title").asText());
        }
        assertThat(titles).containsExactlyInAnyOrder("Harbour bridge reopens", "Council votes on the budget");
    }

    /**
     * js-wacz 0.1.6 lists for each WARC the SHA-256 of its bytes with every 64 KiB chunk fed twice
     * (its sha256() both calls hash.update on 'data' and pipes the stream into the hash): verify
     * says so about that member, with both hashes, and still reads everything else: each line of
     * js-wacz's index resolves to a record of that WARC.
     */
    @Test
    void verifyOfTheJsWaczWaczNamesTheWarcWhoseListedHashJsWaczMiscomputed() throws Exception {
        byte[] bytes = Files.readAllBytes(warc);
        String actual = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        MessageDigest doubled = MessageDigest.getInstance("SHA-256");
        doubled.update(bytes);
        doubled.update(bytes);
        String listed = "sha256:" + HexFormat.of().formatHex(doubled.digest());

        Cli.Result r = new Cli(dir.resolve("verify-home")).run("verify", wacz.toString());

        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("damaged: archive/site.warc.gz").contains(listed).contains(actual)
                .contains("js-wacz").contains("; 3 index lines resolve to records");
        Cli.Result json = new Cli(dir.resolve("verify-home")).run("verify", "--json", wacz.toString());
        JsonNode index = JSON.readTree(json.out()).get("index");
        assertThat(index.get("lines").asLong()).isEqualTo(3);
        assertThat(index.get("unresolved").asLong()).isZero();
    }

    /**
     * From 3,000 index lines on, js-wacz writes a ZipNum index: {@code indexes/index.cdx.gz} in blocks,
     * each its own gzip member, and {@code indexes/index.idx} naming each block's first key, offset and
     * length. verify matches every block to its member and resolves every line in the blocks.
     */
    @Test
    void verifyOfABigJsWaczResolvesItsZipNumIndexBlockByBlock() throws Exception {
        ArrayNode pages = JSON.createArrayNode();
        for (int i = 0; i < 3100; i++) {
            pages.addObject().put("url", "http://127.0.0.1:8080/p/" + i).put("date", "2024-03-15T09:00:00Z").put("type", "text/html")
                    .put("body", Base64.getEncoder().encodeToString(("<title>Page " + i + "</title>").getBytes(StandardCharsets.UTF_8)));
        }
        Path list = dir.resolve("big-pages.json");
        JSON.writeValue(list.toFile(), pages);
        Path big = dir.resolve("big.wacz");
        String out = run(prefix, "node", script.toString(), list.toString(), dir.resolve("big.warc.gz").toString(), big.toString());
        try (ZipFile zip = ZipFile.builder().setPath(big).get()) {
            assertThat(zip.getEntry("indexes/index.idx")).as(out).isNotNull();
        }

        Cli.Result r = new Cli(dir.resolve("big-home")).run("verify", "--json", big.toString());

        JsonNode index = JSON.readTree(r.out()).get("index");
        assertThat(index.get("unresolved").asLong()).as(r.out()).isZero();
        assertThat(index.get("lines").asLong()).isGreaterThan(3100 + 1);
    }

    @Test
    void showOfTheJsWaczWaczListsItsPackageAndTheRecordsOfItsWarc() {
        Cli.Result r = new Cli(dir.resolve("show-home")).run("show", wacz.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("software:").contains("js-wacz").contains("response").contains("request");
    }

    private static String run(Path where, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(where.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
