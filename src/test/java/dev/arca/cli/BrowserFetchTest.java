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

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fetch --browser} through the real command line, into bundles that the independent checkers pass. */
class BrowserFetchTest {

    @TempDir
    static Path home;

    private static LoopbackServer server;
    private static Cli cli;

    /** A PDF as small as one gets: a browser would show it in its viewer, or download it. */
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** Requests of /busy so far: the first is answered 503. */
    private static final AtomicInteger busy = new AtomicInteger();

    @BeforeAll
    static void serve() {
        Chromiums.required();
        server = new LoopbackServer();
        server.html("/app", BrowserPages.APP)
                .page("/api/story.json", 200, BrowserPages.STORY.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json")
                .html("/plain.html", Fixtures.text("story.html"))
                .redirect("/old-plain", 301, "/plain.html")
                .html("/noscript.html", "<!doctype html><html><head><title>Fallback</title><link rel=\"stylesheet\" href=\"/site.css\">"
                        + "<noscript><link rel=\"stylesheet\" href=\"/fallback.css\"></noscript></head><body><p>"
                        + BrowserPages.STORY + "</p></body></html>")
                .page("/site.css", 200, "p { color: navy }".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/css")
                .page("/report.pdf", 200, PDF, "Content-Type", "application/pdf")
                .page("/photo.png", 200, BrowserPages.PNG, "Content-Type", "image/png")
                .handle("/busy", exchange -> {
                    if (busy.getAndIncrement() == 0) {
                        exchange.getResponseHeaders().add("Retry-After", "0");
                        exchange.sendResponseHeaders(503, -1);
                    } else {
                        LoopbackServer.sendHtml(exchange, Fixtures.text("story.html"));
                    }
                })
                .page("/fallback.css", 200, "p { color: teal }".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/css")
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

    /** How many times the server was asked for {@code path}. */
    private static long requested(String path) {
        return server.requests().stream().filter(r -> r.path().equals(path)).count();
    }

    /** How many times the browser asked for {@code path}: with the {@code Sec-Fetch-Dest} that only a browser sends. */
    private static long requestedByBrowser(String path) {
        return server.requests().stream().filter(r -> r.path().equals(path))
                .filter(r -> r.headers().keySet().stream().anyMatch("Sec-Fetch-Dest"::equalsIgnoreCase)).count();
    }

    /** The WARC record types of {@code fetched}'s bundle whose target is {@code target}, in order. */
    private static List<String> recordsFor(JsonNode fetched, String target) throws Exception {
        try (BundleReader reader = BundleReader.open(Path.of(fetched.get("bundle").asText()))) {
            return reader.records().stream().filter(r -> target.equals(r.target())).map(RecordSummary::type).toList();
        }
    }

    @Test
    void autoCapturesAPageBuiltByJavaScriptInTheBrowserAndExtractsTheRenderedStory() throws Exception {
        long before = requested("/app");
        JsonNode fetched = fetch("fetch", "--json", "--refetch", "--screenshot", "--pdf", server.url("/app")); // auto: the default

        assertThat(fetched.get("title").asText()).isEqualTo("The harbour reopens");
        assertThat(fetched.path("warnings").toString()).doesNotContain("needs a browser");
        assertThat(targets(fetched)).contains(server.url("/app"), server.url("/api/story.json"),
                "urn:dom:" + server.url("/app"), "urn:view:" + server.url("/app"),
                "urn:fullPage:" + server.url("/app"), "urn:pdf:" + server.url("/app"));
        // the static fetch decided, and the browser was served its response: one request for the page
        assertThat(requested("/app") - before).isEqualTo(1);
        assertThat(recordsFor(fetched, server.url("/app"))).containsExactly("request", "response");
        Cli.Result verified = cli.run("verify", fetched.get("id").asText());
        assertThat(verified.status()).as(verified.out() + verified.err()).isZero();
        if (BundleValidator.available()) {
            String report = BundleValidator.validate(Path.of(fetched.get("bundle").asText()), "/api/story.json"); // the page as served: its shell
            assertThat(report.strip()).as(report).endsWith("ALL PASS");
        }
    }

    @Test
    void autoLeavesAnArticleThatNeedsNoBrowserToTheStaticCapture() throws Exception {
        JsonNode fetched = fetch("fetch", "--json", "--refetch", server.url("/plain.html"));

        assertThat(targets(fetched)).noneMatch(t -> t.startsWith("urn:view:"));
    }

    @Test
    void alwaysRequestsThePageOnceFromTheBrowserAndKeepsItsRedirectAsReceived() throws Exception {
        long before = requested("/plain.html");
        long byBrowser = requestedByBrowser("/plain.html");
        long redirects = requested("/old-plain");
        JsonNode fetched = fetch("fetch", "--json", "--refetch", "--browser", "always", server.url("/old-plain"));

        assertThat(requested("/plain.html") - before).isEqualTo(1);
        assertThat(requestedByBrowser("/plain.html") - byBrowser).as("no static fetch first").isEqualTo(1);
        assertThat(requested("/old-plain") - redirects).isEqualTo(1);
        assertThat(recordsFor(fetched, server.url("/old-plain"))).containsExactly("request", "response");
        assertThat(recordsFor(fetched, server.url("/plain.html"))).containsExactly("request", "response");
        assertThat(targets(fetched)).contains("urn:dom:" + server.url("/plain.html"), "urn:view:" + server.url("/plain.html"));
    }

    @Test
    void alwaysRetriesAPageTheServerWasTooBusyForAsTheStaticFetchWould() throws Exception {
        JsonNode fetched = fetch("fetch", "--json", "--refetch", "--retries", "1", "--browser", "always", server.url("/busy"));

        assertThat(fetched.get("status").asText()).isEqualTo("archived");
        assertThat(requestedByBrowser("/busy")).as("the 503, then the page").isEqualTo(2);
        assertThat(requested("/busy")).isEqualTo(2);
        assertThat(targets(fetched)).contains("urn:dom:" + server.url("/busy"));
    }

    @Test
    void alwaysStoresAPdfAndAnImageAsReceivedWithoutRenderingThem() throws Exception {
        Cli.Result r = cli.run("fetch", "--json", "--refetch", "--delay", "0", "--browser", "always",
                server.url("/report.pdf"), server.url("/photo.png"));

        assertThat(r.status()).as(r.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        for (String line : r.lines()) {
            JsonNode fetched = json.readTree(line);
            String url = fetched.get("url").asText();
            assertThat(fetched.get("status").asText()).isEqualTo("archived");
            assertThat(fetched.get("warnings")).as(line).isEmpty();
            assertThat(recordsFor(fetched, url)).containsExactly("request", "response");
            assertThat(targets(fetched)).noneMatch(t -> t.startsWith("urn:dom:") || t.startsWith("urn:view:"));
            ByteArrayOutputStream original = new ByteArrayOutputStream();
            try (BundleReader reader = BundleReader.open(Path.of(fetched.get("bundle").asText()))) {
                reader.copyOriginal(original);
            }
            assertThat(original.toByteArray()).isEqualTo(url.endsWith(".pdf") ? PDF : BrowserPages.PNG);
        }
        assertThat(requestedByBrowser("/report.pdf")).isEqualTo(1);
        assertThat(requestedByBrowser("/photo.png")).isEqualTo(1);
    }

    @Test
    void alwaysFailsAMissingPageAsTheStaticFetchWould() {
        Cli.Result r = cli.run("fetch", "--browser", "always", server.url("/missing"));

        assertThat(r.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("HTTP 404");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void alwaysRetriesAPageTheBrowserCannotConnectToAsTheStaticFetchWould() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Cli.Result r = cli.run("fetch", "--browser", "always", "--ignore-robots", "--retries", "1",
                "http://127.0.0.1:" + closed + "/gone.html");

        assertThat(r.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("net::ERR_CONNECTION_REFUSED").contains("(gave up after 1 retry)");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void aBrowserCaptureAlsoKeepsWhatThePageNeedsWithoutScriptsForItsReplay() throws Exception {
        long loaded = requested("/site.css");
        JsonNode fetched = fetch("fetch", "--json", "--refetch", "--browser", "always", server.url("/noscript.html"));

        assertThat(targets(fetched)).contains(server.url("/site.css"), server.url("/fallback.css"));
        assertThat(requested("/site.css") - loaded).as("loaded in the browser, not fetched again").isEqualTo(1);
    }

    @Test
    void aBatchKeepsOneBrowserAndNeverHasTwoTabsOnOneHost() throws Exception {
        try (LoopbackServer other = new LoopbackServer("127.0.0.2")) {
            HostLoad here = new HostLoad(server);
            HostLoad there = new HostLoad(other);
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                urls.add(server.url("/tab/" + i));
                urls.add(other.url("/tab/" + i));
            }
            Path list = Files.write(home.resolve("tabs.txt"), urls);

            Cli.Result r = cli.run("fetch", "--json", "--refetch", "--jobs", "4", "--delay", "0", "--ignore-robots", "-i", list.toString());

            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.lines()).hasSize(6).allSatisfy(line -> assertThat(line).contains("\"title\":\"Tab story"));
            for (HostLoad host : List.of(here, there)) {
                assertThat(host.most.get()).as("tabs on one host at once").isEqualTo(1);
                // each page sets a cookie before it asks for its story: the last one sees all three, in one browser
                assertThat(host.mostCookies.get()).as("cookies of one browser's profile").isEqualTo(3);
            }
        }
    }

    private static final Pattern SEEN = Pattern.compile("seen");

    /** A host's story endpoint, slow enough for tabs to overlap, counting the requests in flight at once. */
    private static final class HostLoad {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger mostCookies = new AtomicInteger();

        HostLoad(LoopbackServer host) {
            host.handle("/tab", exchange -> LoopbackServer.sendHtml(exchange, """
                    <!doctype html><html><head><title>Shell</title></head><body><div id="root">Loading…</div>
                    <script>document.cookie = 'seen' + location.pathname.replace(/\\W/g, '') + '=1; path=/';
                    fetch('/tab-story').then(r => r.text()).then(t => {
                      document.title = t;
                      document.getElementById('root').innerHTML = '<article><h1>' + t + '</h1><p>' + t.repeat(40) + '</p></article>';
                    });</script></body></html>"""), true);
            host.handle("/tab-story", exchange -> {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                String cookies = String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"));
                mostCookies.accumulateAndGet((int) SEEN.matcher(cookies).results().count(), Math::max);
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                now.decrementAndGet();
                byte[] body = "Tab story from the harbour".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            });
        }
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
