package dev.arca.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.extract.Article;
import dev.arca.fetch.Capture;
import dev.arca.fetch.Exchange;
import dev.arca.fetch.Header;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

class BundleWriterTest {

    private static final Instant WHEN = Instant.parse("2024-03-14T08:30:00Z");
    private static final byte[] BODY = "<html><title>T</title><p>Body text</p></html>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Path write(Capture capture) throws Exception {
        Article article = new Article(capture.url().toString(), null, "A title", "Ann Author", List.of("Ann Author"),
                "2024-03-14", null, "Site", "en", "desc", null, List.of("x"), null, "text/html", 0.9, 2,
                "Body text", "<p>Body text</p>");
        Path file = dir.resolve("b.wacz");
        try (OutputStream out = Files.newOutputStream(file)) {
            new BundleWriter("arca test").write(out, "1abcdefghjk", capture, article, "# A title\n\nBody text\n",
                    Map.of("robots", "obeyed"));
        }
        return file;
    }

    private static Exchange exchange(String url, int status, byte[] body, Header... headers) throws Exception {
        return new Exchange(URI.create(url), WHEN, InetAddress.getByName("127.0.0.1"), "HTTP/1.1",
                List.of(new Header("Host", "example.com"), new Header("User-Agent", "arca test")),
                status, List.of(headers), body);
    }

    private static Capture twoHops() throws Exception {
        Exchange redirect = exchange("http://example.com/old", 301, new byte[0], new Header("Location", "/new"));
        Exchange page = exchange("http://example.com/new", 200, BODY,
                new Header("Content-Type", "text/html"), new Header("Transfer-Encoding", "chunked"),
                new Header("Content-Length", "999"));
        return new Capture(URI.create("http://example.com/old?utm_source=x"), URI.create("http://example.com/new"),
                WHEN, List.of(redirect, page), "text/html", "text/html", BODY);
    }

    @Test
    void writesWaczMembersWithHashesAndStoredWarc() throws Exception {
        Path file = write(twoHops());

        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            List<String> names = Collections.list(zip.getEntries()).stream().map(ZipArchiveEntry::getName).toList();
            assertThat(names).containsExactly("archive/data.warc.gz", "indexes/index.cdxj", "pages/pages.jsonl",
                    "article/article.json", "article/capture.json", "datapackage.json", "datapackage-digest.json");
            assertThat(zip.getEntry("archive/data.warc.gz").getMethod()).isEqualTo(ZipEntry.STORED);

            JsonNode dp = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("datapackage.json")));
            assertThat(dp.get("profile").asText()).isEqualTo("data-package");
            assertThat(dp.get("wacz_version").asText()).isEqualTo("1.1.1");
            assertThat(dp.get("mainPageUrl").asText()).isEqualTo("http://example.com/new");
            assertThat(dp.get("resources")).hasSize(5);
            for (JsonNode r : dp.get("resources")) {
                byte[] member = zip.getInputStream(zip.getEntry(r.get("path").asText())).readAllBytes();
                assertThat(r.get("hash").asText()).isEqualTo("sha256:" + sha256(member));
                assertThat(r.get("bytes").asLong()).isEqualTo(member.length);
            }
            byte[] dpBytes = zip.getInputStream(zip.getEntry("datapackage.json")).readAllBytes();
            JsonNode digest = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("datapackage-digest.json")));
            assertThat(digest.get("path").asText()).isEqualTo("datapackage.json");
            assertThat(digest.get("hash").asText()).isEqualTo("sha256:" + sha256(dpBytes));

            String[] pages = new String(zip.getInputStream(zip.getEntry("pages/pages.jsonl")).readAllBytes(),
                    StandardCharsets.UTF_8).split("\n");
            assertThat(pages[0]).isEqualTo("{\"format\":\"json-pages-1.0\",\"id\":\"pages\",\"title\":\"All Pages\"}");
            JsonNode page = new ObjectMapper().readTree(pages[1]);
            assertThat(page.get("url").asText()).isEqualTo("http://example.com/new");
            assertThat(page.get("ts").asText()).isEqualTo("2024-03-14T08:30:00.000Z");
            assertThat(page.get("title").asText()).isEqualTo("A title");
        }
    }

    @Test
    void indexesResponsesAndResourcesSortedAtTheirGzipMembers() throws Exception {
        Path file = write(twoHops());

        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            byte[] warc = zip.getInputStream(zip.getEntry("archive/data.warc.gz")).readAllBytes();
            List<String> lines = Arrays.asList(new String(zip.getInputStream(zip.getEntry("indexes/index.cdxj"))
                    .readAllBytes(), StandardCharsets.UTF_8).split("\n"));
            assertThat(lines).hasSize(3);
            List<String> sorted = new ArrayList<>(lines);
            sorted.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
            assertThat(lines).isEqualTo(sorted);
            assertThat(lines.get(0)).startsWith("com,example)/new 20240314083000 {");
            for (String line : lines) {
                JsonNode j = new ObjectMapper().readTree(line.split(" ", 3)[2]);
                int offset = j.get("offset").asInt();
                assertThat(warc[offset]).isEqualTo((byte) 0x1f);
                assertThat(warc[offset + 1]).isEqualTo((byte) 0x8b);
                assertThat(j.get("filename").asText()).isEqualTo("data.warc.gz");
                assertThat(j.get("digest").asText()).startsWith("sha256:");
            }
        }
    }

    @Test
    void keepsFramingHeadersUnderOriginalNamesAndWritesTrueLength() throws Exception {
        byte[] response = HttpMessages.response(twoHops().finalExchange());
        String head = new String(response, 0, response.length - BODY.length, StandardCharsets.ISO_8859_1);

        assertThat(head).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("X-Arca-Orig-Transfer-Encoding: chunked\r\n")
                .contains("X-Arca-Orig-Content-Length: 999\r\n")
                .contains("Content-Length: " + BODY.length + "\r\n")
                .endsWith("\r\n\r\n");
    }

    @Test
    void keepsMatchingContentLength() throws Exception {
        Exchange ok = exchange("http://example.com/", 200, BODY, new Header("Content-Length", Integer.toString(BODY.length)));
        String head = new String(HttpMessages.response(ok), StandardCharsets.ISO_8859_1);

        assertThat(head).contains("Content-Length: " + BODY.length).doesNotContain("X-Arca-Orig");
        assertThat(head.split("Content-Length", -1)).hasSize(2);
    }

    @Test
    void readsBackArticleInfoRecordsAndOriginal() throws Exception {
        Path file = write(twoHops());

        try (BundleReader reader = BundleReader.open(file)) {
            assertThat(reader.article().title()).isEqualTo("A title");
            CaptureInfo info = reader.info();
            assertThat(info.requestedUrl()).isEqualTo("http://example.com/old?utm_source=x");
            assertThat(info.normalizedUrl()).isEqualTo("http://example.com/old");
            assertThat(info.url()).isEqualTo("http://example.com/new");
            assertThat(info.status()).isEqualTo(200);
            assertThat(info.contentHash()).startsWith("sha256:");
            assertThat(reader.records()).extracting(RecordSummary::type).containsExactly(
                    "warcinfo", "request", "response", "request", "response", "metadata", "resource");
            ByteArrayOutputStream original = new ByteArrayOutputStream();
            reader.copyOriginal(original);
            assertThat(original.toByteArray()).isEqualTo(BODY);
            assertThat(reader.markdown()).contains("# A title\n\nBody text\n");
        }
    }

    @Test
    void contentHashIgnoresCaseAndWhitespaceButNotWords() {
        Article a = article("Title", "One  two\nthree");
        Article b = article("TITLE", "one two three ");
        Article c = article("Title", "one two four");

        assertThat(ContentHash.of(a)).isEqualTo(ContentHash.of(b)).isNotEqualTo(ContentHash.of(c));
    }

    private static Article article(String title, String text) {
        return new Article("http://x/", null, title, null, List.of(), null, null, null, null, null, null, List.of(),
                null, "text/html", 1, 3, text, "");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
