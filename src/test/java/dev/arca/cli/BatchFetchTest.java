package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.bundle.BundleReader;
import dev.arca.bundle.CaptureInfo;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackCliTest;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.WarcContents;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class BatchFetchTest extends LoopbackCliTest {

    static String article(String title, String text) {
        return "<!doctype html><html><head><title>" + title + "</title></head><body><article><h1>" + title
                + "</h1><p>" + text + "</p></article></body></html>";
    }

    private void pages(String... paths) {
        for (String path : paths) {
            server.html(path, article("Story " + path, "The text of " + path + " in full."));
        }
    }

    private long pageRequests(String path) {
        return server.requests().stream().filter(r -> r.path().startsWith(path)).count();
    }

    @Test
    void readsListFileSkippingBlankLinesAndComments() throws Exception {
        pages("/a", "/b", "/c");
        Path list = home.resolve("list.txt");
        Files.writeString(list, "# nightly reading\n" + server.url("/a") + "\n\n   \n  " + server.url("/b") + "  \n"
                + "#" + server.url("/c") + "\n");

        Cli.Result r = cli.run("fetch", "--delay", "0", "-i", list.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines()).allSatisfy(line -> assertThat(line.split("\t")).hasSize(3));
        assertThat(r.lines().stream().map(l -> l.split("\t")[2])).containsExactlyInAnyOrder(server.url("/a"), server.url("/b"));
        assertThat(pageRequests("/c")).isZero();
        assertThat(cli.bundles()).hasSize(2);
        assertThat(r.err()).matches("archived 2, unchanged 0, skipped 0, failed 0 in \\d+\\.\\d s\\n");
    }

    @Test
    void readsListFromStdin() {
        pages("/a", "/b");
        byte[] list = (server.url("/a") + "\n" + server.url("/b") + "\n").getBytes(StandardCharsets.UTF_8);

        Cli.Result r = cli.runWithInput(list, "fetch", "--json", "--delay", "0", "-i", "-");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(statuses(r)).containsExactly("archived", "archived");
    }

    @Test
    void missingListIsAnErrorBeforeAnythingIsFetched() {
        pages("/a");
        Cli.Result r = cli.run("fetch", server.url("/a"), "-i", home.resolve("nope.txt").toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("no such file or directory").contains("nope.txt");
        assertThat(pageRequests("/a")).isZero();
    }

    @Test
    void archivesEveryItemOfAFeed() throws Exception {
        pages("/news/1", "/news/2");
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title><link>" + server.url("/")
                + "</link><item><title>One</title><link>" + server.url("/news/1") + "</link></item>"
                + "<item><title>Two</title><link>/news/2?utm_source=rss</link></item></channel></rss>";
        server.page("/feed.xml", 200, rss.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/rss+xml");

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", "--feed", server.url("/feed.xml"));

        assertThat(r.status()).as(r.err()).isZero();
        List<JsonNode> lines = json(r);
        assertThat(lines).extracting(j -> j.get("url").asText())
                .containsExactlyInAnyOrder(server.url("/news/1"), server.url("/news/2?utm_source=rss"));
        assertThat(lines).extracting(j -> j.get("status").asText()).containsOnly("archived");
        CaptureInfo second = info(lines.stream().filter(j -> j.get("url").asText().contains("/news/2")).findFirst()
                .orElseThrow());
        assertThat(second.requestedUrl()).isEqualTo(server.url("/news/2?utm_source=rss"));
        assertThat(second.normalizedUrl()).isEqualTo(server.url("/news/2"));
    }

    @Test
    void feedThatIsNotAFeedIsOneFailedInput() {
        server.html("/feed.xml", "<html><body>not a feed</body></html>");

        Cli.Result r = cli.run("fetch", "--json", "--feed", server.url("/feed.xml"));

        assertThat(r.status()).isEqualTo(1);
        JsonNode line = json(r).get(0);
        assertThat(line.get("url").asText()).isEqualTo(server.url("/feed.xml"));
        assertThat(line.get("status").asText()).isEqualTo("failed");
        assertThat(line.get("error").asText())
                .isEqualTo("feed: " + server.url("/feed.xml") + " is a web page that links to no RSS, Atom or JSON feed");
    }

    @Test
    void archivesPagesOfASitemapIndexModifiedSinceADate() {
        pages("/old", "/new", "/undated", "/other");
        String index = "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<sitemap><loc>" + server.url("/sitemap-1.xml") + "</loc></sitemap>"
                + "<sitemap><loc>" + server.url("/sitemap-2.xml") + "</loc></sitemap></sitemapindex>";
        String one = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>" + server.url("/old") + "</loc><lastmod>2023-06-01</lastmod></url>"
                + "<url><loc>" + server.url("/new") + "</loc><lastmod>2024-02-01T08:00:00Z</lastmod></url></urlset>";
        String two = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>" + server.url("/undated") + "</loc></url>"
                + "<url><loc>" + server.url("/other") + "</loc><lastmod>2024-01-01</lastmod></url></urlset>";
        server.page("/sitemap.xml", 200, index.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/xml");
        server.page("/sitemap-1.xml", 200, one.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/xml");
        server.page("/sitemap-2.xml", 200, two.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/xml");

        Cli.Result r = cli.run("fetch", "--delay", "0", "--sitemap", server.url("/sitemap.xml"), "--since", "2024-01-01");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.lines().stream().map(l -> l.split("\t")[2]))
                .containsExactlyInAnyOrder(server.url("/new"), server.url("/undated"), server.url("/other"));
        assertThat(pageRequests("/old")).isZero();
    }

    @Test
    void sinceWithoutSitemapIsAUsageError() {
        Cli.Result r = cli.run("fetch", "--since", "2024-01-01", "http://127.0.0.1:9/");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--since goes with --sitemap");
    }

    @Test
    void nothingToFetchIsAUsageError() {
        Cli.Result r = cli.run("fetch");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("arca: nothing to fetch");
    }

    @Test
    void skipsStoredUrlsByTheirNormalForm() throws Exception {
        pages("/story");
        Cli.Result first = cli.run("fetch", "--json", server.url("/story?utm_source=a"));
        String id = json(first).get(0).get("id").asText();
        String variant = server.url("/story").replace("http://", "HTTP://") + "?fbclid=x#comments";

        Cli.Result again = cli.run("fetch", "--json", variant);

        assertThat(again.status()).as(again.err()).isZero();
        JsonNode line = json(again).get(0);
        assertThat(line.get("status").asText()).isEqualTo("skipped");
        assertThat(line.get("url").asText()).isEqualTo(variant);
        assertThat(line.get("id").asText()).isEqualTo(id);
        assertThat(Path.of(line.get("bundle").asText())).exists();
        assertThat(pageRequests("/story")).isEqualTo(1);
        assertThat(cli.bundles()).hasSize(1);
    }

    @Test
    void fetchesADuplicateInputOnce() {
        pages("/story");

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", server.url("/story"), server.url("/story#top"),
                server.url("/story?utm_medium=x"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(statuses(r)).containsExactlyInAnyOrder("archived", "skipped", "skipped");
        assertThat(pageRequests("/story")).isEqualTo(1);
    }

    @Test
    void refetchKeepsANewSnapshotOnlyWhenTheArticleChanged() throws Exception {
        AtomicReference<String> body = new AtomicReference<>(article("Budget", "The council passed the budget."));
        server.handle("/budget", exchange -> LoopbackServer.sendHtml(exchange, body.get()));
        String url = server.url("/budget");
        String firstId = json(cli.run("fetch", "--json", url)).get(0).get("id").asText();

        body.set(article("Budget", "The   council passed\nthe budget.").replace("<body>", "<body><!-- ad 7 -->"));
        Cli.Result same = cli.run("fetch", "--json", "--refetch", url);

        assertThat(same.status()).as(same.err()).isZero();
        JsonNode unchanged = json(same).get(0);
        assertThat(unchanged.get("status").asText()).isEqualTo("unchanged");
        assertThat(unchanged.get("id").asText()).isEqualTo(firstId);
        assertThat(cli.bundles()).hasSize(1);

        body.set(article("Budget", "The council passed the budget after a late amendment."));
        Cli.Result changed = cli.run("fetch", "--json", "--refetch", url);

        JsonNode archived = json(changed).get(0);
        assertThat(archived.get("status").asText()).isEqualTo("archived");
        assertThat(archived.get("id").asText()).isNotEqualTo(firstId);
        assertThat(cli.bundles()).hasSize(2);
        assertThat(pageRequests("/budget")).isEqualTo(3);
        assertThat(info(archived).normalizedUrl()).isEqualTo(url);
    }

    @Test
    void waitsTheDelayBetweenTwoRequestsToOneHost() {
        pages("/1", "/2", "/3");

        Cli.Result r = cli.run("fetch", "--jobs", "4", "--delay", "0.5", server.url("/1"), server.url("/2"), server.url("/3"));

        assertThat(r.status()).as(r.err()).isZero();
        List<Long> times = server.requests().stream().map(LoopbackServer.Seen::nanoTime).sorted().toList();
        assertThat(times).hasSize(3);
        for (int i = 1; i < times.size(); i++) {
            assertThat((times.get(i) - times.get(i - 1)) / 1_000_000).as("gap %d in ms", i).isGreaterThanOrEqualTo(500);
        }
    }

    @Test
    void neverSendsTwoRequestsAtOnceToOneHostButServesHostsInParallel() {
        try (LoopbackServer other = new LoopbackServer("127.0.0.2")) {
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            AtomicInteger bothAtOnce = new AtomicInteger();
            AtomicInteger otherInFlight = new AtomicInteger();
            for (int i = 0; i < 4; i++) {
                server.handle("/p" + i, slowPage(inFlight, most, otherInFlight, bothAtOnce));
                other.handle("/p" + i, slowPage(otherInFlight, new AtomicInteger(), inFlight, bothAtOnce));
            }
            List<String> urls = new java.util.ArrayList<>(List.of("fetch", "--jobs", "4", "--delay", "0"));
            for (int i = 0; i < 4; i++) {
                urls.add(server.url("/p" + i));
                urls.add(other.url("/p" + i));
            }

            Cli.Result r = cli.run(urls.toArray(String[]::new));

            assertThat(r.status()).as(r.err()).isZero();
            assertThat(most.get()).isEqualTo(1);
            assertThat(bothAtOnce.get()).as("the two hosts were served at the same time").isPositive();
        }
    }

    private static com.sun.net.httpserver.HttpHandler slowPage(AtomicInteger mine, AtomicInteger most,
                                                               AtomicInteger theirs, AtomicInteger overlap) {
        return exchange -> {
            most.accumulateAndGet(mine.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
                if (theirs.get() > 0) {
                    overlap.incrementAndGet();
                }
                LoopbackServer.sendHtml(exchange, article("Slow", "A slow page."));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                mine.decrementAndGet();
            }
        };
    }

    @Test
    void honoursRetryAfterInSeconds() {
        retryAfterOnce(() -> "1");

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", server.url("/busy"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(statuses(r)).containsExactly("archived");
        List<Long> times = server.requests().stream().map(LoopbackServer.Seen::nanoTime).toList();
        assertThat(times).hasSize(2);
        assertThat((times.get(1) - times.get(0)) / 1_000_000).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void honoursRetryAfterAsHttpDate() {
        // the date is made when the request arrives, however long the command took to start
        retryAfterOnce(() -> DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2)));

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", server.url("/busy"));

        assertThat(statuses(r)).containsExactly("archived");
        List<Long> times = server.requests().stream().map(LoopbackServer.Seen::nanoTime).toList();
        assertThat(times).hasSize(2);
        // an HTTP-date has whole seconds: two seconds from now is at least one second away
        assertThat((times.get(1) - times.get(0)) / 1_000_000).isGreaterThanOrEqualTo(1000);
    }

    /** A 429 with the Retry-After that {@code retryAfter} makes when the first request arrives, then the page. */
    private void retryAfterOnce(Supplier<String> retryAfter) {
        AtomicInteger calls = new AtomicInteger();
        server.handle("/busy", exchange -> {
            if (calls.getAndIncrement() == 0) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter.get());
                exchange.sendResponseHeaders(429, -1);
                return;
            }
            LoopbackServer.sendHtml(exchange, article("Finally", "Served on the second try."));
        });
    }

    @Test
    void retriesServerErrorsThenGivesUp() {
        server.page("/down", 503, new byte[0]);

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", "--retries", "1", server.url("/down"));

        assertThat(r.status()).isEqualTo(1);
        assertThat(json(r).get(0).get("error").asText()).isEqualTo("HTTP 503 Service Unavailable (gave up after 1 retry)");
        assertThat(pageRequests("/down")).isEqualTo(2);
    }

    @Test
    void doesNotRetryClientErrors() {
        server.page("/gone", 410, new byte[0]);

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", server.url("/gone"));

        assertThat(r.status()).isEqualTo(1);
        assertThat(json(r).get(0).get("error").asText()).isEqualTo("HTTP 410 Gone");
        assertThat(pageRequests("/gone")).isEqualTo(1);
    }

    @Test
    void robotsTxtBlocksUnlessIgnoredAndTheDecisionIsRecorded() throws Exception {
        pages("/private/memo", "/public/news");
        server.page("/robots.txt", 200, "User-agent: arca\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/plain");

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", server.url("/private/memo"), server.url("/public/news"));

        assertThat(r.status()).isEqualTo(1);
        JsonNode blocked = json(r).stream().filter(j -> j.get("url").asText().contains("private")).findFirst().orElseThrow();
        assertThat(blocked.get("status").asText()).isEqualTo("blocked");
        assertThat(blocked.get("error").asText()).isEqualTo("blocked by " + server.url("/robots.txt")
                + " (use --ignore-robots to fetch it anyway)");
        assertThat(r.err()).contains("arca: fetch " + server.url("/private/memo") + ": blocked by")
                .contains("archived 1, unchanged 0, skipped 0, failed 0, blocked 1 in");
        assertThat(pageRequests("/private")).isZero();
        assertThat(pageRequests("/robots.txt")).isEqualTo(1);
        JsonNode allowed = json(r).stream().filter(j -> j.get("url").asText().contains("public")).findFirst().orElseThrow();
        String warcinfo = warcinfo(allowed);
        assertThat(warcinfo).contains("robots: obey").contains("robots-txt: " + server.url("/robots.txt") + " (HTTP 200) allows this URL");

        Cli.Result ignoring = cli.run("fetch", "--json", "--ignore-robots", server.url("/private/memo"));

        assertThat(ignoring.status()).as(ignoring.err()).isZero();
        JsonNode archived = json(ignoring).get(0);
        assertThat(archived.get("status").asText()).isEqualTo("archived");
        assertThat(warcinfo(archived)).contains("robots: ignore");
        assertThat(pageRequests("/robots.txt")).isEqualTo(1);
    }

    @Test
    void jsonHasEveryFieldForEveryStatusAndTheExitStatusFollows() throws Exception {
        pages("/new", "/old");
        cli.run("fetch", server.url("/old"));

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", server.url("/new"), server.url("/old"),
                server.url("/missing"), "ftp://example.invalid/x");

        assertThat(r.status()).isEqualTo(1);
        List<JsonNode> lines = json(r);
        assertThat(lines).hasSize(4);
        for (JsonNode line : lines) {
            assertThat(line.fieldNames()).toIterable()
                    .containsExactly("url", "finalUrl", "status", "id", "title", "bundle", "error", "warnings");
        }
        assertThat(byUrl(lines, "/new").get("status").asText()).isEqualTo("archived");
        assertThat(byUrl(lines, "/new").get("title").asText()).isEqualTo("Story /new");
        assertThat(byUrl(lines, "/old").get("status").asText()).isEqualTo("skipped");
        assertThat(byUrl(lines, "/missing").get("status").asText()).isEqualTo("failed");
        assertThat(byUrl(lines, "/missing").get("error").asText()).isEqualTo("HTTP 404 Not Found");
        assertThat(byUrl(lines, "ftp:").get("error").asText()).contains("unsupported scheme");

        Cli.Result allStored = cli.run("fetch", "--json", server.url("/new"), server.url("/old"));
        assertThat(allStored.status()).isZero();
        assertThat(statuses(allStored)).containsOnly("skipped");
    }

    @Test
    void quietRunPrintsNothingOnStderrUnlessSomethingFails() {
        pages("/a", "/b");

        Cli.Result ok = cli.run("fetch", "--quiet", "--delay", "0", server.url("/a"), server.url("/b"));

        assertThat(ok.status()).isZero();
        assertThat(ok.err()).isEmpty();
        assertThat(ok.lines()).hasSize(2);

        Cli.Result bad = cli.run("-q", "fetch", "--delay", "0", server.url("/a"), server.url("/nope"));

        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("arca: fetch " + server.url("/nope") + ": HTTP 404 Not Found")
                .contains("archived 0, unchanged 0, skipped 1, failed 1 in");
    }

    private static JsonNode byUrl(List<JsonNode> lines, String part) {
        return lines.stream().filter(j -> j.get("url").asText().contains(part)).findFirst().orElseThrow();
    }

    private static List<String> statuses(Cli.Result r) {
        return json(r).stream().map(j -> j.get("status").asText()).toList();
    }

    /** Each stdout line of a --json run, parsed. */
    static List<JsonNode> json(Cli.Result r) {
        ObjectMapper mapper = new ObjectMapper();
        return r.lines().stream().map(line -> {
            try {
                return mapper.readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
    }

    private static CaptureInfo info(JsonNode outcome) throws Exception {
        try (BundleReader reader = BundleReader.open(Path.of(outcome.get("bundle").asText()))) {
            return reader.info();
        }
    }

    private static String warcinfo(JsonNode outcome) throws Exception {
        WarcContents.Rec rec = WarcContents.ofType(Path.of(outcome.get("bundle").asText()), "warcinfo").get(0);
        return new String(rec.payload(), StandardCharsets.UTF_8);
    }
}
