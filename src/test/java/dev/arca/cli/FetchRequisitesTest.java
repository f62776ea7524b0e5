package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.testing.BundleValidator;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackCliTest;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.WarcContents;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fetch} keeps what a browser needs to display the page: each requisite an exchange of the bundle. */
class FetchRequisitesTest extends LoopbackCliTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
    private static final String ARTICLE = "<p>" + "The harbour bridge reopened to traffic on Thursday morning after "
            + "two years of repairs, and the first cars crossed at dawn. ".repeat(12) + "</p>";

    private static String page(String head, String body) {
        return "<!doctype html><html><head><title>Bridge reopens</title>" + head + "</head><body><article><h1>Bridge reopens</h1>"
                + body + ARTICLE + "</article></body></html>";
    }

    private void image(String path) {
        server.page(path, 200, PNG, "Content-Type", "image/png");
    }

    @Test
    void storesEveryRequisiteAsAnExchangeWithItsOwnIndexLine() throws Exception {
        server.html("/story", page("<link rel=stylesheet href=/css/site.css><link rel=icon href=/icon.png>",
                "<img src=/img/lead.png alt=lead><img data-src=/img/lazy.png src=data:image/gif;base64,R0lGOD alt=lazy>"
                        + "<img srcset='/img/small.png 320w, /img/large.png 1280w' src=/img/small.png sizes=100vw alt=set>"
                        + "<div style='background:url(/img/bg.png)'></div>"));
        server.page("/css/site.css", 200, ("@import 'more.css'; @font-face{font-family:F;src:url(/f/face.woff2) format('woff2')}"
                + " body{font-family:F;background:url(../img/paper.png)}").getBytes(StandardCharsets.UTF_8), "Content-Type", "text/css");
        server.page("/css/more.css", 200, "h1{color:red}".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/css");
        server.page("/f/face.woff2", 200, "wOF2-font".getBytes(StandardCharsets.UTF_8), "Content-Type", "font/woff2");
        for (String img : List.of("/img/lead.png", "/img/lazy.png", "/img/large.png", "/img/bg.png", "/img/paper.png", "/icon.png")) {
            image(img);
        }

        Cli.Result r = cli.run("fetch", "--user-agent", "TestAgent/1", server.url("/story"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        Path bundle = cli.bundles().get(0);
        List<String> responses = WarcContents.ofType(bundle, "response").stream().map(WarcContents.Rec::target).toList();
        assertThat(responses).containsExactlyInAnyOrder(server.url("/story"), server.url("/css/site.css"),
                server.url("/css/more.css"), server.url("/f/face.woff2"), server.url("/img/lead.png"),
                server.url("/img/lazy.png"), server.url("/img/large.png"), server.url("/img/bg.png"),
                server.url("/img/paper.png"), server.url("/icon.png"));
        assertThat(responses.get(0)).isEqualTo(server.url("/story"));
        assertThat(WarcContents.ofType(bundle, "request")).hasSize(responses.size());
        assertThat(cdxj(bundle)).hasSize(responses.size() + 1); // and the Markdown resource
        LoopbackServer.Seen font = seen("/f/face.woff2");
        assertThat(font.headers().get("Referer")).containsExactly(server.url("/css/site.css"));
        assertThat(font.headers().get("Accept").get(0)).contains("font-woff2");
        LoopbackServer.Seen lead = seen("/img/lead.png");
        assertThat(lead.headers().get("Referer")).containsExactly(server.url("/story"));
        assertThat(lead.headers().get("User-agent")).containsExactly("TestAgent/1");
        assertThat(lead.headers().get("Accept").get(0)).startsWith("image/");
        assertThat(seen("/css/site.css").headers().get("Accept").get(0)).startsWith("text/css");
        if (BundleValidator.available()) {
            String report = BundleValidator.validate(bundle, "harbour bridge reopened");
            assertThat(report.strip()).as(report).endsWith("ALL PASS");
        }
    }

    @Test
    void keepsRedirectsAndErrorResponsesAndListsNetworkErrorsInTheMetadata() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        server.html("/story", page("", "<img src=/moved.png alt=moved><img src=/gone.png alt=gone>"
                + "<img src='http://127.0.0.1:" + closed + "/down.png' alt=down>"));
        server.redirect("/moved.png", 301, "/img/here.png");
        image("/img/here.png");
        server.page("/gone.png", 404, "no such image".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");

        Cli.Result r = cli.run("fetch", server.url("/story"));

        assertThat(r.status()).as(r.err()).isZero();
        Path bundle = cli.bundles().get(0);
        List<WarcContents.Rec> responses = WarcContents.ofType(bundle, "response");
        assertThat(responses).anySatisfy(rec -> {
            assertThat(rec.target()).isEqualTo(server.url("/moved.png"));
            assertThat(rec.status()).isEqualTo(301);
        }).anySatisfy(rec -> {
            assertThat(rec.target()).isEqualTo(server.url("/img/here.png"));
            assertThat(rec.status()).isEqualTo(200);
        }).anySatisfy(rec -> {
            assertThat(rec.target()).isEqualTo(server.url("/gone.png"));
            assertThat(rec.status()).isEqualTo(404);
        });
        String metadata = WarcContents.ofType(bundle, "metadata").stream()
                .map(rec -> new String(rec.payload(), StandardCharsets.UTF_8)).filter(m -> m.contains("unreachedRequisites"))
                .findFirst().orElseThrow();
        JsonNode unreached = new ObjectMapper().readTree(metadata).get("unreachedRequisites");
        assertThat(unreached).hasSize(1);
        assertThat(unreached.get(0).get("url").asText()).isEqualTo("http://127.0.0.1:" + closed + "/down.png");
        assertThat(unreached.get(0).get("error").asText()).contains("connection refused");
    }

    @Test
    void theArticleJsonSaysWhichOfItsImagesWereCaptured() throws Exception {
        server.html("/story", page("", "<figure><img src=/img/shown.png alt=shown></figure><p>Between the pictures.</p>"
                + "<figure><img src=/img/missing.png alt=missing></figure>"
                + "<figure><img srcset='/img/set-small.png 320w, /img/set-large.png 1280w' src=/img/set-small.png sizes=100vw alt=set></figure>"));
        image("/img/shown.png");
        server.page("/img/missing.png", 404, "no such image".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");
        image("/img/set-large.png");

        Cli.Result fetched = cli.run("fetch", "--json", server.url("/story"));
        Cli.Result bare = cli.run("fetch", "--json", "--requisites", "none", server.url("/story?bare"));

        assertThat(fetched.status()).as(fetched.err()).isZero();
        assertThat(bare.status()).as(bare.err()).isZero();
        // set-small.png is never asked for: the 1280-pixel window takes set-large.png, which is the image's bytes
        assertThat(captured(bundleOf(fetched))).containsExactly(
                List.of(server.url("/img/shown.png"), "true"), List.of(server.url("/img/missing.png"), "false"),
                List.of(server.url("/img/set-small.png"), "true"));
        assertThat(captured(bundleOf(bare))).extracting(image -> image.get(1)).containsExactly("false", "false", "false");
    }

    private static Path bundleOf(Cli.Result fetch) throws IOException {
        return Path.of(new ObjectMapper().readTree(fetch.lines().get(0)).get("bundle").asText());
    }

    /** Each image of the bundle's article.json: its URL and its {@code captured}. */
    private static List<List<String>> captured(Path bundle) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(bundle).get()) {
            JsonNode article = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("article/article.json")));
            List<List<String>> out = new java.util.ArrayList<>();
            for (JsonNode image : article.get("images")) {
                out.add(List.of(image.get("url").asText(), image.get("captured").asText()));
            }
            return out;
        }
    }

    @Test
    void aPageWithMoreRequisitesThanTheCountIsArchivedWithAWarning() throws Exception {
        server.html("/story", page("<link rel=icon href=/i0.png>", "<img src=/i1.png alt=1><img src=/i2.png alt=2><img src=/i3.png alt=3>"));
        for (int i = 0; i < 4; i++) {
            image("/i" + i + ".png");
        }

        Cli.Result r = cli.run("fetch", "--json", "--requisites-max", "2", server.url("/story"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("requisites: 2 requisites left out: the page has more than the requisite count limit (2)");
        JsonNode outcome = new ObjectMapper().readTree(r.out());
        assertThat(outcome.get("status").asText()).isEqualTo("archived");
        assertThat(outcome.get("warnings").get(0).get("step").asText()).isEqualTo("requisites");
        assertThat(WarcContents.ofType(cli.bundles().get(0), "response")).hasSize(3);
    }

    @Test
    void requisitesPastTheTotalAreLeftOutWithAWarning() throws Exception {
        byte[] big = new byte[6000];
        server.html("/story", page("<link rel=icon href=/a.bin>", "<img src=/b.bin alt=b><img src=/c.bin alt=c>"));
        for (String path : List.of("/a.bin", "/b.bin", "/c.bin")) {
            server.page(path, 200, big, "Content-Type", "image/png");
        }

        Cli.Result r = cli.run("fetch", "--requisites-total", "13000", server.url("/story"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("1 requisites left out: they would pass the total size limit of a capture's requisites");
        assertThat(WarcContents.ofType(cli.bundles().get(0), "response")).hasSize(3);
    }

    @Test
    void aRequisiteLargerThanMaxSizeIsListedAsUnreachedAndThePageKept() throws Exception {
        server.html("/story", page("<link rel=icon href=/small.png>", "<img src=/huge.png alt=huge>"));
        image("/small.png");
        server.page("/huge.png", 200, new byte[200_000], "Content-Type", "image/png");

        Cli.Result r = cli.run("fetch", "--max-size", "100000", server.url("/story"));

        assertThat(r.status()).as(r.err()).isZero();
        Path bundle = cli.bundles().get(0);
        assertThat(WarcContents.ofType(bundle, "response")).extracting(WarcContents.Rec::target)
                .containsExactly(server.url("/story"), server.url("/small.png"));
        assertThat(WarcContents.ofType(bundle, "metadata")).anySatisfy(rec ->
                assertThat(new String(rec.payload(), StandardCharsets.UTF_8)).contains(server.url("/huge.png"), "more than the size limit"));
    }

    @Test
    void requisitesNotFetchedWithinTheTimeAreLeftOutWithAWarning() throws Exception {
        server.html("/story", page("<link rel=icon href=/quick.png>", "<img src=/slow.png alt=slow>"));
        image("/quick.png");
        server.handle("/slow.png", exchange -> {
            sleep(2500);
            exchange.sendResponseHeaders(200, PNG.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PNG);
            }
        });

        Cli.Result r = cli.run("fetch", "--requisites-time", "1", server.url("/story"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("1 requisites left out: past the time limit for requisites (1 s)");
        assertThat(WarcContents.ofType(cli.bundles().get(0), "response")).extracting(WarcContents.Rec::target)
                .containsExactly(server.url("/story"), server.url("/quick.png"));
    }

    @Test
    void opensAtMostSixConnectionsToAHostAtOnce() throws Exception {
        StringBuilder images = new StringBuilder();
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        for (int i = 0; i < 14; i++) {
            images.append("<img src=/slow/").append(i).append(".png alt=").append(i).append('>');
        }
        server.html("/story", page("<link rel=icon href=/slow/icon.png>", images.toString()));
        server.handle("/slow/", exchange -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            sleep(150);
            now.decrementAndGet();
            exchange.sendResponseHeaders(200, PNG.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PNG);
            }
        }, true);

        Cli.Result r = cli.run("fetch", server.url("/story"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(most.get()).isBetween(2, 6);
        assertThat(WarcContents.ofType(cli.bundles().get(0), "response")).hasSize(16);
    }

    @Test
    void requisitesAreFetchedWhereRobotsTxtDisallowsThem() throws Exception {
        server.page("/robots.txt", 200, "User-agent: *\nDisallow: /static/\n".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/plain");
        server.html("/story", page("<link rel=icon href=/static/icon.png>", "<img src=/static/a.png alt=a>"));
        image("/static/icon.png");
        image("/static/a.png");

        Cli.Result r = cli.run("fetch", server.url("/story"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(WarcContents.ofType(cli.bundles().get(0), "response")).extracting(WarcContents.Rec::target)
                .contains(server.url("/static/a.png"), server.url("/static/icon.png"));
    }

    @Test
    void aBatchFetchesASharedStylesheetOnceAndEveryBundleHoldsIt() throws Exception {
        for (String name : List.of("/one", "/two")) {
            server.html(name, page("<link rel=stylesheet href=/style.css><link rel=icon href=/icon.png>", "<img src=" + name + ".png alt=x>"));
            image(name + ".png");
        }
        server.page("/style.css", 200, "body{color:#333}".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/css");
        image("/icon.png");
        Path list = Files.writeString(home.resolve("list.txt"), server.url("/one") + "\n" + server.url("/two") + "\n");

        Cli.Result r = cli.run("fetch", "--delay", "0", "-i", list.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(server.requests().stream().filter(s -> s.path().equals("/style.css"))).hasSize(1);
        assertThat(cli.bundles()).hasSize(2).allSatisfy(bundle -> assertThat(WarcContents.ofType(bundle, "response"))
                .extracting(WarcContents.Rec::target).contains(server.url("/style.css"), server.url("/icon.png")));
    }

    @Test
    void aResourceMarkedNoStoreIsFetchedAgainForEachPage() throws Exception {
        for (String name : List.of("/one", "/two")) {
            server.html(name, page("<link rel=icon href=/icon.png>", "<img src=/counter.png alt=x>"));
        }
        image("/icon.png");
        server.page("/counter.png", 200, PNG, "Content-Type", "image/png", "Cache-Control", "no-store");
        Path list = Files.writeString(home.resolve("list.txt"), server.url("/one") + "\n" + server.url("/two") + "\n");

        Cli.Result r = cli.run("fetch", "--delay", "0", "--jobs", "1", "-i", list.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(server.requests().stream().filter(s -> s.path().equals("/counter.png"))).hasSize(2);
        assertThat(server.requests().stream().filter(s -> s.path().equals("/icon.png"))).hasSize(1);
    }

    @Test
    void noneKeepsThePageAloneAndArticleOnlyTheArticlesImages() throws Exception {
        server.html("/story", page("<link rel=stylesheet href=/style.css>", "<img src=/in-article.png alt=a>"));
        server.page("/style.css", 200, "body{}".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/css");
        image("/in-article.png");

        Cli.Result none = cli.run("fetch", "--requisites", "none", server.url("/story"));
        Cli.Result article = cli.run("fetch", "--refetch", "--requisites", "article", server.url("/story?v=2"));

        assertThat(none.status()).as(none.err()).isZero();
        assertThat(article.status()).as(article.err()).isZero();
        List<Path> bundles = cli.bundles();
        assertThat(bundles).extracting(b -> targets(b).size()).containsExactlyInAnyOrder(1, 2);
        assertThat(bundles.stream().flatMap(b -> targets(b).stream())).doesNotContain(server.url("/style.css"));
    }

    private List<String> targets(Path bundle) {
        try {
            return WarcContents.ofType(bundle, "response").stream().map(WarcContents.Rec::target).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private LoopbackServer.Seen seen(String path) {
        return server.requests().stream().filter(s -> s.path().equals(path)).findFirst().orElseThrow();
    }

    private static List<String> cdxj(Path bundle) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(bundle).get()) {
            return new String(zip.getInputStream(zip.getEntry("indexes/index.cdxj")).readAllBytes(), StandardCharsets.UTF_8)
                    .lines().toList();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
