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
import org.netpreserve.jwarc.URIs;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
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
        Cli cli = new Cli(dir.resolve("home-sound"));

        Cli.Result r = cli.run("verify", wacz.toString());
        Cli.Result json = cli.run("verify", "--json", wacz.toString());

        assertThat(r.status()).as(r.err()).isZero();
        long lines = lines(index(Files.readAllBytes(warc), 0));
        assertThat(r.out()).contains("sound\tok; " + lines + " index lines resolve to records");
        JsonNode index = new ObjectMapper().readTree(json.out()).get("index");
        assertThat(index.get("lines").asLong()).isEqualTo(lines).isPositive();
        assertThat(index.get("unresolved").asLong()).isZero();
    }

    @Test
    void aForeignWaczWhoseIndexLineNamesNoRecordIsDamagedAndTheLineIsNamed() throws Exception {
        byte[] bytes = Files.readAllBytes(warc);
        Path wacz = wacz("misindexed.wacz", bytes, index(bytes, 1), "{\"format\": \"json-pages-1.0\"}\n", -1);
        Cli cli = new Cli(dir.resolve("home-misindexed"));

        Cli.Result r = cli.run("verify", wacz.toString());
        Cli.Result json = cli.run("verify", "--json", wacz.toString());

        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("misindexed\tdamaged: 1 of " + lines(index(bytes, 0)) + " index lines do not resolve: first at indexes/index.cdxj line 1: "
                + "no record starts at offset ").contains(" of archive/site.warc.gz");
        assertThat(json.status()).isEqualTo(1);
        JsonNode line = new ObjectMapper().readTree(json.out());
        assertThat(line.get("status").asText()).isEqualTo("damaged");
        assertThat(line.get("index").get("unresolved").asLong()).isEqualTo(1);
        assertThat(line.get("index").get("first").asText()).startsWith("indexes/index.cdxj line 1: no record starts at offset ");
    }

    @Test
    void aClassicCdxIndexResolvesToo() throws Exception {
        byte[] bytes = Files.readAllBytes(warc);
        StringBuilder cdx = new StringBuilder(" CDX N b a m s k r M S V g\n");
        for (String line : new String(index(bytes, 0).getValue(), StandardCharsets.UTF_8).split("\n")) {
            String[] parts = line.split(" ", 3);
            JsonNode json = new ObjectMapper().readTree(parts[2]);
            cdx.append(String.join(" ", parts[0], parts[1], json.get("url").asText(), "text/html", "200", "-", "-", "-",
                    json.get("length").asText(), json.get("offset").asText(), json.get("filename").asText())).append('\n');
        }
        Path wacz = wacz("classic.wacz", bytes, Map.entry("indexes/index.cdx", cdx.toString().getBytes(StandardCharsets.UTF_8)),
                "{\"format\": \"json-pages-1.0\"}\n", -1);

        Cli.Result r = new Cli(dir.resolve("home-classic")).run("verify", wacz.toString());

        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("classic\tok; " + lines(index(bytes, 0)) + " index lines resolve to records");
    }

    @Test
    void aZipNumIndexResolvesBlockByBlockThroughItsSecondaryIndex() throws Exception {
        byte[] bytes = Files.readAllBytes(warc);
        Map<String, byte[]> zipNum = zipNum(bytes, 0);

        Cli.Result r = new Cli(dir.resolve("home-zipnum")).run("verify", wacz("zipnum.wacz", bytes, zipNum, "{\"format\": \"json-pages-1.0\"}\n", -1).toString());

        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("zipnum\tok; " + 2 * lines(index(bytes, 0)) + " index lines resolve to records");
    }

    @Test
    void aZipNumBlockThatNoGzipMemberStartsAtIsNamed() throws Exception {
        byte[] bytes = Files.readAllBytes(warc);
        Map<String, byte[]> zipNum = zipNum(bytes, 3);

        Cli.Result r = new Cli(dir.resolve("home-zipnum-bad")).run("verify", wacz("zipnum-bad.wacz", bytes, zipNum, "{\"format\": \"json-pages-1.0\"}\n", -1).toString());

        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("zipnum-bad\tdamaged: 1 of " + 2 * lines(index(bytes, 0)) + " index lines do not resolve: "
                + "first at indexes/index.idx line 2: no gzip member starts at offset 3 of indexes/index.cdx.gz");
    }

    /**
     * A ZipNum index of {@code warcBytes} as js-wacz writes one, with a block of one line per gzip member;
     * {@code shift} is added to the first block's offset in the secondary index.
     */
    private static Map<String, byte[]> zipNum(byte[] warcBytes, long shift) throws IOException {
        ByteArrayOutputStream cdxGz = new ByteArrayOutputStream();
        StringBuilder idx = new StringBuilder("!meta 0 {\"format\": \"cdxj-gzip-1.0\", \"filename\": \"index.cdx.gz\"}\n");
        for (String line : new String(index(warcBytes, 0).getValue(), StandardCharsets.UTF_8).split("\n")) {
            ByteArrayOutputStream member = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(member)) {
                gzip.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String[] keyAndDate = line.split(" ", 3);
            idx.append(keyAndDate[0]).append(' ').append(keyAndDate[1]).append(" {\"offset\": ")
                    .append(cdxGz.size() + (cdxGz.size() == 0 ? shift : 0)).append(", \"length\": ").append(member.size()).append("}\n");
            cdxGz.write(member.toByteArray());
        }
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("indexes/index.cdx.gz", cdxGz.toByteArray());
        members.put("indexes/index.idx", idx.toString().getBytes(StandardCharsets.UTF_8));
        return members;
    }

    private static long lines(Map.Entry<String, byte[]> index) {
        return new String(index.getValue(), StandardCharsets.UTF_8).lines().count();
    }

    /** A CDXJ index of the response records of {@code warcBytes}, with {@code shift} added to the first one's offset. */
    private static Map.Entry<String, byte[]> index(byte[] warcBytes, long shift) throws IOException {
        List<Long> offsets = new ArrayList<>();
        List<WarcRecord> records = new ArrayList<>();
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(warcBytes))) {
            for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                offsets.add(reader.position());
                records.add(next.get());
            }
        }
        offsets.add((long) warcBytes.length);
        StringBuilder cdxj = new StringBuilder();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) instanceof WarcResponse response) {
                long offset = offsets.get(i) + (cdxj.isEmpty() ? shift : 0);
                cdxj.append(URIs.toNormalizedSurt(response.target())).append(' ')
                        .append(DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(response.date()))
                        .append(" {\"url\":\"").append(response.target()).append("\",\"offset\":").append(offset)
                        .append(",\"length\":").append(offsets.get(i + 1) - offsets.get(i)).append(",\"filename\":\"site.warc.gz\"}\n");
            }
        }
        return Map.entry("indexes/index.cdxj", cdxj.toString().getBytes(StandardCharsets.UTF_8));
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
        return wacz(name, warcBytes, index(warcBytes, 0), pages, -1);
    }

    private static Path wacz(String name, byte[] warcBytes, String pages, int flip) throws IOException {
        return wacz(name, warcBytes, index(warcBytes, 0), pages, flip);
    }

    /** A WACZ as js-wacz writes one; {@code flip}, when not negative, flips that WARC byte after hashing. */
    private static Path wacz(String name, byte[] warcBytes, Map.Entry<String, byte[]> index, String pages, int flip) throws IOException {
        return wacz(name, warcBytes, Map.ofEntries(index), pages, flip);
    }

    private static Path wacz(String name, byte[] warcBytes, Map<String, byte[]> indexes, String pages, int flip) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>(indexes);
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
