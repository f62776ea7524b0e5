package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.bundle.BundleReader;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackCliTest;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.WarcContents;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static dev.arca.cli.BatchFetchTest.article;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code arca fetch} of pages with a {@code <meta http-equiv="refresh">}, through the real CLI. */
class RefreshRedirectTest extends LoopbackCliTest {

    @Test
    void aPageThatIsOnlyARefreshIsFollowedAndRecordedAsAHop() throws Exception {
        String notice = "<!doctype html><html><head><meta http-equiv=\"Refresh\" content=\"2; url = '/news/story'\">"
                + "<title>Moved</title></head><body><p>This story has moved.</p></body></html>";
        server.html("/old-story", notice).html("/news/story", article("Harbour bridge reopens", "Engineers finished early."));

        Cli.Result r = cli.run("fetch", "--json", "--requisites", "none", server.url("/old-story"));

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode line = new ObjectMapper().readTree(r.lines().get(0));
        assertThat(line.get("status").asText()).isEqualTo("archived");
        assertThat(line.get("url").asText()).isEqualTo(server.url("/old-story"));
        assertThat(line.get("finalUrl").asText()).isEqualTo(server.url("/news/story"));
        Path bundle = Path.of(line.get("bundle").asText());
        List<WarcContents.Rec> records = WarcContents.read(bundle);
        assertThat(records).extracting(WarcContents.Rec::type)
                .containsExactly("warcinfo", "request", "response", "request", "response", "metadata", "resource");
        List<WarcContents.Rec> responses = records.stream().filter(x -> x.type().equals("response")).toList();
        assertThat(responses).extracting(WarcContents.Rec::target)
                .containsExactly(server.url("/old-story"), server.url("/news/story"));
        assertThat(new String(responses.get(0).payload(), StandardCharsets.UTF_8)).isEqualTo(notice);
        try (BundleReader reader = BundleReader.open(bundle)) {
            assertThat(reader.article().title()).isEqualTo("Harbour bridge reopens");
            assertThat(reader.info().url()).isEqualTo(server.url("/news/story"));
        }
    }

    @Test
    void anArticleThatReloadsItselfIsArchivedAsItIs() throws Exception {
        String live = "<!doctype html><html><head><meta http-equiv=\"refresh\" content=\"300\"><title>Live: storm</title></head>"
                + "<body><article><h1>Live: storm</h1><p>The coast road stays closed.</p></article></body></html>";
        server.html("/live", live);

        Cli.Result r = cli.run("fetch", "--json", "--requisites", "none", server.url("/live"));

        assertThat(r.status()).as(r.err()).isZero();
        Path bundle = Path.of(new ObjectMapper().readTree(r.lines().get(0)).get("bundle").asText());
        assertThat(WarcContents.ofType(bundle, "response")).hasSize(1);
        try (BundleReader reader = BundleReader.open(bundle)) {
            assertThat(reader.article().title()).isEqualTo("Live: storm");
        }
        assertThat(server.requests()).extracting(LoopbackServer.Seen::path).containsExactly("/live");
    }
}
