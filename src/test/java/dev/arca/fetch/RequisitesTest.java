package dev.arca.fetch;

import dev.arca.fetch.Requisite.Kind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class RequisitesTest {

    private static final String PAGE_URL = "https://courier.example/news/harbour-bridge-reopens";
    private static final String A = "https://static.courier.example/assets/";

    static Document fixture(String name, String url) {
        try (InputStream in = RequisitesTest.class.getResourceAsStream("requisites/" + name)) {
            return Jsoup.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void pageLevelListsWhatABrowserLoadsWithoutScriptsInOrder() {
        RequisiteList list = Requisites.ofPage(fixture("courier-story.html", PAGE_URL), RequisiteLevel.PAGE, 100);

        assertThat(list.omitted()).isZero();
        assertThat(list.requisites()).extracting(Requisite::url, Requisite::kind, Requisite::foundIn).containsExactly(
                tuple(A + "css/theme.css?ver=6.4.2", Kind.STYLESHEET, "link rel=stylesheet"),
                tuple(A + "css/print.css", Kind.STYLESHEET, "link rel=stylesheet"),
                tuple("https://static.courier.example/favicon-32.png", Kind.ICON, "link rel=icon"),
                tuple("https://static.courier.example/apple-touch-icon.png", Kind.ICON, "link rel=apple-touch-icon"),
                tuple(A + "css/components.css", Kind.STYLESHEET, "<style> @import"),
                tuple(A + "css/legacy.css", Kind.STYLESHEET, "<style> @import"),
                tuple(A + "fonts/serif.woff2", Kind.FONT, "<style> @font-face src"),
                tuple(A + "img/masthead-bg.jpg", Kind.IMAGE, "<style> url()"),
                tuple(A + "img/hero-1x.jpg", Kind.IMAGE, "<style> url()"),
                tuple(A + "img/header-texture.png", Kind.IMAGE, "style attribute url()"),
                tuple(A + "img/logo.svg", Kind.IMAGE, "img src"),
                tuple(A + "img/bridge-1280.webp", Kind.IMAGE, "picture source srcset"),
                tuple(A + "img/cables-1600.jpg", Kind.IMAGE, "img lazy srcset"),
                tuple(A + "img/cables-800.jpg", Kind.IMAGE, "img src"),
                tuple(A + "img/placeholder.gif", Kind.IMAGE, "img src"),
                tuple(A + "img/crowd.jpg", Kind.IMAGE, "img lazy src"),
                tuple(A + "img/chart.png", Kind.IMAGE, "img srcset"),
                tuple(A + "img/gallery-1.jpg", Kind.IMAGE, "lazy background"),
                tuple(A + "img/gallery-2.jpg", Kind.IMAGE, "lazy background"),
                tuple(A + "img/video-poster.jpg", Kind.POSTER, "video poster"),
                tuple("https://maps.example/embed?harbour", Kind.FRAME, "iframe lazy src"),
                tuple(A + "img/table-bg.gif", Kind.IMAGE, "table background"),
                tuple(A + "img/sprite.svg", Kind.IMAGE, "svg use"));
    }

    @Test
    void allLevelAddsScriptsEveryCandidateAlternateSheetsAndMedia() {
        RequisiteList page = Requisites.ofPage(fixture("courier-story.html", PAGE_URL), RequisiteLevel.PAGE, 100);
        RequisiteList all = Requisites.ofPage(fixture("courier-story.html", PAGE_URL), RequisiteLevel.ALL, 100);

        assertThat(all.requisites()).extracting(Requisite::url)
                .containsAll(page.requisites().stream().map(Requisite::url).toList());
        assertThat(all.requisites()).extracting(Requisite::url).contains(
                A + "css/high-contrast.css", A + "css/disabled.css", A + "fonts/inter.woff2", A + "js/app.js",
                A + "fonts/serif.eot", A + "fonts/serif.woff", A + "img/masthead-mobile.jpg", A + "img/hero-2x.jpg",
                A + "img/bridge.jxl", A + "img/bridge-800.webp", A + "img/bridge-640.webp", A + "img/bridge-2560.webp",
                A + "img/bridge-fallback.jpg", A + "img/cables-400.jpg", A + "img/chart@2x.png",
                A + "video/reopening.mp4", A + "video/reopening.webm", A + "video/captions.vtt", A + "audio/interview.mp3");
        assertThat(all.requisites()).filteredOn(r -> r.kind() == Kind.SCRIPT).extracting(Requisite::url)
                .containsExactly(A + "js/app.js");
    }

    @Test
    void skipsDataBlobJavascriptAndSameDocumentReferencesAndCommentsAndStrings() {
        RequisiteList all = Requisites.ofPage(fixture("courier-story.html", PAGE_URL), RequisiteLevel.ALL, 1000);

        assertThat(all.requisites()).extracting(Requisite::url).allSatisfy(url -> assertThat(url).startsWith("https://"))
                .noneMatch(url -> url.contains("commented-out") || url.contains("not-a-url") || url.contains("#")
                        || url.contains("about:") || url.contains("ld-image"));
        assertThat(all.requisites()).extracting(Requisite::url).doesNotHaveDuplicates();
    }

    @Test
    void pageLevelAlsoKeepsTheOneCandidateAPortraitWindowOfTheSameWidthChooses() {
        String s = "https://weather.example/2024/storm/img/";
        RequisiteList page = Requisites.ofPage(fixture("portrait-picture.html", "https://weather.example/2024/storm/"),
                RequisiteLevel.PAGE, 100);

        assertThat(page.requisites()).extracting(Requisite::url, Requisite::foundIn).containsExactly(
                tuple("https://weather.example/favicon.png", "link rel=icon"),
                tuple(s + "storm.jpg?width=1300", "picture source srcset"),
                tuple(s + "storm.jpg?width=1875", "picture source srcset portrait"),
                tuple(s + "map-1280.png", "img srcset"),
                tuple(s + "spacer.gif", "img src"),
                tuple(s + "tide-800.jpg", "img lazy srcset"),
                tuple(s + "tide-1600.jpg", "img lazy srcset portrait"));
        assertThat(Requisites.ofPage(fixture("portrait-picture.html", "https://weather.example/2024/storm/"),
                RequisiteLevel.ALL, 100).requisites()).extracting(Requisite::url)
                .contains(s + "storm.jpg?width=4000", s + "storm.jpg?width=2600", s + "storm.jpg?width=500", s + "storm.jpg?width=480", s + "tide-3200.jpg");
    }

    @Test
    void articleLevelKeepsOnlyTheDesktopCandidate() {
        String body = "<picture><source media=\"(orientation: portrait)\" srcset=\"tall.jpg\"><img src=\"wide.jpg\" alt=\"\"></picture>";

        assertThat(Requisites.ofArticle(body, null, "https://x.example/", 10).requisites()).extracting(Requisite::url)
                .containsExactly("https://x.example/wide.jpg");
        assertThat(Requisites.ofPage(Jsoup.parse(body, "https://x.example/"), RequisiteLevel.PAGE, 10).requisites())
                .extracting(Requisite::url).containsExactly("https://x.example/wide.jpg", "https://x.example/tall.jpg",
                        "https://x.example/favicon.ico");
    }

    @Test
    void defaultFaviconWhenThePageDeclaresNoneAgainstThePageNotTheBase() {
        RequisiteList list = Requisites.ofPage(fixture("no-icon.html", "https://blog.example/2024/03/post.html"),
                RequisiteLevel.PAGE, 10);

        assertThat(list.requisites()).extracting(Requisite::url, Requisite::kind).containsExactly(
                tuple("https://blog.example/style.css", Kind.STYLESHEET),
                tuple("https://blog.example/2024/03/photo.jpg", Kind.IMAGE),
                tuple("https://blog.example/favicon.ico", Kind.ICON));
    }

    @Test
    void stopsAtTheLimitAndCountsWhatItLeftOut() {
        RequisiteList list = Requisites.ofPage(fixture("courier-story.html", PAGE_URL), RequisiteLevel.PAGE, 5);

        assertThat(list.requisites()).hasSize(5);
        assertThat(list.omitted()).isEqualTo(18);
        assertThat(Requisites.ofPage(fixture("courier-story.html", PAGE_URL), RequisiteLevel.PAGE, 0).requisites()).isEmpty();
    }

    @Test
    void articleLevelKeepsTheBodyImagesAndTheLeadImageOnly() {
        String body = "<p>Text</p><figure><img src=\"https://courier.example/img/a.jpg\" srcset=\"https://courier.example/img/a-1280.jpg 1280w,"
                + " https://courier.example/img/a-2400.jpg 2400w\" alt=\"A\"></figure><p><img src=\"/img/b.png\" alt=\"B\"></p>"
                + "<p style=\"background:url(/img/not-an-image-of-the-article.png)\">x</p>";
        RequisiteList list = Requisites.ofCapture(fixture("courier-story.html", PAGE_URL), body,
                "https://courier.example/img/lead.jpg", RequisiteLevel.ARTICLE, 10);

        assertThat(list.requisites()).extracting(Requisite::url, Requisite::foundIn).containsExactly(
                tuple("https://courier.example/img/a-1280.jpg", "img srcset"),
                tuple("https://courier.example/img/b.png", "img src"),
                tuple("https://courier.example/img/lead.jpg", "article lead image"));
    }

    @Test
    void thePageListedOnceWithNoLimitAndTheArticleAddedGiveWhatTheCaptureListsUnderEveryLimit() {
        String body = "<img src=\"https://static.courier.example/assets/img/bridge-fallback.jpg\" alt=\"The bridge\">";
        RequisiteList own = Requisites.ofPage(fixture("courier-story.html", PAGE_URL), RequisiteLevel.PAGE, Integer.MAX_VALUE);
        for (int max : new int[] {0, 3, own.requisites().size(), 100}) {
            RequisiteList capture = Requisites.ofCapture(fixture("courier-story.html", PAGE_URL), body, "/img/lead.jpg",
                    RequisiteLevel.PAGE, max);
            RequisiteList merged = Requisites.withArticle(own, body, "/img/lead.jpg", PAGE_URL, max);

            assertThat(merged).as("at most %d", max).isEqualTo(capture);
        }
        assertThat(Requisites.ofCapture(fixture("courier-story.html", PAGE_URL), body, "/img/lead.jpg", RequisiteLevel.PAGE, 3)
                .omitted()).isPositive();
    }

    @Test
    void pageLevelOfACaptureAddsTheArticleImagesThePageDoesNotShow() {
        String body = "<img src=\"https://static.courier.example/assets/img/bridge-fallback.jpg\" alt=\"The bridge\">";
        RequisiteList page = Requisites.ofPage(fixture("courier-story.html", PAGE_URL), RequisiteLevel.PAGE, 100);
        RequisiteList capture = Requisites.ofCapture(fixture("courier-story.html", PAGE_URL), body, null, RequisiteLevel.PAGE, 100);

        assertThat(capture.requisites()).startsWith(page.requisites().toArray(Requisite[]::new))
                .last().extracting(Requisite::url).isEqualTo(A + "img/bridge-fallback.jpg");
        assertThat(Requisites.ofCapture(fixture("courier-story.html", PAGE_URL), body, null, RequisiteLevel.NONE, 100)
                .requisites()).isEmpty();
        assertThatThrownBy(() -> Requisites.ofPage(fixture("no-icon.html", PAGE_URL), RequisiteLevel.ARTICLE, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pageBytesAreDecodedWithTheirCharset() {
        byte[] latin1 = "<html><head><meta charset=\"iso-8859-1\"></head><body><img src=\"caf\u00e9.jpg\"></body></html>"
                .getBytes(StandardCharsets.ISO_8859_1);
        RequisiteList list = Requisites.ofPage(latin1, "text/html", "https://x.example/", RequisiteLevel.PAGE, 10);

        assertThat(list.requisites()).extracting(Requisite::url)
                .containsExactly("https://x.example/caf%C3%A9.jpg", "https://x.example/favicon.ico");
    }

    @Test
    void stylesheetLevelsFollowImportsFontsAndImagesRelativeToTheSheet() {
        String css = "@charset \"utf-8\"; @layer base; @import url(\"base.css\") layer(base);\n"
                + "@font-face{font-family:a;src:local(A),url(../fonts/a.woff2)format(\"woff2\"),url(../fonts/a.ttf) format(truetype)}\n"
                + "body{background:url(../img/bg.png)} @import \"too-late.css\";";
        String url = "https://cdn.example/css/site.css";

        assertThat(Requisites.ofStylesheet(css, url, RequisiteLevel.PAGE, 10).requisites())
                .extracting(Requisite::url, Requisite::kind).containsExactly(
                        tuple("https://cdn.example/css/base.css", Kind.STYLESHEET),
                        tuple("https://cdn.example/fonts/a.woff2", Kind.FONT),
                        tuple("https://cdn.example/img/bg.png", Kind.IMAGE));
        assertThat(Requisites.ofStylesheet(css, url, RequisiteLevel.ALL, 10).requisites()).extracting(Requisite::url)
                .contains("https://cdn.example/fonts/a.ttf").doesNotContain("https://cdn.example/css/too-late.css");
        assertThat(Requisites.ofStylesheet(css, url, RequisiteLevel.ARTICLE, 10).requisites()).isEmpty();
    }

    @Test
    void noscriptHeldAsTextIsParsed() {
        Document page = Jsoup.parse("<body><noscript></noscript></body>", "https://x.example/a/");
        page.selectFirst("noscript").appendText("<img src=\"fallback.jpg\"><div style=\"background:url(bg.gif)\"></div>");

        assertThat(Requisites.ofPage(page, RequisiteLevel.PAGE, 10).requisites()).extracting(Requisite::url)
                .containsExactly("https://x.example/a/fallback.jpg", "https://x.example/a/bg.gif", "https://x.example/favicon.ico");
    }

    @Test
    void styleElementForAnotherScreenKeepsItsImportsButNotItsImages() {
        Document page = Jsoup.parse("<head><style media=\"print\">@import url(p.css); body{background:url(p.png)}</style>"
                + "<style type=\"text/less\">body{background:url(less.png)}</style><link rel=icon href=i.png></head>", "https://x.example/");

        assertThat(Requisites.ofPage(page, RequisiteLevel.PAGE, 10).requisites()).extracting(Requisite::url)
                .containsExactly("https://x.example/p.css", "https://x.example/i.png");
    }
}
