package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackServer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import static dev.arca.cli.BatchFetchTest.article;
import static dev.arca.cli.BatchFetchTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code arca fetch --sitemap} and {@code --feed}: where URLs come from, and the bounds on them, through the real CLI. */
class LinkSourcesTest {

    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @TempDir
    Path home;

    @AutoClose
    private final LoopbackServer server = new LoopbackServer();
    private Cli cli;

    @BeforeEach
    void start() {
        cli = new Cli(home);
        // every page below /p/ is a small article named after its path
        server.handle("/p/", exchange -> LoopbackServer.sendHtml(exchange,
                article("Story " + exchange.getRequestURI().getPath(), "The text of the story in full.")), true);
    }

    private static String urlset(List<String> urls) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns=\"" + SITEMAP_NS + "\">");
        urls.forEach(u -> xml.append("<url><loc>").append(u).append("</loc></url>"));
        return xml.append("</urlset>").toString();
    }

    private void xml(String path, String body, String contentType) {
        server.page(path, 200, body.getBytes(StandardCharsets.UTF_8), "Content-Type", contentType);
    }

    private long requestsUnder(String prefix) {
        return server.requests().stream().filter(r -> r.path().startsWith(prefix)).count();
    }

    private static List<JsonNode> failed(Cli.Result r) {
        return json(r).stream().filter(j -> j.get("status").asText().equals("failed")).toList();
    }

    // ---- sitemaps ----------------------------------------------------------------------------

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anIndexFanningOutAThousandWaysStopsAtMaxSitemapsWithOneLine() {
        // every sitemap below /fan/ is an index of 1,000 more: the depth limit alone allows 10^9
        server.handle("/fan/", exchange -> {
            String self = exchange.getRequestURI().getPath().replace(".xml", "");
            StringBuilder index = new StringBuilder("<?xml version=\"1.0\"?><sitemapindex xmlns=\"" + SITEMAP_NS + "\">");
            for (int i = 0; i < 1000; i++) {
                index.append("<sitemap><loc>").append(server.url(self + "-" + i + ".xml")).append("</loc></sitemap>");
            }
            byte[] body = index.append("</sitemapindex>").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }, true);

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", "--max-sitemaps", "20", "--sitemap", server.url("/fan/index.xml"));

        assertThat(r.status()).isEqualTo(1);
        assertThat(requestsUnder("/fan/")).isEqualTo(20);
        assertThat(json(r)).singleElement().satisfies(line -> {
            assertThat(line.get("url").asText()).isEqualTo(server.url("/fan/index.xml"));
            assertThat(line.get("status").asText()).isEqualTo("failed");
            assertThat(line.get("error").asText())
                    .isEqualTo("sitemap: stopped at --max-sitemaps (20 sitemaps read); 19981 more not read");
        });
        assertThat(r.err()).contains("arca: fetch " + server.url("/fan/index.xml")
                + ": sitemap: stopped at --max-sitemaps (20 sitemaps read)");
    }

    @Test
    void aSitemapWithMoreUrlsThanTheCapGivesTheCapAndOneLine() {
        List<String> pages = IntStream.range(0, 8).mapToObj(i -> server.url("/p/" + i)).toList();
        xml("/big.xml", urlset(pages), "application/xml");

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", "--max-sitemap-urls", "3", "--sitemap", server.url("/big.xml"));

        assertThat(r.status()).isEqualTo(1);
        assertThat(json(r)).filteredOn(j -> j.get("status").asText().equals("archived")).extracting(j -> j.get("url").asText())
                .containsExactlyInAnyOrderElementsOf(pages.subList(0, 3));
        assertThat(failed(r)).singleElement().satisfies(line -> assertThat(line.get("error").asText()).isEqualTo(
                "sitemap: stopped at --max-sitemap-urls (3 URLs taken); 5 more in " + server.url("/big.xml") + " not taken"));
        assertThat(requestsUnder("/p/")).isEqualTo(3);
        assertThat(cli.bundles()).hasSize(3);
        assertThat(r.err()).contains("archived 3, unchanged 0, skipped 0, failed 1");
    }

    @Test
    void sitemapsTooDeepAreOneLine() {
        for (int level = 0; level < 4; level++) {
            String children = "<sitemap><loc>" + server.url("/deep-" + (level + 1) + "a.xml") + "</loc></sitemap>"
                    + "<sitemap><loc>" + server.url("/deep-" + (level + 1) + "b.xml") + "</loc></sitemap>";
            String index = "<?xml version=\"1.0\"?><sitemapindex xmlns=\"" + SITEMAP_NS + "\">" + children + "</sitemapindex>";
            xml("/deep-" + level + "a.xml", index, "application/xml");
            xml("/deep-" + level + "b.xml", urlset(List.of(server.url("/p/level-" + level))), "application/xml");
        }

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", "--sitemap", server.url("/deep-0a.xml"));

        assertThat(r.status()).isEqualTo(1);
        assertThat(failed(r)).singleElement().satisfies(line -> {
            assertThat(line.get("url").asText()).isEqualTo(server.url("/deep-0a.xml"));
            assertThat(line.get("error").asText()).isEqualTo("sitemap: 2 sitemaps more than 3 levels of sitemap indexes deep not read");
        });
    }

    @Test
    void aGzippedSitemapIsReadAndAGzipBombStopsAtMaxSize() {
        byte[] good = LoopbackServer.gzip(urlset(List.of(server.url("/p/gz"))).getBytes(StandardCharsets.UTF_8));
        server.page("/sitemap.xml.gz", 200, good, "Content-Type", "application/x-gzip");
        byte[] bomb = LoopbackServer.gzipPadded("<?xml version=\"1.0\"?><urlset xmlns=\"" + SITEMAP_NS + "\">", 64L << 20,
                "<url><loc>" + server.url("/p/bomb") + "</loc></url></urlset>");
        server.page("/bomb.xml.gz", 200, bomb, "Content-Type", "application/gzip");

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", "--max-size", "1MiB",
                "--sitemap", server.url("/sitemap.xml.gz"), "--sitemap", server.url("/bomb.xml.gz"));

        assertThat(r.status()).isEqualTo(1);
        assertThat(json(r)).filteredOn(j -> j.get("status").asText().equals("archived"))
                .extracting(j -> j.get("url").asText()).containsExactly(server.url("/p/gz"));
        assertThat(failed(r)).singleElement().satisfies(line -> {
            assertThat(line.get("url").asText()).isEqualTo(server.url("/bomb.xml.gz"));
            assertThat(line.get("error").asText()).isEqualTo("sitemap: body expands past --max-size (1 MiB) when decoded from gzip");
        });
        assertThat(requestsUnder("/p/bomb")).isZero();
    }

    @Test
    void sitemapCapsHaveDefaults() {
        assertThat(cli.run("fetch", "--help").out().replaceAll("\\s+", " "))
                .contains("read at most N sitemaps in this run, indexes included; 1 to 100000 (default: 1000)")
                .contains("take at most N page URLs from sitemaps in this run; 1 to 10000000 (default: 100000)");
    }

    // ---- feeds -------------------------------------------------------------------------------

    private static String rss(String... links) {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>News</title><link>https://news.example/</link>"
                + "<description>d</description>");
        for (String link : links) {
            xml.append("<item><title>Item</title><link>").append(link).append("</link></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    @Test
    void anRss091FeedWithItsDoctypeIsArchivedAndTheDtdIsNeverFetched() {
        String feed = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                + "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"" + server.url("/rss-0.91.dtd") + "\">\n"
                + "<rss version=\"0.91\"><channel><title>Old</title><link>" + server.url("/") + "</link><description>d</description>"
                + "<language>en-us</language><item><title>One</title><link>" + server.url("/p/091") + "</link></item></channel></rss>";
        xml("/rss091.xml", feed, "text/xml");
        server.page("/rss-0.91.dtd", 200, "<!ENTITY x \"y\">".getBytes(StandardCharsets.UTF_8));

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", "--feed", server.url("/rss091.xml"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(json(r)).extracting(j -> j.get("url").asText()).containsExactly(server.url("/p/091"));
        assertThat(requestsUnder("/rss-0.91.dtd")).isZero();
    }

    @Test
    void aFeedDeclaringExternalEntitiesLeaksNothing() throws Exception {
        Path secret = Files.writeString(home.resolve("secret.txt"), "hunter2-secret");
        String feed = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">"
                + "<!ENTITY y SYSTEM \"" + server.url("/entity") + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>&x;</title><link>" + server.url("/") + "</link><description>&y;</description>"
                + "<item><title>&x;</title><link>" + server.url("/p/xxe") + "?leak=&x;&y;</link></item></channel></rss>";
        xml("/xxe.xml", feed, "application/rss+xml");

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", "--feed", server.url("/xxe.xml"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out() + r.err()).doesNotContain("hunter2");
        assertThat(server.requests()).extracting(LoopbackServer.Seen::path)
                .noneMatch(p -> p.contains("hunter2") || p.startsWith("/entity"));
        for (Path bundle : cli.bundles()) {
            try (ZipFile zip = ZipFile.builder().setPath(bundle).get()) {
                for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                    byte[] bytes = zip.getInputStream(entry).readAllBytes();
                    byte[] plain = entry.getName().endsWith(".gz")
                            ? new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes() : bytes;
                    assertThat(new String(plain, StandardCharsets.UTF_8)).as(entry.getName()).doesNotContain("hunter2");
                }
            }
        }
        assertThat(cli.bundles()).hasSize(1);
    }

    @Test
    void aFeedFileIsReadFromDiskUnderMaxSize() throws Exception {
        Path feed = Files.writeString(home.resolve("saved feed.xml"),
                rss(server.url("/p/local-1"), server.url("/p/local-2")));
        Path big = Files.writeString(home.resolve("big.xml"), rss(server.url("/p/big")) + " ".repeat(2048));

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", "--max-size", "1KiB", "--feed", feed.toString(),
                "--feed", big.toString(), "--feed", "no/such/feed.xml");

        assertThat(r.status()).isEqualTo(1);
        assertThat(json(r)).filteredOn(j -> j.get("status").asText().equals("archived")).extracting(j -> j.get("url").asText())
                .containsExactlyInAnyOrder(server.url("/p/local-1"), server.url("/p/local-2"));
        assertThat(failed(r)).extracting(j -> j.get("error").asText()).containsExactly(
                "feed: " + big + " is larger than --max-size (1 KiB)",
                "feed: not a URL and no such file: no/such/feed.xml (URLs start with http:// or https://)");
    }

    @Test
    void aJsonFeedIsArchived() {
        String json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Notes\", \"items\": ["
                + "{\"id\": \"1\", \"url\": \"/p/json-1\", \"content_text\": \"one\"},"
                + "{\"id\": \"2\", \"external_url\": \"" + server.url("/p/json-2") + "\", \"content_html\": \"<p>two</p>\"}]}";
        xml("/feed.json", json, "application/feed+json");

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", "--feed", server.url("/feed.json"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(json(r)).extracting(j -> j.get("url").asText())
                .containsExactlyInAnyOrder(server.url("/p/json-1"), server.url("/p/json-2"));
    }

    @Test
    void aPageUrlReadsTheMainFeedThePageLinksToAndSaysWhich() {
        server.html("/blog/post.html", "<!doctype html><html><head><title>Post</title>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Blog\" href=\"../feed.xml\">"
                + "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/atom.xml\">"
                + "</head><body><p>A post.</p></body></html>");
        xml("/feed.xml", rss(server.url("/p/main-1"), server.url("/p/main-2"), server.url("/p/main-1#again")), "application/rss+xml");

        Cli.Result r = cli.run("fetch", "--json", "--delay", "0", "--feed", server.url("/blog/post.html"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(json(r)).extracting(j -> j.get("url").asText())
                .containsExactlyInAnyOrder(server.url("/p/main-1"), server.url("/p/main-2"));
        assertThat(r.err()).startsWith("arca: feed: " + server.url("/blog/post.html") + " is a web page; reading the feed it "
                + "links to first, " + server.url("/feed.xml") + " (RSS); it also links to " + server.url("/atom.xml") + " (Atom)\n");
        assertThat(requestsUnder("/atom.xml")).isZero();
    }

    @Test
    void aPageThatLinksToNoFeedIsOneFailedInput() {
        server.html("/plain.html", "<!doctype html><title>Plain</title><p>No feeds here.</p>");

        Cli.Result r = cli.run("fetch", "--json", "--feed", server.url("/plain.html"));

        assertThat(r.status()).isEqualTo(1);
        assertThat(failed(r)).singleElement().satisfies(line -> assertThat(line.get("error").asText())
                .isEqualTo("feed: " + server.url("/plain.html") + " is a web page that links to no RSS, Atom or JSON feed"));
        assertThat(r.err()).contains("arca: fetch " + server.url("/plain.html") + ": feed: ");
    }
}
