package dev.arca.cli;

import dev.arca.extract.Article;
import dev.arca.testing.Bundles;
import dev.arca.testing.Chromium;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code restore --as html} opened in headless Chromium (Debian's {@code chromium}): whatever the
 * article's HTML holds, the page runs no script and fetches nothing. Every URL in the hostile
 * content points at a loopback server that counts requests; a control page without arca's
 * sanitising shows that the browser would have fetched and run them. Skipped without Chromium.
 */
class RestoredHtmlInBrowserTest {

    private static final String PWNED = "pwned";

    @TempDir
    Path home;

    private LoopbackServer server;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(chromium() != null, "chromium is not installed (apt-get install chromium)");
    }

    @BeforeEach
    void start() {
        server = new LoopbackServer();
        for (String path : List.of("/img", "/script.js", "/frame", "/css-bg", "/import.css", "/css-body", "/link.css",
                "/prefetch", "/object", "/embed", "/video", "/poster", "/audio", "/svg-image", "/refresh", "/srcset",
                "/source", "/form", "/lead", "/base/x", "/font", "/dns", "/ping")) {
            server.page(path, 200, "x".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String hostile() {
        String at = "http://127.0.0.1:" + server.port();
        return """
                <p id="story">The story survives.</p>
                <img src="AT/img" onerror="document.title='pwned-onerror'">
                <script>document.title='pwned-script'; document.body.append('pwned-script')</script>
                <script src="AT/script.js"></script>
                <iframe src="AT/frame"></iframe>
                <div style="background:url(AT/css-bg)">styled</div>
                <style>@import url(AT/import.css); body{background:url(AT/css-body)} @font-face{font-family:x;src:url(AT/font)}</style>
                <link rel="stylesheet" href="AT/link.css"><link rel="prefetch" href="AT/prefetch"><link rel="dns-prefetch" href="AT/dns">
                <object data="AT/object"></object><embed src="AT/embed">
                <video src="AT/video" poster="AT/poster" autoplay></video><audio src="AT/audio" autoplay></audio>
                <svg><image href="AT/svg-image"/><script>document.title='pwned-svg'</script></svg>
                <math><mtext><table><mglyph><style><img src=x onerror="document.title='pwned-mxss'">
                <a href="javascript:document.title='pwned-link'" ping="AT/ping">click</a>
                <meta http-equiv="refresh" content="0;url=AT/refresh"><base href="AT/base/">
                <img srcset="AT/srcset 1x"><picture><source srcset="AT/source"></picture>
                <form action="AT/form"><input autofocus onfocus="document.title='pwned-focus'"></form>
                <details open ontoggle="document.title='pwned-toggle'">toggle</details>
                <body onload="document.title='pwned-onload'">
                """.replace("AT", at);
    }

    @Test
    void restoredPageRunsNoScriptAndFetchesNothing() throws Exception {
        String url = "http://127.0.0.1:" + server.port() + "/news/story";
        Article article = new Article("javascript:document.title='pwned-source'", null,
                "Headline <script>document.title='pwned-title'</script>", "Ann <img src=x onerror=alert(1)>",
                List.of(), null, null, null, "en\"><script>document.title='pwned-lang'</script>", null,
                url.replace("/news/story", "/lead"), List.of(), null, "text/html", 0.9, 3, "The story survives.", hostile());
        Path bundle = Bundles.write(home.resolve("store/2024/03/1n000000aaa.wacz"), Bundles.capture(url,
                "<p>x</p>".getBytes(StandardCharsets.UTF_8)), article);
        assertThat(bundle).exists();
        Path page = home.resolve("restored.html");
        Cli.Result restore = new Cli(home).run("restore", "1n000000aaa", "--as", "html", "-o", page.toString());
        assertThat(restore.status()).as(restore.err()).isZero();

        String dom = dumpDom(page);

        assertThat(server.requests()).as("requests the page made").isEmpty();
        assertThat(dom).contains("The story survives.")
                .contains("<title>Headline &lt;script&gt;document.title='pwned-title'&lt;/script&gt;</title>")
                .contains("<html><head>")
                .doesNotContain("<script").doesNotContain(PWNED + "-script").doesNotContain(PWNED + "-lang")
                .doesNotContainPattern("<[a-z]+[^<>]* on[a-z]+=").doesNotContainPattern(" src=\"http");
    }

    @Test
    void controlPageWithoutArcaDoesRunAndFetch() throws Exception {
        Path page = Files.writeString(home.resolve("raw.html"), "<!DOCTYPE html><html><head><title>raw</title></head><body>"
                + hostile() + "</body></html>");

        String dom = dumpDom(page);

        assertThat(server.requests()).as("the harness sees fetches").isNotEmpty();
        assertThat(dom).contains(PWNED + "-script");
    }

    private String dumpDom(Path page) throws IOException, InterruptedException {
        return Chromium.dumpDom(page, home);
    }

    private static String chromium() {
        return Chromium.find().orElse(null);
    }
}
