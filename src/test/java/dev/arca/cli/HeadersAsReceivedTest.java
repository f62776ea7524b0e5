package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.bundle.BundleReader;
import dev.arca.bundle.BundleVerifier;
import dev.arca.testing.Cli;
import dev.arca.testing.RawServer;
import dev.arca.testing.WarcContents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WARC holds each exchange as it crossed the wire: the response head byte for byte as the
 * server sent it, and the request as arca wrote it, through the real CLI against a raw socket.
 */
class HeadersAsReceivedTest {

    private static final String BODY = "<title>Fine</title><p>An old server.</p>";
    private static final String ODD_HEAD = "HTTP/1.0 200 Fine\r\n"
            + "x-Powered-BY: raw sockets\r\n"
            + "Set-Cookie: a=1; Path=/\r\n"
            + "content-TYPE: text/html; charset=utf-8\r\n"
            + "X-Dup: one\r\n"
            + "Set-Cookie: b=2\r\n"
            + "ZZZ-First-Sorted-Last: yes\r\n"
            + "X-Dup: two\r\n"
            + "CONTENT-LENGTH: " + BODY.length() + "\r\n"
            + "\r\n";

    private static final RawServer RAW = new RawServer()
            .bytes("/old", ODD_HEAD + BODY)
            .bytes("/moved", "HTTP/1.1 301 Gone Elsewhere\r\nlocation: /old\r\nContent-Length: 0\r\n\r\n")
            .bytes("/chunked", "HTTP/1.1 200 Chunky\r\nX-b: 2\r\nTransfer-Encoding: chunked\r\ncontent-type: text/html\r\n"
                    + "X-a: 1\r\n\r\n5\r\n<titl\r\n11\r\ne>Chunked</title>\r\n0\r\n\r\n");

    @TempDir
    Path home;

    @AfterAll
    static void stop() {
        RAW.close();
    }

    @Test
    void theResponseHeadIsStoredByteForByteAndTheRequestAsTheServerReceivedIt() throws Exception {
        Path bundle = fetch(RAW.url("/old"));

        WarcContents.Rec response = only(bundle, "response");
        assertThat(new String(response.block(), StandardCharsets.ISO_8859_1)).isEqualTo(ODD_HEAD + BODY);
        assertThat(response.block()).isEqualTo((ODD_HEAD + BODY).getBytes(StandardCharsets.ISO_8859_1));
        assertThat(only(bundle, "request").block()).isEqualTo(RAW.received("/old"));
        assertThat(BundleVerifier.verify(bundle).ok()).isTrue();
        try (BundleReader reader = BundleReader.open(bundle)) {
            assertThat(reader.article().title()).isEqualTo("Fine");
        }
    }

    @Test
    void everyHopOfARedirectIsStoredAsReceived() throws Exception {
        Path bundle = fetch(RAW.url("/moved"));

        List<WarcContents.Rec> responses = WarcContents.ofType(bundle, "response");
        assertThat(responses).extracting(r -> new String(r.block(), StandardCharsets.ISO_8859_1))
                .containsExactly("HTTP/1.1 301 Gone Elsewhere\r\nlocation: /old\r\nContent-Length: 0\r\n\r\n", ODD_HEAD + BODY);
        assertThat(WarcContents.ofType(bundle, "request")).extracting(WarcContents.Rec::block)
                .containsExactly(RAW.received("/moved"), RAW.received("/old"));
    }

    @Test
    void aChunkedResponseKeepsItsStatusLineAndFieldsAndNamesTheFramingItDropped() throws Exception {
        Path bundle = fetch(RAW.url("/chunked"));

        WarcContents.Rec response = only(bundle, "response");
        assertThat(new String(response.block(), StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200 Chunky\r\nX-b: 2\r\n"
                + "X-Arca-Orig-Transfer-Encoding: chunked\r\ncontent-type: text/html\r\nX-a: 1\r\nContent-Length: 22\r\n\r\n"
                + "<title>Chunked</title>");
    }

    private Path fetch(String url) throws Exception {
        Cli.Result r = new Cli(home).run("fetch", "--json", "--retries", "0", "--ignore-robots", url);
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode line = new ObjectMapper().readTree(r.lines().get(0));
        return Path.of(line.get("bundle").asText());
    }

    private static WarcContents.Rec only(Path bundle, String type) throws Exception {
        List<WarcContents.Rec> records = WarcContents.ofType(bundle, type);
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
