package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.testing.Cli;
import dev.arca.testing.WarcContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;

import java.io.ByteArrayOutputStream;
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

import static org.assertj.core.api.Assertions.assertThat;

/** {@code arca import} of archives other writers make: jwarc's WarcWriter as Common Crawl writes, and ARC. */
class ImportInteropTest {

    private static final Instant WHEN = Instant.parse("2024-03-15T09:00:00Z");
    private static final String STORY = ImportCommandTest.STORY;

    @TempDir
    Path dir;

    private List<JsonNode> json(Cli.Result r) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.lines()) {
            lines.add(new ObjectMapper().readTree(line));
        }
        return lines;
    }

    private static WarcResponse response(String url, Instant date, String type, byte[] body, boolean truncated) throws Exception {
        HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.parse(type), body).build();
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.write(http.serializeHeader());
        block.write(body);
        WarcResponse.Builder builder = new WarcResponse.Builder(url).date(date).body(http)
                .blockDigest(digest(block.toByteArray())).payloadDigest(digest(body));
        if (truncated) {
            builder.addHeader("WARC-Truncated", "length");
        }
        return builder.build();
    }

    private static WarcDigest digest(byte[] bytes) throws Exception {
        return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    @Test
    void aCommonCrawlLikeWarcFromJwarcWithoutRequestsWithATruncatedRecordAndARevisit() throws Exception {
        byte[] story = STORY.getBytes(StandardCharsets.UTF_8);
        Path warc = dir.resolve("CC-NEWS-like.warc.gz");
        try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP)) {
            writer.write(response("https://news.example/story", WHEN, "text/html; charset=utf-8", story, false));
            writer.write(response("https://news.example/pic.png", WHEN, "image/png", ImportCommandTest.PNG, true));
            HttpResponse headers = new HttpResponse.Builder(200, "OK").addHeader("Content-Type", "text/html; charset=utf-8").build();
            byte[] head = headers.serializeHeader();
            writer.write(new WarcRevisit.Builder("https://news.example/story",
                    URI.create("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"))
                    .date(WHEN.plusSeconds(86_400)).body(MediaType.HTTP_RESPONSE, head)
                    .blockDigest(digest(head)).payloadDigest(digest(story)).build());
        }
        Cli cli = new Cli(dir.resolve("home"));

        Cli.Result r = cli.run("import", "--json", "--force", warc.toString());

        assertThat(r.status()).as(r.err()).isZero();
        List<JsonNode> pages = json(r);
        assertThat(pages).extracting(p -> p.get("status").asText()).containsExactly("imported", "imported");
        Path revisited = Path.of(pages.get(1).get("bundle").asText());
        List<WarcContents.Rec> records = WarcContents.read(revisited);
        assertThat(records).extracting(WarcContents.Rec::type)
                .containsExactly("warcinfo", "response", "revisit", "response", "metadata", "resource");
        assertThat(records.get(3).header("WARC-Truncated")).isEqualTo("length");
        assertThat(cli.run("verify", pages.get(1).get("id").asText()).status()).isZero();
        assertThat(cli.run("restore", pages.get(1).get("id").asText(), "--as", "original").out()).isEqualTo(STORY);
    }

    @Test
    void recordsWithoutDigestsWhichWarcLeavesOptionalAreCopiedAsTheyAreAndVerify() throws Exception {
        byte[] story = STORY.getBytes(StandardCharsets.UTF_8);
        Path warc = dir.resolve("no-digests.warc");
        try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             WarcWriter writer = new WarcWriter(channel, WarcCompression.NONE)) {
            writer.write(new WarcResponse.Builder("https://news.example/story").date(WHEN)
                    .body(new HttpResponse.Builder(200, "OK").body(MediaType.parse("text/html; charset=utf-8"), story).build()).build());
        }
        Cli cli = new Cli(dir.resolve("home"));

        Cli.Result r = cli.run("import", "--json", warc.toString());

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode page = json(r).get(0);
        WarcContents.Rec response = WarcContents.ofType(Path.of(page.get("bundle").asText()), "response").get(0);
        assertThat(response.headers()).doesNotContainKey("WARC-Block-Digest");
        assertThat(response.payload()).isEqualTo(story);
        Cli.Result verified = cli.run("verify", page.get("id").asText());
        assertThat(verified.status()).as(verified.out() + verified.err()).isZero();
    }

    @Test
    void anArcFileBecomesWarcResponsesWithTheSamePayload() throws Exception {
        byte[] story = STORY.getBytes(StandardCharsets.UTF_8);
        byte[] http = ("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + story.length + "\r\n\r\n" + STORY)
                .getBytes(StandardCharsets.UTF_8);
        String fields = "1 0 arca-test\nURL IP-address Archive-date Content-type Archive-length\n";
        ByteArrayOutputStream arc = new ByteArrayOutputStream();
        arc.write(("filedesc://test.arc 0.0.0.0 20240315090000 text/plain " + fields.length() + "\n" + fields + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        arc.write(("http://news.example/story 127.0.0.1 20240315090000 text/html " + http.length + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        arc.write(http);
        arc.write('\n');
        Path file = dir.resolve("old.arc");
        Files.write(file, arc.toByteArray());
        Cli cli = new Cli(dir.resolve("home"));

        Cli.Result r = cli.run("import", "--json", file.toString());

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode page = json(r).get(0);
        assertThat(page.get("url").asText()).isEqualTo("http://news.example/story");
        Path bundle = Path.of(page.get("bundle").asText());
        WarcContents.Rec response = WarcContents.ofType(bundle, "response").get(0);
        assertThat(response.headers()).containsKey("WARC-Block-Digest");
        assertThat(response.payload()).isEqualTo(story);
        assertThat(new String(WarcContents.ofType(bundle, "warcinfo").get(0).payload(), StandardCharsets.UTF_8))
                .contains("source-record: (ARC record, converted to WARC/1.1) at offset");
        assertThat(cli.run("verify", page.get("id").asText()).status()).isZero();
    }
}
