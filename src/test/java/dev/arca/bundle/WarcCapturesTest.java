package dev.arca.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** WARCs written by jwarc, read back as page captures. */
class WarcCapturesTest {

    private static final Instant WHEN = Instant.parse("2024-03-15T09:00:00Z");
    private static final byte[] STORY = "<html><head><title>Bridge</title></head><body><p>The bridge reopened.</p></body></html>"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final List<String> problems = new ArrayList<>();


    private static void page(WarcWriter warc, String url, int status, String location, byte[] body, String type) throws Exception {
        HttpResponse.Builder http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Moved");
        if (location != null) {
            http.addHeader("Location", location);
        }
        HttpResponse response = http.body(MediaType.parse(type), body).build();
        MessageDigest digest = MessageDigest.getInstance("SHA-1");
        WarcResponse record = new WarcResponse.Builder(url).date(WHEN).body(response)
                .payloadDigest(new WarcDigest(digest.getAlgorithm(), digest.digest(body))).build();
        WarcRequest request = new WarcRequest.Builder(url).date(WHEN).concurrentTo(record.id())
                .body(new HttpRequest.Builder("GET", URI.create(url).getRawPath()).addHeader("User-Agent", "tester/1").build()).build();
        warc.write(request);
        warc.write(record);
    }

    private Path warc(WarcCompression compression, String name) throws Exception {
        Path file = dir.resolve(name);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             WarcWriter warc = new WarcWriter(channel, compression)) {
            page(warc, "https://news.example/old", 301, "https://news.example/story", new byte[0], "text/html");
            page(warc, "https://news.example/story", 200, null, STORY, "text/html; charset=utf-8");
            page(warc, "https://news.example/logo.png", 200, null, new byte[]{1, 2, 3}, "image/png");
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            warc.write(new WarcRevisit.Builder("https://news.example/story-again", URI.create("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"))
                    .date(WHEN.plusSeconds(60)).payloadDigest(new WarcDigest(digest.getAlgorithm(), digest.digest(STORY)))
                    .body(new HttpResponse.Builder(200, "OK").addHeader("Content-Type", "text/html").build()).build());
        }
        return file;
    }

    private List<WarcCaptures.Found> read(Path file) throws IOException {
        List<WarcCaptures.Found> found = new ArrayList<>();
        try (WarcCaptures captures = WarcCaptures.open(file, 1 << 20,
                (f, member, offset, why) -> problems.add(f.getFileName() + "@" + offset + ": " + why))) {
            for (Optional<WarcCaptures.Found> next = captures.next(); next.isPresent(); next = captures.next()) {
                found.add(next.get());
            }
        }
        return found;
    }

    @Test
    void readsPagesWithTheirRequestRedirectsAndRevisitsFromPlainAndGzippedWarcs() throws Exception {
        for (WarcCompression compression : List.of(WarcCompression.NONE, WarcCompression.GZIP)) {
            List<WarcCaptures.Found> found = read(warc(compression, "crawl-" + compression + ".warc" + (compression == WarcCompression.GZIP ? ".gz" : "")));

            assertThat(found).as(compression.toString()).hasSize(2);
            WarcCaptures.Found story = found.get(0);
            assertThat(story.capture().requested()).hasToString("https://news.example/old");
            assertThat(story.capture().url()).hasToString("https://news.example/story");
            assertThat(story.capture().exchanges()).extracting(e -> e.status()).containsExactly(301, 200);
            assertThat(story.capture().finalExchange().requestHeaders()).anyMatch(h -> h.value().equals("tester/1"));
            assertThat(story.capture().body()).isEqualTo(STORY);
            assertThat(story.capture().mediaType()).isEqualTo("text/html");
            assertThat(story.provenance().offset()).isPositive();
            assertThat(story.provenance().recordId()).startsWith("urn:uuid:");

            WarcCaptures.Found revisit = found.get(1);
            assertThat(revisit.capture().url()).hasToString("https://news.example/story-again");
            assertThat(revisit.capture().body()).as("resolved to the earlier response").isEqualTo(STORY);
            assertThat(revisit.capture().date()).isEqualTo(WHEN.plusSeconds(60));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aTruncatedWarcGivesEveryPageBeforeTheDamageAndSaysWhere() throws Exception {
        Path whole = warc(WarcCompression.GZIP, "whole.warc.gz");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.warc.gz"), java.util.Arrays.copyOf(bytes, bytes.length - 40));

        List<WarcCaptures.Found> found = read(cut);

        assertThat(found).extracting(f -> f.capture().url().toString()).containsExactly("https://news.example/story");
        assertThat(problems).singleElement().asString().startsWith("cut.warc.gz@").contains("damaged record");
    }

    /** A response record written out by hand, with its block's digest as the header names it. */
    private static String rawResponse(String url, String html, String digestAlgorithm, boolean hex) throws Exception {
        String block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + html.length() + "\r\n\r\n" + html;
        byte[] hash = MessageDigest.getInstance(digestAlgorithm).digest(block.getBytes(StandardCharsets.UTF_8));
        String digest = hex ? "sha256:" + java.util.HexFormat.of().formatHex(hash)
                : new WarcDigest(digestAlgorithm, hash).prefixedBase32();
        return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + java.util.UUID.randomUUID() + ">\r\n"
                + "WARC-Date: 2024-03-15T09:00:00Z\r\nWARC-Target-URI: " + url + "\r\nWARC-Block-Digest: " + digest + "\r\n"
                + "Content-Type: application/http;msgtype=response\r\nContent-Length: " + block.length() + "\r\n\r\n"
                + block + "\r\n\r\n";
    }

    @Test
    void aRecordWhoseBytesNoLongerMatchItsBlockDigestIsSkippedAndTheNextIsRead() throws Exception {
        String first = rawResponse("https://news.example/one", "<html><body><p>The bridge reopened.</p></body></html>", "SHA-1", false);
        String second = rawResponse("https://news.example/two", "<html><body><p>The ferry sailed.</p></body></html>", "SHA-256", true);
        Path intact = Files.writeString(dir.resolve("intact.warc"), first + second, StandardCharsets.UTF_8);
        assertThat(read(intact)).hasSize(2);
        assertThat(problems).isEmpty();

        // one letter of the first page changed, the length the same: the framing holds, the digest does not
        Path altered = Files.writeString(dir.resolve("altered.warc"), first.replace("bridge", "bridgf") + second,
                StandardCharsets.UTF_8);
        List<WarcCaptures.Found> found = read(altered);

        assertThat(found).extracting(f -> f.capture().url().toString()).containsExactly("https://news.example/two");
        assertThat(problems).singleElement().asString().startsWith("altered.warc@0: https://news.example/one")
                .contains("do not match its WARC-Block-Digest");
    }

    @Test
    void readsTheWarcsOfAWacz() throws Exception {
        Path warc = warc(WarcCompression.GZIP, "data.warc.gz");
        Path wacz = dir.resolve("other-tool.wacz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wacz))) {
            zip.putNextEntry(new ZipEntry("datapackage.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("archive/data.warc.gz"));
            zip.write(Files.readAllBytes(warc));
        }

        List<WarcCaptures.Found> found = read(wacz);

        assertThat(found).extracting(f -> f.capture().url().toString())
                .containsExactly("https://news.example/story", "https://news.example/story-again");
        assertThat(found.get(0).provenance().member()).isEqualTo("archive/data.warc.gz");
        assertThat(problems).isEmpty();
    }
}
