package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A skipped input names the capture it is skipped for; a saved page is skipped like a fetched URL. */
class SkippedRowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TITLE = "Harbour bridge reopens after two-year repair";

    @TempDir
    Path home;

    @AutoClose
    private final LoopbackServer server = new LoopbackServer();

    @Test
    void skippedUrlCarriesTheStoredIdAndTitle() throws Exception {
        server.html("/story.html", Fixtures.text("story.html"));
        Cli cli = new Cli(home);
        String url = server.url("/story.html");
        String id = cli.run("fetch", url).out().split("\t")[0];

        Cli.Result text = cli.run("fetch", url);
        Cli.Result json = cli.run("fetch", "--json", url);

        assertThat(text.status()).isZero();
        assertThat(text.out()).isEqualTo(id + "\t" + TITLE + "\t" + url + "\tskipped\n");
        JsonNode row = JSON.readTree(json.out());
        assertThat(row.get("status").asText()).isEqualTo("skipped");
        assertThat(row.get("id").asText()).isEqualTo(id);
        assertThat(row.get("title").asText()).isEqualTo(TITLE);
        assertThat(Path.of(row.get("bundle").asText())).exists();
    }

    @Test
    void savedPageArchivedAgainWithTheSameUrlIsSkipped() throws Exception {
        Path saved = home.resolve("saved.html");
        Files.write(saved, Fixtures.bytes("story.html"));
        Cli cli = new Cli(home);
        String url = "https://courier.example/news/bridge";

        Cli.Result first = cli.run("fetch", saved.toString(), "--url", url);
        Cli.Result again = cli.run("fetch", saved.toString(), "--url", url + "?utm_source=feed");
        Cli.Result refetched = cli.run("fetch", "--refetch", saved.toString(), "--url", url);

        String id = first.out().split("\t")[0];
        assertThat(first.out()).isEqualTo(id + "\t" + TITLE + "\t" + saved + "\n");
        assertThat(again.status()).isZero();
        assertThat(again.out()).isEqualTo(id + "\t" + TITLE + "\t" + saved + "\tskipped\n");
        assertThat(refetched.status()).isZero();
        assertThat(refetched.out()).isEqualTo(id + "\t" + TITLE + "\t" + saved + "\tunchanged\n");
        assertThat(cli.bundles()).hasSize(1);
    }

    @Test
    void savedPageOfAFetchedUrlIsSkippedForThatCapture() throws Exception {
        server.html("/story.html", Fixtures.text("story.html"));
        Path saved = home.resolve("saved.html");
        Files.write(saved, Fixtures.bytes("story.html"));
        Cli cli = new Cli(home);
        String url = server.url("/story.html");
        String id = cli.run("fetch", url).out().split("\t")[0];

        Cli.Result r = cli.run("fetch", saved.toString(), "--url", url);

        assertThat(r.out()).isEqualTo(id + "\t" + TITLE + "\t" + saved + "\tskipped\n");
        assertThat(cli.bundles()).hasSize(1);
    }
}
