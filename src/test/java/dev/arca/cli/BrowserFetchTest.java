package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.browser.Chromiums;
import dev.arca.bundle.BundleReader;
import dev.arca.bundle.RecordSummary;
import dev.arca.testing.BrowserPages;
import dev.arca.testing.BundleValidator;
import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fetch --browser} through the real command line, into bundles that the independent checkers pass. */
class BrowserFetchTest {

    @TempDir
    static Path home;

    private static LoopbackServer server;
    private static Cli cli;

    @BeforeAll
    static void serve() {
        Chromiums.required();
        server = new LoopbackServer();
        server.html("/app", BrowserPages.APP)
                .page("/api/story.json", 200, BrowserPages.STORY.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json")
                .html("/plain.html", Fixtures.text("story.html"))
                .handle("/members", exchange -> LoopbackServer.sendHtml(exchange,
                        String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")).contains("session=letmein")
                                ? "<html><head><title>Members</title></head><body><p>The members' story</p></body></html>"
                                : "<html><head><title>Log in</title></head><body><p>Please log in</p></body></html>"));
        cli = new Cli(home);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode fetch(String... args) throws Exception {
        Cli.Result result = cli.run(args);
        assertThat(result.status()).as(result.err()).isZero();
        return new ObjectMapper().readTree(result.lines().get(result.lines().size() - 1));
    }

    private static List<String> targets(JsonNode fetched) throws Exception {
        try (BundleReader reader = BundleReader.open(Path.of(fetched.get("bundle").asText()))) {
            return reader.records().stream().map(RecordSummary::target).filter(t -> t != null).toList();
        }
    }

    @Test
    void autoCapturesAPageBuiltByJavaScriptInTheBrowserAndExtractsTheRenderedStory() throws Exception {
        JsonNode fetched = fetch("fetch", "--json", "--browser", "auto", "--refetch", "--screenshot", "--pdf", server.url("/app"));

        assertThat(fetched.get("title").asText()).isEqualTo("The harbour reopens");
        assertThat(fetched.path("warnings").toString()).doesNotContain("needs a browser");
        assertThat(targets(fetched)).contains(server.url("/app"), server.url("/api/story.json"),
                "urn:dom:" + server.url("/app"), "urn:view:" + server.url("/app"),
                "urn:fullPage:" + server.url("/app"), "urn:pdf:" + server.url("/app"));
        Cli.Result verified = cli.run("verify", fetched.get("id").asText());
        assertThat(verified.status()).as(verified.out() + verified.err()).isZero();
        if (BundleValidator.available()) {
            String report = BundleValidator.validate(Path.of(fetched.get("bundle").asText()), "/api/story.json"); // the page as served: its shell
            assertThat(report.strip()).as(report).endsWith("ALL PASS");
        }
    }

    @Test
    void autoLeavesAnArticleThatNeedsNoBrowserToTheStaticCapture() throws Exception {
        JsonNode fetched = fetch("fetch", "--json", "--browser", "auto", "--refetch", server.url("/plain.html"));

        assertThat(targets(fetched)).noneMatch(t -> t.startsWith("urn:view:"));
    }

    @Test
    void cookiesFromACookiesFileReachStaticAndBrowserFetches() throws Exception {
        Path cookies = Files.writeString(home.resolve("cookies.txt"), "127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tletmein\n");

        JsonNode plain = fetch("fetch", "--json", "--refetch", "--cookies", cookies.toString(), server.url("/members"));
        JsonNode browsed = fetch("fetch", "--json", "--refetch", "--browser", "always", "--cookies", cookies.toString(),
                "--header", "X-Reader: arca", server.url("/members?in=browser"));

        assertThat(plain.get("title").asText()).isEqualTo("Members");
        assertThat(browsed.get("title").asText()).isEqualTo("Members");
        assertThat(targets(browsed)).contains("urn:view:" + server.url("/members?in=browser"));
    }

    @Test
    void alwaysWithoutChromiumSaysHowToInstallItAndFetchesNothing() {
        Cli.Result result = cli.env("ARCA_CHROMIUM", home.resolve("no-chromium").toString())
                .run("fetch", "--browser", "always", server.url("/plain.html"));
        cli.env("ARCA_CHROMIUM", null);

        assertThat(result.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("apt-get install chromium");
        assertThat(result.err().lines()).hasSize(1);
    }
}
