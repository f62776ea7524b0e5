package dev.arca.fetch;

import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FetcherTest {

    private final LoopbackServer server = new LoopbackServer();
    private final List<AutoCloseable> extra = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        server.close();
        for (AutoCloseable c : extra) {
            c.close();
        }
    }

    private static Fetcher fetcher(Duration timeout, long maxSize, int maxRedirects) {
        return new Fetcher(new FetchOptions("arca-test", timeout, maxSize, maxRedirects, false));
    }

    private static Fetcher defaults() {
        return new Fetcher(FetchOptions.defaults("arca-test"));
    }

    @Test
    void followsRelativeLocation() throws Exception {
        server.redirect("/a/start", 302, "../b/end").html("/b/end", "<p>end</p>");

        Capture capture = defaults().fetch(URI.create(server.url("/a/start")));

        assertThat(capture.url().toString()).isEqualTo(server.url("/b/end"));
        assertThat(capture.exchanges()).hasSize(2);
        assertThat(capture.exchanges().get(0).status()).isEqualTo(302);
    }

    @Test
    void detectsRedirectLoop() {
        server.redirect("/ping", 302, "/pong").redirect("/pong", 302, "/ping");

        assertThatThrownBy(() -> defaults().fetch(URI.create(server.url("/ping"))))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("redirect loop")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.REDIRECTS);
    }

    @Test
    void stopsAfterMaxRedirects() {
        for (int i = 0; i < 11; i++) {
            server.redirect("/r" + i, 301, "/r" + (i + 1));
        }
        server.html("/r11", "<p>too far</p>");

        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(10), 1 << 20, 10).fetch(URI.create(server.url("/r0"))))
                .hasMessage("more than 10 redirects")
                .extracting(e -> ((FetchException) e).setting().orElseThrow()).isEqualTo(FetchException.Setting.MAX_REDIRECTS);
    }

    @Test
    void followsAPageThatIsOnlyAMetaRefreshAsAHop() throws Exception {
        server.redirect("/moved", 301, "/notice")
                .html("/notice", "<meta http-equiv=\"refresh\" content=\"0; URL='/story'\"><p>Moved.</p>")
                .html("/story", "<title>Story</title><p>The story.</p>");

        Capture capture = defaults().fetch(URI.create(server.url("/moved")));

        assertThat(capture.url().toString()).isEqualTo(server.url("/story"));
        assertThat(capture.exchanges()).extracting(Exchange::status).containsExactly(301, 200, 200);
        assertThat(capture.exchanges()).extracting(e -> e.uri().toString())
                .containsExactly(server.url("/moved"), server.url("/notice"), server.url("/story"));
        assertThat(new String(capture.body(), StandardCharsets.UTF_8)).contains("The story.");
    }

    @Test
    void metaRefreshesCountAsRedirectsAndLoopsAreCaught() {
        server.html("/m0", "<meta http-equiv=refresh content=\"0;url=/m1\">")
                .html("/m1", "<meta http-equiv=refresh content=\"0;url=/m2\">")
                .html("/m2", "<meta http-equiv=refresh content=\"0;url=/m0\">");

        assertThatThrownBy(() -> defaults().fetch(URI.create(server.url("/m0"))))
                .hasMessage("redirect loop at " + server.url("/m0"));
        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(10), 1 << 20, 1).fetch(URI.create(server.url("/m0"))))
                .hasMessage("more than 1 redirects");
    }

    @Test
    void anArticleThatReloadsItselfIsFetchedOnce() throws Exception {
        server.html("/live", "<meta http-equiv=\"refresh\" content=\"300\"><title>Live</title><p>Updates.</p>");

        Capture capture = defaults().fetch(URI.create(server.url("/live")));

        assertThat(capture.exchanges()).hasSize(1);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void refusesRedirectToUnsupportedScheme() {
        server.redirect("/ftp", 302, "ftp://files.example/x");

        assertThatThrownBy(() -> defaults().fetch(URI.create(server.url("/ftp"))))
                .hasMessageContaining("unsupported scheme \"ftp:\"")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.BAD_URL);
    }

    @Test
    void refusesDeclaredBodyOverMaxSize() {
        server.page("/big", 200, new byte[5000], "Content-Type", "text/html");

        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(10), 1000, 10).fetch(URI.create(server.url("/big"))))
                .hasMessageContaining("more than the size limit (1000 B)")
                .extracting(e -> ((FetchException) e).reason(), e -> ((FetchException) e).setting().orElseThrow())
                .containsExactly(FetchException.Reason.TOO_LARGE, FetchException.Setting.MAX_SIZE);
    }

    @Test
    void stopsChunkedBodyAtMaxSize() {
        server.chunked("/big", new byte[50_000], "Content-Type", "text/html");

        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(10), 1000, 10).fetch(URI.create(server.url("/big"))))
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.TOO_LARGE);
    }

    @Test
    void timesOutOnSlowDripWithinTotalTimeout() {
        server.handle("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(1), 1 << 20, 10).fetch(URI.create(server.url("/drip"))))
                .hasMessage("timed out after 1 s")
                .extracting(e -> ((FetchException) e).setting().orElseThrow()).isEqualTo(FetchException.Setting.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void timesOutWhenServerNeverAnswers() throws Exception {
        ServerSocket silent = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress());
        extra.add(silent);
        List<Socket> held = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(silent.accept());
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();

        assertThatThrownBy(() -> fetcher(Duration.ofMillis(800), 1 << 20, 10)
                .fetch(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/")))
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.TIMEOUT);
    }

    @Test
    void reportsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int closedPort = port;

        assertThatThrownBy(() -> defaults().fetch(URI.create("http://127.0.0.1:" + closedPort + "/")))
                .hasMessage("cannot connect to 127.0.0.1:" + closedPort + ": connection refused")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.CONNECT);
    }

    @Test
    void reportsUnknownHost() {
        assertThatThrownBy(() -> defaults().fetch(URI.create("http://no-such-host.invalid/")))
                .hasMessage("cannot resolve host no-such-host.invalid")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.DNS);
    }

    @Test
    void reportsConnectionClosedMidBody() {
        server.handle("/cut", exchange -> {
            exchange.sendResponseHeaders(200, 10_000);
            exchange.getResponseBody().write("only a little".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            throw new IOException("server hangs up");
        });

        assertThatThrownBy(() -> fetcher(Duration.ofSeconds(5), 1 << 20, 10).fetch(URI.create(server.url("/cut"))))
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.PROTOCOL);
    }

    @Test
    void recordsHeadersAndIpOfEachExchange() throws Exception {
        server.page("/p", 200, "<p>hi</p>".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/html", "X-Test", "yes");

        Capture capture = defaults().fetch(URI.create(server.url("/p")));

        Exchange hop = capture.finalExchange();
        assertThat(hop.ipAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(hop.protocol()).isEqualTo("HTTP/1.1");
        assertThat(hop.responseHeader("x-test")).contains("yes");
        assertThat(hop.requestHeaders()).extracting(Header::name)
                .containsExactly("Host", "User-Agent", "Accept", "Accept-Language", "Accept-Encoding");
        assertThat(capture.mediaType()).isEqualTo("text/html");
        assertThat(capture.isHtml()).isTrue();
    }
}
