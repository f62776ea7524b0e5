package dev.arca.cli;

import dev.arca.archive.Archiver;
import dev.arca.archive.ArchiverFaults;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.testing.BundleValidator;
import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.WarcContents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capture first: once the page has been received, its bundle is written whatever a derived step
 * (extraction, Markdown, the article's JSON) throws, a stack overflow included, with a warning
 * that names the step; every command reads such a bundle. A failure writing the bundle itself is
 * still a failure. Failures are injected through {@link ArchiverFaults}.
 */
class CaptureFirstTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @AutoClose
    private final LoopbackServer server = new LoopbackServer();
    private Cli cli;
    private String url;

    @BeforeEach
    void start() {
        cli = new Cli(home);
        server.html("/news/harbour-bridge-reopens", Fixtures.text("story.html"));
        url = server.url("/news/harbour-bridge-reopens");
    }

    @AfterEach
    void noMoreFaults() {
        ArchiverFaults.clear();
    }

    /** Makes {@code step} fail with what {@code failure} throws. */
    private static void failing(String step, Runnable failure) {
        ArchiverFaults.set(s -> {
            if (s.equals(step)) {
                failure.run();
            }
        });
    }

    /** A real stack overflow, as a page nested deeper than a recursive step can follow would cause. */
    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void aStackOverflowInMarkdownCostsTheMarkdownNotTheCapture() throws Exception {
        failing("markdown", () -> recurse(0));

        Cli.Result r = cli.run("fetch", "--json", "--requisites", "none", url); // the records of the page alone

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode outcome = JSON.readTree(r.out());
        assertThat(outcome.get("status").asText()).isEqualTo("archived");
        assertThat(outcome.get("title").asText()).isEqualTo("Harbour bridge reopens after two-year repair");
        assertThat(outcome.get("warnings").toString()).isEqualTo("[{\"step\":\"markdown\",\"message\":\"StackOverflowError\"}]");
        assertThat(r.err()).isEqualTo("arca: fetch " + url + ": archived with a warning: markdown: StackOverflowError\n");

        Path bundle = Path.of(outcome.get("bundle").asText());
        List<String> records = WarcContents.read(bundle).stream().map(rec -> rec.type()).toList();
        assertThat(records).containsExactly("warcinfo", "request", "response", "metadata", "metadata");
        assertThat(new String(WarcContents.ofType(bundle, "metadata").get(1).payload(), StandardCharsets.UTF_8))
                .contains("\"step\": \"markdown\"").contains("\"message\": \"StackOverflowError\"");
    }

    @Test
    void everyCommandReadsABundleWhoseMarkdownFailed() throws Exception {
        failing("markdown", () -> recurse(0));
        JsonNode outcome = JSON.readTree(cli.run("fetch", "--json", url).out());
        noMoreFaults();
        String id = outcome.get("id").asText();

        Cli.Result verify = cli.run("verify", id);
        assertThat(verify.status()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).isEqualTo(id + "\tok\n");

        Cli.Result list = cli.run("list", "--json");
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.err()).isEmpty();
        JsonNode listed = JSON.readTree(list.out());
        assertThat(listed.get("title").asText()).isEqualTo("Harbour bridge reopens after two-year repair");
        assertThat(listed.get("warnings").toString()).isEqualTo("[{\"step\":\"markdown\",\"message\":\"StackOverflowError\"}]");

        Cli.Result show = cli.run("show", id);
        assertThat(show.status()).as(show.err()).isZero();
        assertThat(show.out()).containsPattern("(?m)^warning: +markdown: StackOverflowError$");
        assertThat(JSON.readTree(cli.run("show", id, "--json").out()).get("warnings").get(0).get("step").asText())
                .isEqualTo("markdown");

        Cli.Result markdown = cli.run("restore", id, "--as", "markdown");
        assertThat(markdown.status()).isEqualTo(1);
        assertThat(markdown.out()).isEmpty();
        assertThat(markdown.err()).isEqualTo("arca: this capture has no Markdown: rendering it failed when it was archived"
                + " (markdown: StackOverflowError); the original, html, text, json and warc forms are there\n");

        Cli.Result original = cli.run("restore", id, "--as", "original");
        assertThat(original.status()).as(original.err()).isZero();
        assertThat(original.outBytes()).isEqualTo(Fixtures.bytes("story.html"));

        Cli.Result warc = cli.run("restore", id, "--as", "warc");
        assertThat(warc.status()).as(warc.err()).isZero();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(warc.outBytes()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("WARC/1.1");
        }

        Path restored = home.resolve("restored");
        Cli.Result all = cli.run("restore", id, "-o", restored + "/");
        assertThat(all.status()).isEqualTo(1);
        assertThat(all.err()).startsWith("arca: this capture has no Markdown").endsWith("; wrote the other forms\n")
                .hasLineCount(1);
        try (Stream<Path> files = Files.list(restored.resolve(id))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("original.html", "article.html", "article.txt", "article.json", id + ".warc.gz");
        }

        Cli.Result reindex = cli.run("reindex");
        assertThat(reindex.status()).as(reindex.err()).isZero();
        assertThat(JSON.readTree(cli.run("list", "--json").out()).get("warnings").get(0).get("message").asText())
                .isEqualTo("StackOverflowError");
    }

    @ParameterizedTest(name = "{0} throws {1}")
    @CsvSource({
            "extract,      IllegalStateException, 'IllegalStateException: injected'",
            "extract,      StackOverflowError,    StackOverflowError",
            "extract,      OutOfMemoryError,      'OutOfMemoryError: injected'",
            "markdown,     IllegalStateException, 'IllegalStateException: injected'",
            "markdown,     OutOfMemoryError,      'OutOfMemoryError: injected'",
            "article-json, IllegalStateException, 'IllegalStateException: injected'",
            "article-json, StackOverflowError,    StackOverflowError"})
    void anyFailureOfADerivedStepIsAWarning(String step, String failure, String message) throws Exception {
        failing(step, () -> {
            switch (failure) {
                case "StackOverflowError" -> recurse(0);
                case "OutOfMemoryError" -> throw new OutOfMemoryError("injected");
                default -> throw new IllegalStateException("injected\nsecond line");
            }
        });

        Cli.Result r = cli.run("fetch", "--json", url);

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode outcome = JSON.readTree(r.out());
        assertThat(outcome.get("status").asText()).isEqualTo("archived");
        assertThat(outcome.get("warnings").toString())
                .isEqualTo("[{\"step\":\"" + step + "\",\"message\":\"" + message + "\"}]");
        assertThat(r.err()).isEqualTo("arca: fetch " + url + ": archived with a warning: " + step + ": " + message + "\n");
        noMoreFaults();

        String id = outcome.get("id").asText();
        assertThat(cli.run("verify", id).out()).isEqualTo(id + "\tok\n");
        assertThat(cli.run("restore", id, "--as", "original").outBytes()).isEqualTo(Fixtures.bytes("story.html"));
        JsonNode listed = JSON.readTree(cli.run("list", "--json").out());
        assertThat(listed.get("warnings").get(0).get("step").asText()).isEqualTo(step);
        if (!step.equals("markdown")) {
            // no article: the stored one says only where the page came from and what it is
            assertThat(listed.get("url").asText()).isEqualTo(url);
            assertThat(listed.get("mediaType").asText()).isEqualTo("text/html");
            assertThat(listed.get("title").isNull()).isTrue();
        }
    }

    @Test
    void aFailureWritingTheBundleIsStillAFailure() throws Exception {
        failing(Archiver.WRITE, () -> {
            throw new IllegalStateException("the disk controller caught fire");
        });

        Cli.Result r = cli.run("fetch", url);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("-\t\t" + url + "\tfailed: internal error: java.lang.IllegalStateException: the disk"
                + " controller caught fire (run with --verbose for details)\n");
        assertThat(cli.bundles()).isEmpty();
        try (Stream<Path> files = Files.walk(cli.store())) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void withoutChromiumAPageBuiltByJavaScriptIsArchivedWithAWarningThatItNeedsABrowser() throws Exception {
        server.html("/app/", Fixtures.text("shell-react.html"));
        String app = server.url("/app/");

        // the default --browser auto, on a machine without Chromium: the static capture, its warning in one line
        Cli.Result r = cli.env("ARCA_CHROMIUM", home.resolve("no-chromium").toString()).run("fetch", "--json", app);

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode outcome = JSON.readTree(r.out());
        assertThat(outcome.get("status").asText()).isEqualTo("archived");
        String why = "the page is built by JavaScript (an empty <div id=\"root\"> is filled by 3 scripts); it was"
                + " archived as served, and needs a browser to show its content";
        assertThat(outcome.get("warnings").get(0).get("step").asText()).isEqualTo("extract");
        assertThat(outcome.get("warnings").get(0).get("message").asText()).isEqualTo(why);
        assertThat(r.err()).isEqualTo("arca: fetch " + app + ": archived with a warning: extract: " + why + "\n");
        assertThat(cli.run("show", outcome.get("id").asText()).out()).contains("warning:").contains("needs a browser");
    }

    @Test
    void anArticleIsArchivedWithoutWarnings() throws Exception {
        Cli.Result r = cli.run("fetch", "--json", url);

        assertThat(r.err()).isEmpty();
        assertThat(JSON.readTree(r.out()).get("warnings").toString()).isEqualTo("[]");
        assertThat(JSON.readTree(cli.run("list", "--json").out()).get("warnings").toString()).isEqualTo("[]");
    }

    @Test
    void theSummaryOfABatchCountsThePagesArchivedWithWarnings() {
        server.html("/app/", Fixtures.text("shell-loading.html"));
        Cli.Result r = cli.run("fetch", "--delay", "0", url, server.url("/app/"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).containsPattern("(?m)^archived 2 \\(1 with warnings\\), unchanged 0, skipped 0, failed 0 in ");
    }

    @Test
    void aBundleWithWarningsPassesTheIndependentValidators() throws Exception {
        Assumptions.assumeTrue(BundleValidator.available(), "../shared/validate, node and npm are needed");
        failing("markdown", () -> recurse(0));
        JsonNode outcome = JSON.readTree(cli.run("fetch", "--json", url).out());

        String report = BundleValidator.validate(Path.of(outcome.get("bundle").asText()), "harbour bridge reopened");

        assertThat(report.strip()).as(report).endsWith("ALL PASS");
    }
}
