package dev.arca.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SelfContainedPageTest {

    static final byte[] PNG = CapturedImagesTest.PNG;
    static final byte[] GIF = CapturedImagesTest.GIF;
    static final byte[] WOFF2 = "wOF2\u0000\u0001font bytes".getBytes(StandardCharsets.ISO_8859_1);

    static final String PAGE = """
            <!DOCTYPE html><html><head><meta charset="windows-1252"><base href="https://site.example/blog/">
            <link rel="stylesheet" href="/css/main.css" media="screen">
            <link rel="stylesheet" href="missing.css">
            <link rel="alternate stylesheet" href="/css/main.css" title="Other">
            <link rel="preload" href="/fonts/f.woff2" as="font">
            <link rel="icon" href="/favicon.png">
            <style>.hero{background:url(../img/hero.png)}</style>
            <script src="/app.js"></script><script>alert(1)</script>
            <meta http-equiv="refresh" content="0;url=https://evil.example/">
            </head><body onload="start()">
            <h1 style="background-image:url('/img/hero.png')">Caf\u00e9 news</h1>
            <picture><source media="(min-width: 1000px)" srcset="/img/wide.png"><img src="/img/narrow.png" alt="pic"></picture>
            <img data-src="/img/lazy.gif" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="lazy" alt="lazy">
            <noscript><img src="/img/lazy.gif" alt="lazy"></noscript>
            <noscript><p>Please enable JavaScript</p></noscript>
            <img src="/img/uncaptured.png" srcset="/img/uncaptured-2x.png 2x" alt="gone" onerror="retry()">
            <video poster="/img/hero.png"></video>
            <a href="../about" ping="https://track.example/">About</a> <a href="#top">Top</a> <svg><use href="/sprite.svg#logo"/></svg> <a href="javascript:alert(1)">bad</a>
            <iframe src="https://ads.example/"></iframe><object data="/flash.swf"></object>
            </body></html>
            """;

    static final Map<String, CapturedResource> CAPTURED = new HashMap<>();

    static {
        CAPTURED.put("https://site.example/css/main.css", new CapturedResource(("@import url(\"print.css\") print;\n@import 'theme.css';\n"
                + "@font-face{font-family:F;src:url(/fonts/f.woff2) format(\"woff2\")}\n"
                + "body{background:url(../img/bg.gif)}\n.x::after{content:\"</style><script>alert(2)</script>\"}")
                .getBytes(StandardCharsets.UTF_8), "text/css"));
        CAPTURED.put("https://site.example/css/theme.css", new CapturedResource(
                "h1{color:red;background:url(img/theme.png)}".getBytes(StandardCharsets.UTF_8), "text/css; charset=utf-8"));
        CAPTURED.put("https://site.example/fonts/f.woff2", new CapturedResource(WOFF2, "font/woff2"));
        CAPTURED.put("https://site.example/img/hero.png", new CapturedResource(PNG, "image/png"));
        CAPTURED.put("https://site.example/img/wide.png", new CapturedResource(PNG, "image/png"));
        CAPTURED.put("https://site.example/img/lazy.gif", new CapturedResource(GIF, "image/gif"));
        CAPTURED.put("https://site.example/img/bg.gif", new CapturedResource(GIF, "image/gif"));
        CAPTURED.put("https://site.example/favicon.png", new CapturedResource(PNG, "image/png"));
    }

    static final String PNG_DATA = "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG);
    static final String GIF_DATA = "data:image/gif;base64," + Base64.getEncoder().encodeToString(GIF);

    private static Document render() {
        String html = SelfContainedPage.render(PAGE.getBytes(Charset.forName("windows-1252")), "text/html",
                "https://site.example/blog/post.html", CapturedResources.of(CAPTURED));
        assertThat(html).startsWith("<!doctype html>");
        return Jsoup.parse(html);
    }

    @Test
    void stylesheetsAreInlinedWithTheirImportsFontsAndImages() {
        Document page = render();

        assertThat(page.select("link[rel~=stylesheet]")).isEmpty();
        Element main = page.selectFirst("style[media=screen]");
        String css = main.data();
        assertThat(css).contains("@import url(\"https://site.example/css/print.css\") print;")
                .contains("src:url(\"data:font/woff2;base64," + Base64.getEncoder().encodeToString(WOFF2) + "\") format(\"woff2\")")
                .contains("body{background:url(\"" + GIF_DATA + "\")}")
                .contains("<\\/style><script>alert(2)</script>");
        Matcher imported = Pattern.compile("@import \"data:text/css;charset=utf-8;base64,([^\"]+)\";").matcher(css);
        assertThat(imported.find()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(imported.group(1)), StandardCharsets.UTF_8))
                .isEqualTo("h1{color:red;background:url(\"https://site.example/css/img/theme.png\")}");
        assertThat(page.select("style").get(1).data()).isEqualTo(".hero{background:url(\"" + PNG_DATA + "\")}");
        assertThat(page.selectFirst("h1").attr("style")).isEqualTo("background-image:url(\"" + PNG_DATA + "\")");
        assertThat(page.selectFirst("link[rel=icon]").attr("href")).isEqualTo(PNG_DATA);
    }

    @Test
    void imagesAreTheCapturedCandidatesAndTheRestAbsolute() {
        Document page = render();

        assertThat(page.select("picture source")).isEmpty();
        assertThat(page.selectFirst("img[alt=pic]").attr("src")).isEqualTo(PNG_DATA);
        assertThat(page.select("img[alt=lazy]")).hasSize(1).first().returns(GIF_DATA, img -> img.attr("src"));
        Element gone = page.selectFirst("img[alt=gone]");
        assertThat(gone.attr("src")).as("the 1x candidate").isEqualTo("https://site.example/img/uncaptured.png");
        assertThat(gone.hasAttr("srcset")).isFalse();
        assertThat(page.selectFirst("video").attr("poster")).isEqualTo(PNG_DATA);
        assertThat(page.select("noscript")).isEmpty();
        assertThat(page.text()).contains("Please enable JavaScript").contains("Caf\u00e9 news");
    }

    @Test
    void nothingRunsNothingLoadsAndLinksAreAbsolute() {
        Document page = render();

        assertThat(page.select("script, object, embed, base, meta[http-equiv=refresh], link[rel=preload]")).isEmpty();
        assertThat(page.select("*")).allSatisfy(e -> assertThat(e.attributes().asList())
                .noneMatch(a -> a.getKey().startsWith("on") || a.getValue().contains("javascript:")));
        assertThat(page.selectFirst("iframe").hasAttr("src")).isFalse();
        assertThat(page.select("a").eachAttr("href")).containsExactly("https://site.example/about", "#top");
        assertThat(page.select("a[ping]")).isEmpty();
        assertThat(page.selectFirst("use").attr("href")).isEqualTo("https://site.example/sprite.svg#logo");
        assertThat(page.select("head > meta").eachAttr("charset")).containsExactly("utf-8");
        assertThat(page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .isEqualTo(SelfContainedPage.CONTENT_SECURITY_POLICY).startsWith("default-src 'none';");
        assertThat(page.outerHtml()).doesNotContain("windows-1252").doesNotContain("alert(1)");
    }

    @Test
    void aPageWithoutResourcesKeepsAbsoluteUrls() {
        String html = SelfContainedPage.render(PAGE.getBytes(Charset.forName("windows-1252")), null,
                "https://site.example/blog/post.html", CapturedResources.none());

        Document page = Jsoup.parse(html);
        assertThat(page.select("style")).hasSize(1);
        assertThat(page.select("style").first().data()).isEqualTo(".hero{background:url(\"https://site.example/img/hero.png\")}");
        assertThat(page.selectFirst("img[alt=pic]").attr("src")).isEqualTo("https://site.example/img/wide.png");
    }
}
