package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.arca.cli.BatchFetchTest.article;
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

    private static List<JsonNode> json(Cli.Result r) {
        ObjectMapper mapper = new ObjectMapper();
        return r.lines().stream().map(l -> {
            try {
                return mapper.readTree(l);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
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
    void sitemapCapsHaveDefaultsAndBelowOneAreUsageErrors() {
        assertThat(cli.run("fetch", "--help").out().replaceAll("\\s+", " "))
                .contains("read at most N sitemaps in this run, indexes included (default: 1000)")
                .contains("take at most N page URLs from sitemaps in this run (default: 100000)");
        assertThat(cli.run("fetch", "--max-sitemaps", "0", "--sitemap", server.url("/s.xml")).err())
                .contains("--max-sitemaps must be at least 1");
        Cli.Result r = cli.run("fetch", "--max-sitemap-urls", "-1", "--sitemap", server.url("/s.xml"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--max-sitemap-urls must be at least 1");
    }
}
