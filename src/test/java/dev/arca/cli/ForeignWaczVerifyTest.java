package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.Wget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code arca verify} of a WACZ another tool wrote (here packed the way js-wacz packs wget's WARC):
 * held to what WACZ 1.1.1 requires, not to arca's own article members.
 */
class ForeignWaczVerifyTest {

    @TempDir
    static Path dir;

    static LoopbackServer server;
    static Path warc;

    @BeforeAll
    static void site() throws Exception {
        server = new LoopbackServer();
        server.html("/story", ImportCommandTest.STORY);
        warc = Wget.warc(dir.resolve("wget"), "site", true, server.url("/story"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSoundForeignWaczIsOk() throws Exception {
        Path wacz = wacz("sound.wacz", Files.readAllBytes(warc), "{\"format\": \"json-pages-1.0\", \"id\": \"pages\"}\n");
        Cli.Result r = new Cli(dir.resolve("home-sound")).run("verify", wacz.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("sound\tok");
    }

    @Test
    void showPrintsWhatTheDatapackageOfAForeignWaczSaysAndTheRecordsOfItsWarc() throws Exception {
        Path wacz = wacz("shown.wacz", Files.readAllBytes(warc), "{\"format\": \"json-pages-1.0\", \"id\": \"pages\"}\n");
        Cli cli = new Cli(dir.resolve("home-show"));

        Cli.Result text = cli.run("show", wacz.toString());
        Cli.Result json = cli.run("show", "--json", wacz.toString());

        assertThat(text.status()).as(text.err()).isZero();
        assertThat(text.out()).contains("bundle:").contains("software:").contains("RECORD").contains("response");
        assertThat(json.status()).as(json.err()).isZero();
        JsonNode shown = new ObjectMapper().readTree(json.out());
        assertThat(shown.get("foreign").asBoolean()).isTrue();
        assertThat(shown.get("package").get("wacz_version").asText()).isNotEmpty();
        assertThat(shown.get("records")).extracting(r -> r.get("type").asText()).contains("response");
    }

    @Test
    void aForeignWaczWhoseWarcDoesNotMatchItsHashIsDamaged() throws Exception {
        byte[] bytes = Files.readAllBytes(warc);
        Path wacz = wacz("flipped.wacz", bytes, "{\"format\": \"json-pages-1.0\"}\n", bytes.length / 2);
        Cli.Result r = new Cli(dir.resolve("home-flipped")).run("verify", wacz.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("damaged").contains("archive/site.warc.gz");
    }

    @Test
    void aForeignWaczWithoutPagesHeaderIsDamaged() throws Exception {
        Path wacz = wacz("headless.wacz", Files.readAllBytes(warc), "{\"url\": \"" + server.url("/story") + "\"}\n");
        Cli.Result r = new Cli(dir.resolve("home-headless")).run("verify", wacz.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("pages/pages.jsonl does not start with a JSON header line");
    }

    private static Path wacz(String name, byte[] warcBytes, String pages) throws IOException {
        return wacz(name, warcBytes, pages, -1);
    }

    /** A WACZ as js-wacz writes one; {@code flip}, when not negative, flips that WARC byte after hashing. */
    private static Path wacz(String name, byte[] warcBytes, String pages, int flip) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("indexes/index.cdx", ("127,0,0,1)/story 20260101000000 {\"url\": \"" + server.url("/story")
                + "\", \"filename\": \"site.warc.gz\"}\n").getBytes(StandardCharsets.UTF_8));
        members.put("pages/pages.jsonl", pages.getBytes(StandardCharsets.UTF_8));
        members.put("archive/site.warc.gz", warcBytes.clone());
        ObjectMapper json = new ObjectMapper();
        ObjectNode dp = json.createObjectNode().put("wacz_version", "1.1.1").put("profile", "data-package")
                .put("software", "@harvard-lil/js-wacz 0.1.6");
        ArrayNode resources = dp.putArray("resources");
        members.forEach((path, bytes) -> resources.addObject().put("name", path.substring(path.lastIndexOf('/') + 1))
                .put("path", path).put("hash", sha256(bytes)).put("bytes", bytes.length));
        if (flip >= 0) {
            members.get("archive/site.warc.gz")[flip] ^= 0x20;
        }
        byte[] datapackage = json.writeValueAsBytes(dp);
        members.put("datapackage.json", datapackage);
        members.put("datapackage-digest.json", json.writeValueAsBytes(json.createObjectNode()
                .put("path", "datapackage.json").put("hash", sha256(datapackage))));
        Path wacz = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(wacz); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(member.getKey()));
                zip.write(member.getValue());
                zip.closeEntry();
            }
        }
        return wacz;
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
