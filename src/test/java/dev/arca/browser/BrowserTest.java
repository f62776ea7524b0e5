package dev.arca.browser;

import dev.arca.fetch.Cookie;
import dev.arca.fetch.Exchange;
import dev.arca.fetch.Header;
import dev.arca.fetch.Requisite;
import dev.arca.fetch.Resource;
import dev.arca.testing.LoopbackServer;

import static dev.arca.testing.BrowserPages.APP;
import static dev.arca.testing.BrowserPages.PNG;
import static dev.arca.testing.BrowserPages.STORY;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The browser capture against loopback fixtures, all in one shared Chromium: skipped without
 * Chromium, unless {@code ARCA_REQUIRE_CHROMIUM=1} (as {@code .ci/run} sets) says it must be there.
 */
class BrowserTest {

    static LoopbackServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        Path chromium = Chromiums.required();
        server = new LoopbackServer();
        server.html("/app", APP)
                .page("/api/story.json", 200, STORY.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json")
                .redirect("/old-app", 301, "/app")
                .html("/lazy", lazyPage())
                .page("/img/lazy.png", 200, PNG, "Content-Type", "image/png")
                .handle("/members", exchange -> LoopbackServer.sendHtml(exchange,
                        String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")).contains("session=letmein")
                                && "yes".equals(exchange.getRequestHeaders().getFirst("X-Test"))
                                ? "<html><body><p>The members' story</p></body></html>"
                                : "<html><body><p>Please log in</p></body></html>"))
                .html("/hang", "<html><body><p>Waiting</p><img src=\"/never.png\"></body></html>")
                .handle("/never.png", exchange -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .html("/crash", "<html><body><script>let a = []; while (true) { a.push(new Array(1e6).fill(1.5)); }</script></body></html>");
        browser = new Browser(chromium, 2);
    }

    private static String lazyPage() {
        StringBuilder html = new StringBuilder("<!doctype html><html><body><h1>Pictures</h1><div style=\"height:5000px\"></div>");
        html.append("<img id=\"late\" data-src=\"/img/lazy.png\" width=\"10\" height=\"10\">");
        html.append("<script>new IntersectionObserver((es, o) => es.forEach(e => { if (e.isIntersecting) {"
                + " e.target.src = e.target.dataset.src; o.disconnect(); } })).observe(document.getElementById('late'));</script>");
        return html.append("</body></html>").toString();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static BrowserOptions options() {
        return BrowserOptions.defaults("arca-test").withPageTime(Duration.ofSeconds(10));
    }

    @Test
    void recordsTheArticleASinglePageAppFetchesAsJsonAndKeepsTheRedirect() throws Exception {
        BrowserCapture page = browser.capture(URI.create(server.url("/old-app")), options());

        String dom = new String(page.capture().body(), StandardCharsets.UTF_8);
        assertThat(dom).contains("<h1>The harbour reopens</h1>").doesNotContain("Loading…");
        assertThat(page.capture().url().getPath()).isEqualTo("/app");
        assertThat(page.capture().exchanges()).extracting(Exchange::status).containsExactly(301, 200);
        assertThat(page.capture().requisites()).anySatisfy(requisite -> {
            assertThat(requisite.requisite().kind()).isEqualTo(Requisite.Kind.OTHER);
            Exchange e = requisite.response();
            assertThat(e.uri().getPath()).isEqualTo("/api/story.json");
            assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo(STORY);
            assertThat(e.responseHeader("Content-Type")).hasValue("application/json");
            assertThat(e.requestHeaders()).extracting(Header::name).contains("User-Agent");
        });
        assertThat(page.recording().resources()).extracting(r -> r.target().toString())
                .containsExactly("urn:dom:" + server.url("/app"), "urn:view:" + server.url("/app"));
        Resource view = page.recording().resources().get(1);
        assertThat(view.body()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void scrollsSoThatImagesLoadedOnScrollAreRecorded() throws Exception {
        BrowserCapture page = browser.capture(URI.create(server.url("/lazy")), options());

        assertThat(page.capture().requisites()).anySatisfy(requisite -> {
            assertThat(requisite.requisite().kind()).isEqualTo(Requisite.Kind.IMAGE);
            assertThat(requisite.response().uri().getPath()).isEqualTo("/img/lazy.png");
            assertThat(requisite.response().body()).isEqualTo(PNG);
        });
    }

    @Test
    void sendsCookiesFromACookiesFileAndExtraHeaders(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("cookies.txt"), "# Netscape HTTP Cookie File\n"
                + "127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tletmein\n");
        List<Cookie> cookies = Cookie.read(file);
        BrowserOptions options = options().withRequestHeaders(List.of(new Header("X-Test", "yes")), cookies);

        BrowserCapture page = browser.capture(URI.create(server.url("/members")), options);

        assertThat(new String(page.capture().body(), StandardCharsets.UTF_8)).contains("The members' story");
    }

    @Test
    void aPageThatNeverFinishesLoadingFailsWithinThePageTime() {
        long start = System.nanoTime();
        BrowserOptions quick = options().withPageTime(Duration.ofSeconds(3));

        assertThatThrownBy(() -> browser.capture(URI.create(server.url("/hang")), quick))
                .isInstanceOf(IOException.class).hasMessage("the page did not finish loading within 3 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aPageThatCrashesTheRendererFailsAndTheNextPageIsCaptured() throws Exception {
        // time enough to fill 512 MiB of heap on a loaded machine; the crash ends the wait
        BrowserOptions patient = options().withPageTime(Duration.ofSeconds(90));
        assertThatThrownBy(() -> browser.capture(URI.create(server.url("/crash")), patient))
                .isInstanceOf(IOException.class).hasMessageContaining("crashed");

        BrowserCapture next = browser.capture(URI.create(server.url("/app")), options());
        assertThat(new String(next.capture().body(), StandardCharsets.UTF_8)).contains("The harbour reopens");
    }
}
