package dev.arca.fetch;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static dev.arca.fetch.FeedLinksTest.document;
import static org.assertj.core.api.Assertions.assertThat;

class MetaRefreshTest {

    private static final String PAGE = "https://news.example/old/story";

    private static Optional<String> target(String html) {
        return MetaRefresh.target(document(PAGE, "text/html; charset=utf-8", html)).map(URI::toString);
    }

    private static String redirectPage(String content) {
        return "<html><head><meta http-equiv=\"refresh\" content=\"" + content + "\"></head>"
                + "<body><p>This page has moved. <a href=\"/new\">Go there</a>.</p></body></html>";
    }

    @Test
    void parsesTheContentValueAsBrowsersDo() {
        assertThat(MetaRefresh.parse("0; url=/next")).contains(new MetaRefresh.Refresh(0, "/next"));
        assertThat(MetaRefresh.parse("  5,URL = '/next page' trailing")).contains(new MetaRefresh.Refresh(5, "/next page"));
        assertThat(MetaRefresh.parse("0;URL=\"https://x.example/a\"")).contains(new MetaRefresh.Refresh(0, "https://x.example/a"));
        assertThat(MetaRefresh.parse("3 https://x.example/b")).contains(new MetaRefresh.Refresh(3, "https://x.example/b"));
        assertThat(MetaRefresh.parse("1.5; Url=/c")).contains(new MetaRefresh.Refresh(1, "/c"));
        assertThat(MetaRefresh.parse("0;/d")).contains(new MetaRefresh.Refresh(0, "/d"));
        assertThat(MetaRefresh.parse("0; urlish")).contains(new MetaRefresh.Refresh(0, "urlish"));
        assertThat(MetaRefresh.parse("300")).contains(new MetaRefresh.Refresh(300, null));
        assertThat(MetaRefresh.parse("99999999999999999999; url=/e")).contains(new MetaRefresh.Refresh(Integer.MAX_VALUE, "/e"));
        assertThat(MetaRefresh.parse("url=/f")).isEmpty();
        assertThat(MetaRefresh.parse("0x; url=/g")).isEmpty();
        assertThat(MetaRefresh.parse("")).isEmpty();
    }

    @Test
    void aPageThatIsOnlyARefreshRedirects() {
        assertThat(target(redirectPage("0; url=/new"))).contains("https://news.example/new");
        assertThat(target(redirectPage("3;URL='../new'"))).contains("https://news.example/new");
        assertThat(target(redirectPage("10; url=https://elsewhere.example/x#top"))).contains("https://elsewhere.example/x");
        assertThat(target("<META HTTP-EQUIV=Refresh CONTENT=\"0;url=/new\">")).contains("https://news.example/new");
        assertThat(target("<head><base href=\"https://cdn.example/dir/\"><meta http-equiv=refresh content=\"0; url=page\"></head>"))
                .contains("https://cdn.example/dir/page");
    }

    @Test
    void aReloadALongWaitOrARealArticleStaysAsItIs() {
        assertThat(target(redirectPage("300"))).as("reload every five minutes").isEmpty();
        assertThat(target(redirectPage("0; url=" + PAGE + "#top"))).as("reload of itself").isEmpty();
        assertThat(target(redirectPage("11; url=/new"))).as("longer than a redirect waits").isEmpty();
        assertThat(target(redirectPage("0; url=javascript:alert(1)"))).as("unusable target").isEmpty();
        String article = "<head><meta http-equiv=\"refresh\" content=\"5; url=/live\"></head><body><article>"
                + "<p>The storm closed the coast road for a third day. ".repeat(20) + "</p></article></body>";
        assertThat(target(article)).as("a page with content").isEmpty();
        assertThat(target("<head><noscript><meta http-equiv=\"refresh\" content=\"0; url=/nojs\"></noscript></head>"))
                .as("for browsers without scripts only").isEmpty();
        assertThat(MetaRefresh.target(document(PAGE, "text/plain", "<meta http-equiv=refresh content=\"0; url=/x\">")))
                .as("not HTML").isEmpty();
    }
}
