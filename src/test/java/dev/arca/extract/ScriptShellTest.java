package dev.arca.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages built by JavaScript are told from articles: an app shell, a "Loading…" placeholder and a
 * noscript asking for scripts each get a warning that the page needs a browser; articles with
 * scripts, tracking pixels and comment widgets in noscript do not.
 */
class ScriptShellTest {

    private static final Extractor EXTRACTOR = Extractor.create();
    private static final String URL = "https://site.example/news/story";

    private static Extraction extraction(byte[] page) {
        return EXTRACTOR.extraction(page, "text/html; charset=utf-8", URL);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "shell-react.html|an empty <div id=\"root\"> is filled by 3 scripts",
            "shell-loading.html|it shows only \"Loading…\" until its 2 scripts run",
            "shell-noscript.html|its <noscript> says \"You need to enable JavaScript to run this app.\""})
    void warnsThatAPageBuiltByJavaScriptNeedsABrowser(String fixture, String why) {
        Extraction e = extraction(dev.arca.testing.Fixtures.bytes(fixture));

        assertThat(e.warnings()).containsExactly("the page is built by JavaScript (" + why
                + "); it was archived as served, and needs a browser to show its content");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/arca/fixtures/article-with-noscript.html", "/dev/arca/fixtures/story.html",
            "/dev/arca/extract/seed-semantic.html", "/dev/arca/extract/seed-divsoup.html"})
    void leavesArticlesWithScriptsAndNoscriptAlone(String fixture) throws Exception {
        byte[] page;
        try (var in = ScriptShellTest.class.getResourceAsStream(fixture)) {
            page = in.readAllBytes();
        }
        Extraction e = extraction(page);

        assertThat(e.warnings()).isEmpty();
        assertThat(e.article().text()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a shell whose structured data carries the story: ArticleBodyStep extracts it
            "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Cranes\","
                    + "\"articleBody\":\"%s\"}</script><script src=\"/app.js\"></script></head><body><div id=\"root\"></div></body></html>",
            // a short page without any script is a short page, not a shell
            "<html><head><title>Notice</title></head><body><p>The office is closed today.</p></body></html>"})
    void leavesPagesThatAreNotShellsAlone(String html) {
        String story = "The three steam cranes that once unloaded timber are back on the quay. ".repeat(10);
        Extraction e = extraction(html.replace("%s", story).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(e.warnings()).isEmpty();
    }
}
