package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.bundle.BundleReader;
import dev.arca.extract.Article;
import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackCliTest;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.WarcContents;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FetchCommandTest extends LoopbackCliTest {

    @Test
    void archivesPlainPageAndPrintsIdTitleUrl() throws Exception {
        server.html("/story.html", Fixtures.text("story.html"));
        String url = server.url("/story.html");

        Cli.Result r = cli.run("fetch", url);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        String[] cols = r.lines().get(0).split("\t");
        assertThat(cols).hasSize(3);
        assertThat(cols[0]).matches("[0-9a-z]{11}");
        assertThat(cols[2]).isEqualTo(url);
        Path bundle = onlyBundle();
        assertThat(bundle.toString()).endsWith(cols[0] + ".wacz");
        assertThat(bundle.getParent().getParent().getParent()).isEqualTo(cli.store());
        Article article = article(bundle);
        assertThat(article.url()).isEqualTo(url);
        assertThat(article.mediaType()).isEqualTo("text/html");
        assertThat(article.text()).contains("The harbour bridge reopened to traffic on Thursday morning");
        assertThat(original(bundle)).isEqualTo(Fixtures.bytes("story.html"));
    }

    @Test
    void sendsExtraHeadersAndTheCookiesOfACookiesFile() throws Exception {
        server.html("/story.html", Fixtures.text("story.html"));
        Path cookies = java.nio.file.Files.writeString(home.resolve("cookies.txt"),
                "# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tletmein\n"
                        + "other.example\tFALSE\t/\tFALSE\t0\tnot\tsent\n");

        Cli.Result r = cli.run("fetch", "--header", "X-Reader: arca", "--cookies", cookies.toString(), server.url("/story.html"));

        assertThat(r.status()).as(r.err()).isZero();
        LoopbackServer.Seen seen = server.requests().get(server.requests().size() - 1);
        assertThat(seen.headers().get("X-reader")).containsExactly("arca");
        assertThat(seen.headers().get("Cookie")).containsExactly("session=letmein");
        // the WARC's request record is the request as written to the wire, these fields included
        String request = new String(WarcContents.ofType(onlyBundle(), "request").get(0).block(), StandardCharsets.ISO_8859_1);
        assertThat(request).contains("\r\nX-Reader: arca\r\n", "\r\nCookie: session=letmein\r\n");
    }

    @Test
    void aHeaderWithoutANameOrACookiesFileThatIsNoneIsAUsageError() throws Exception {
        Path bad = java.nio.file.Files.writeString(home.resolve("cookies.txt"), "session=letmein\n");

        Cli.Result header = cli.run("fetch", "--header", "no colon here", server.url("/story.html"));
        Cli.Result cookies = cli.run("fetch", "--cookies", bad.toString(), server.url("/story.html"));

        assertThat(header.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(header.err()).contains("not a header 'Name: value': no colon here");
        assertThat(cookies.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(cookies.err()).contains(bad + ":1: not a cookies.txt line");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void archivesTheStoryWithItsMetadataAndWithoutTheFurniture() throws Exception {
        server.html("/news/harbour-bridge-reopens", Fixtures.text("story.html"));

        Cli.Result r = cli.run("fetch", server.url("/news/harbour-bridge-reopens"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("\tHarbour bridge reopens after two-year repair\t");
        Article a = article(onlyBundle());
        assertThat(a.title()).isEqualTo("Harbour bridge reopens after two-year repair");
        assertThat(a.byline()).isEqualTo("Maria Okafor");
        assertThat(a.authors()).containsExactly("Maria Okafor");
        assertThat(a.published()).startsWith("2024-03-14T08:30:00");
        assertThat(a.modified()).startsWith("2024-03-14T11:05:00");
        assertThat(a.siteName()).isEqualTo("The Coastal Courier");
        assertThat(a.language()).isEqualTo("en-GB");
        assertThat(a.description()).isEqualTo("Engineers finished the work three weeks ahead of schedule.");
        assertThat(a.canonicalUrl()).isEqualTo("https://courier.example/news/harbour-bridge-reopens");
        assertThat(a.leadImage()).isEqualTo(server.url("/media/bridge.jpg"));
        assertThat(a.sourceUrl()).isEqualTo("https://wire.example/stories/bridge");
        assertThat(a.text()).contains(
                "Engineers finished the work three weeks ahead of schedule.",
                "The harbour bridge reopened to traffic on Thursday morning",
                "Crowds gathered on both banks",
                "It is a relief for everyone who commutes across the water",
                "The repairs cost £48 million",
                "Cyclists will have a separate lane");
        assertThat(a.text()).doesNotContain("cookies", "Sport", "Share on", "Related Articles", "Ferry timetable",
                "morning briefing", "newsletter", "Finally! I have been driving", "Leave a Reply",
                "Your email address will not be published", "Most read", "Back to top", "All rights reserved",
                "previously worked at a national broadcaster", "Harbour bridge reopens after two-year repair");
        assertThat(a.html()).contains("<img src=\"" + server.url("/media/first-bus.jpg") + "\"")
                .contains("<figcaption>The first bus crossed at 7.04am.</figcaption>")
                .doesNotContain("<script", "<form", "<style", "onclick");
        assertThat(a.confidence()).isGreaterThan(0.5);
    }

    @Test
    void detectsCharsetDeclaredOnlyInMeta() throws Exception {
        server.page("/latin1.html", 200, Fixtures.bytes("latin1.html"), "Content-Type", "text/html");

        Cli.Result r = cli.run("fetch", server.url("/latin1.html"));

        assertThat(r.status()).as(r.err()).isZero();
        Article a = article(onlyBundle());
        assertThat(a.title()).isEqualTo("Le café de la gare ferme ses portes");
        assertThat(a.language()).isEqualTo("fr");
        assertThat(a.text()).contains("Après quarante ans d'activité", "« Je garderai des souvenirs de chaque client »");
        assertThat(original(onlyBundle())).isEqualTo(Fixtures.bytes("latin1.html"));
    }

    @Test
    void recordsEveryHopOfRedirectChain() throws Exception {
        server.redirect("/old", 301, "/middle")
                .redirect("/middle", 302, server.url("/story.html"))
                .html("/story.html", Fixtures.text("story.html"));

        Cli.Result r = cli.run("fetch", "--json", "--requisites", "none", server.url("/old")); // the page's own chain alone

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.lines().get(0));
        assertThat(json.get("status").asText()).isEqualTo("archived");
        assertThat(json.get("url").asText()).isEqualTo(server.url("/old"));
        assertThat(json.get("finalUrl").asText()).isEqualTo(server.url("/story.html"));
        Path bundle = Path.of(json.get("bundle").asText());
        assertThat(bundle).isAbsolute().exists();
        List<WarcContents.Rec> records = WarcContents.read(bundle);
        assertThat(records).extracting(WarcContents.Rec::type).containsExactly(
                "warcinfo", "request", "response", "request", "response", "request", "response", "metadata", "resource");
        List<WarcContents.Rec> responses = records.stream().filter(x -> x.type().equals("response")).toList();
        assertThat(responses).extracting(WarcContents.Rec::status).containsExactly(301, 302, 200);
        assertThat(responses).extracting(WarcContents.Rec::target)
                .containsExactly(server.url("/old"), server.url("/middle"), server.url("/story.html"));
        for (int i = 1; i < 7; i += 2) {
            WarcContents.Rec request = records.get(i);
            WarcContents.Rec response = records.get(i + 1);
            assertThat(request.header("WARC-Date")).isEqualTo(response.header("WARC-Date"));
            assertThat(request.header("WARC-Concurrent-To")).isEqualTo(response.header("WARC-Record-ID"));
            assertThat(response.header("WARC-IP-Address")).isEqualTo("127.0.0.1");
        }
        assertThat(article(bundle).url()).isEqualTo(server.url("/story.html"));
    }

    @Test
    void keepsGzipBodyAsReceivedAndRestoresItDecoded() throws Exception {
        byte[] html = Fixtures.bytes("story.html");
        byte[] gz = LoopbackServer.gzip(html);
        server.page("/gz.html", 200, gz, "Content-Type", "text/html; charset=utf-8", "Content-Encoding", "gzip");

        Cli.Result r = cli.run("fetch", server.url("/gz.html"));

        assertThat(r.status()).as(r.err()).isZero();
        Path bundle = onlyBundle();
        WarcContents.Rec response = WarcContents.ofType(bundle, "response").get(0);
        assertThat(response.payload()).isEqualTo(gz);
        assertThat(response.httpHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(response.httpHeader("Content-Length")).isEqualTo(Integer.toString(gz.length));
        assertThat(original(bundle)).isEqualTo(html);
        assertThat(article(bundle).text()).contains("Cyclists will have a separate lane");
    }

    @Test
    void renamesChunkedFramingAndStoresTrueLength() throws Exception {
        byte[] html = Fixtures.bytes("story.html");
        server.chunked("/chunked.html", html, "Content-Type", "text/html; charset=utf-8");

        Cli.Result r = cli.run("fetch", server.url("/chunked.html"));

        assertThat(r.status()).as(r.err()).isZero();
        Path bundle = onlyBundle();
        WarcContents.Rec response = WarcContents.ofType(bundle, "response").get(0);
        assertThat(response.httpHeader("Transfer-Encoding")).isNull();
        assertThat(response.httpHeader("X-Arca-Orig-Transfer-Encoding")).isEqualTo("chunked");
        assertThat(response.httpHeader("Content-Length")).isEqualTo(Integer.toString(html.length));
        assertThat(response.payload()).isEqualTo(html);
        assertThat(original(bundle)).isEqualTo(html);
    }

    @Test
    void decodesBrotli() throws Exception {
        byte[] br = Fixtures.bytes("story.html.br");
        server.page("/br.html", 200, br, "Content-Type", "text/html; charset=utf-8", "Content-Encoding", "br");

        Cli.Result r = cli.run("fetch", server.url("/br.html"));

        assertThat(r.status()).as(r.err()).isZero();
        Path bundle = onlyBundle();
        assertThat(WarcContents.ofType(bundle, "response").get(0).payload()).isEqualTo(br);
        assertThat(original(bundle)).isEqualTo(Fixtures.bytes("story.html"));
        assertThat(article(bundle).text()).contains("Crowds gathered on both banks");
    }

    @Test
    void archivesPdfWithoutBodyExtraction() throws Exception {
        byte[] pdf = Fixtures.bytes("tiny.pdf");
        server.page("/report.pdf", 200, pdf, "Content-Type", "application/pdf");

        Cli.Result r = cli.run("fetch", server.url("/report.pdf"));

        assertThat(r.status()).as(r.err()).isZero();
        Path bundle = onlyBundle();
        Article article = article(bundle);
        assertThat(article.mediaType()).isEqualTo("application/pdf");
        assertThat(article.text()).isEmpty();
        assertThat(article.html()).isEmpty();
        assertThat(article.title()).isEqualTo("report.pdf");
        assertThat(original(bundle)).isEqualTo(pdf);
    }

    @Test
    void failsOnHttpErrorWithOneLineAndNoBundle() throws Exception {
        server.page("/gone", 404, "not here".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");

        Cli.Result r = cli.run("fetch", server.url("/gone"));

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("-\t\t" + server.url("/gone") + "\tfailed: HTTP 404 Not Found\n");
        assertThat(r.err()).isEqualTo("arca: fetch " + server.url("/gone") + ": HTTP 404 Not Found\n");
        assertThat(bundles()).isEmpty();
    }

    @Test
    void archivesTheGoodUrlsWhenOneFails() throws Exception {
        server.html("/story.html", Fixtures.text("story.html"));

        Cli.Result r = cli.run("fetch", "--json", server.url("/missing"), server.url("/story.html"));

        assertThat(r.status()).isEqualTo(1);
        List<JsonNode> lines = r.lines().stream().map(FetchCommandTest::json).toList();
        assertThat(lines).extracting(j -> j.get("status").asText()).containsExactly("failed", "archived");
        assertThat(lines.get(0).get("error").asText()).isEqualTo("HTTP 404 Not Found");
        assertThat(lines.get(0).get("id").isNull()).isTrue();
        assertThat(lines.get(1).get("id").asText()).matches("[0-9a-z]{11}");
        assertThat(bundles()).hasSize(1);
    }

    @Test
    void archivesSavedFileUnderItsOriginalUrl() throws Exception {
        Path saved = home.resolve("saved.html");
        Files.write(saved, Fixtures.bytes("story.html"));

        Cli.Result r = cli.run("fetch", saved.toString(), "--url", "https://courier.example/news/bridge");

        assertThat(r.status()).as(r.err()).isZero();
        Path bundle = onlyBundle();
        assertThat(article(bundle).url()).isEqualTo("https://courier.example/news/bridge");
        List<WarcContents.Rec> records = WarcContents.read(bundle);
        assertThat(records).extracting(WarcContents.Rec::type)
                .containsExactly("warcinfo", "resource", "metadata", "resource");
        assertThat(records.get(1).target()).isEqualTo("https://courier.example/news/bridge");
        assertThat(original(bundle)).isEqualTo(Fixtures.bytes("story.html"));
    }

    @Test
    void refusesUnsupportedSchemesAsFailures() {
        Cli.Result r = cli.run("fetch", "ftp://example.invalid/file", "javascript:alert(1)");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("unsupported scheme \"ftp:\"").contains("unsupported scheme \"javascript:\"");
    }

    @Test
    void rejectsUnknownOptionAsUsageError() {
        Cli.Result r = cli.run("fetch", "--no-such-option", "http://127.0.0.1/");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("arca: unknown option '--no-such-option'");
    }

    @Test
    void sendsArcaUserAgentAndAcceptEncoding() {
        server.html("/story.html", Fixtures.text("story.html"));

        cli.run("fetch", server.url("/story.html"));

        LoopbackServer.Seen seen = server.requests().get(0);
        assertThat(seen.headers().get("User-agent").get(0)).startsWith("arca/").contains("(+http");
        assertThat(seen.headers().get("Accept-encoding").get(0)).isEqualTo("gzip, deflate, br");
    }

    private Path onlyBundle() throws Exception {
        List<Path> all = bundles();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<Path> bundles() throws Exception {
        if (!Files.exists(cli.store())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cli.store())) {
            return files.filter(p -> p.toString().endsWith(".wacz")).toList();
        }
    }

    private static Article article(Path bundle) throws Exception {
        try (BundleReader reader = BundleReader.open(bundle)) {
            return reader.article();
        }
    }

    private static byte[] original(Path bundle) throws Exception {
        try (BundleReader reader = BundleReader.open(bundle)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            reader.copyOriginal(out);
            return out.toByteArray();
        }
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
