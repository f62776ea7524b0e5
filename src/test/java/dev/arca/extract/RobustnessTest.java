package dev.arca.extract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The extractor never throws, never overflows the stack, and rates non-articles low. */
class RobustnessTest {

    private final Extractor extractor = Extractor.create();

    @Test
    void emptyGarbageAndBinaryInputGiveAnEmptyLowConfidenceArticle() {
        Random random = new Random(42);
        byte[] binary = new byte[64 * 1024];
        random.nextBytes(binary);
        for (byte[] body : List.of(new byte[0], "<<<>>>&&&;;;</p></div>".getBytes(StandardCharsets.UTF_8), binary,
                "\u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8))) {
            Article a = extractor.extract(body, null, null).article();
            assertThat(a).isNotNull();
            assertThat(a.confidence()).isLessThan(0.3);
            assertThat(a.wordCount()).isLessThan(20000);
        }
        assertThat(extractor.extract(null, null, "not a url").article().text()).isEmpty();
    }

    @Test
    void hundredThousandNestedElementsDoNotOverflowTheStack() {
        int depth = 100_000;
        StringBuilder html = new StringBuilder(depth * 12 + 1000).append("<html><body>");
        html.append("<div><span>".repeat(depth / 2));
        html.append("<p>Deep inside the nesting there is a short paragraph of text that should survive.</p>");
        html.append("</span></div>".repeat(depth / 2));
        html.append("</body></html>");
        Article a = extractor.extract(html.toString().getBytes(StandardCharsets.UTF_8), "text/html", null).article();
        assertThat(a.text()).contains("Deep inside the nesting");
    }

    @Test
    void homePageOfHeadlinesGetsLowConfidenceAndNoNavigationText() {
        StringBuilder html = new StringBuilder("<html><head><title>City Times - Home</title></head><body>"
                + "<nav><a href=\"/\">Home</a><a href=\"/world\">World</a></nav><div class=\"grid\">");
        for (int i = 0; i < 40; i++) {
            html.append("<div class=\"teaser\"><h3><a href=\"/story-").append(i).append("\">Headline number ")
                    .append(i).append(" about something that happened today</a></h3></div>");
        }
        html.append("</div></body></html>");
        Article a = extractor.extract(html.toString().getBytes(StandardCharsets.UTF_8), null, "https://city.example/").article();
        assertThat(a.confidence()).isLessThan(0.3);
        assertThat(a.text().length()).isLessThan(300);
    }

    @Test
    void loginWallGetsLowConfidence() {
        String html = "<html><body><h1>Sign in</h1><form><input name=user><input type=password name=pw>"
                + "<button>Log in</button></form><p>Subscribers only.</p></body></html>";
        Article a = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, "https://news.example/login").article();
        assertThat(a.confidence()).isLessThan(0.2);
        assertThat(a.text()).doesNotContain("Log in");
    }

    @Test
    void sharedExtractorGivesTheSameResultOnManyThreads() throws Exception {
        byte[] page = Fixtures.bytes("seed-semantic.html");
        String expected = extractor.extract(page, null, "https://coastline.example/a").article().text();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> extractor.extract(page, null, "https://coastline.example/a").article().text()));
            }
            for (Future<String> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parsedDocumentIsLeftUnchanged() {
        var doc = org.jsoup.Jsoup.parse(new String(Fixtures.bytes("seed-semantic.html"), StandardCharsets.UTF_8));
        String before = doc.outerHtml();
        extractor.extract(doc, "https://coastline.example/a").article();
        assertThat(doc.outerHtml()).isEqualTo(before);
    }
}
