package dev.arca.fetch;

import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedLinksTest {

    static Capture document(String url, String contentType, String body) {
        URI u = URI.create(url);
        return new Capture(u, u, Instant.now(), List.of(), MediaTypes.of(contentType), contentType,
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsRssItemLinksInOrder() throws Exception {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>News</title><link>https://news.example/</link>
                <item><title>One</title><link>https://news.example/1</link></item>
                <item><title>Two</title><link>/2?utm_source=rss</link></item>
                <item><title>Guid only</title><guid isPermaLink="true">https://news.example/3</guid></item>
                <item><title>Nothing</title><description>no link</description></item>
                </channel></rss>""";

        List<String> links = FeedLinks.of(document("https://news.example/feed.xml", "application/rss+xml", rss));

        assertThat(links).containsExactly("https://news.example/1", "https://news.example/2?utm_source=rss",
                "https://news.example/3");
    }

    @Test
    void readsAtomAlternateLinks() throws Exception {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>
                <entry><title>A</title><id>urn:a</id><updated>2024-01-01T00:00:00Z</updated>
                  <link rel="alternate" href="https://blog.example/a"/><link rel="replies" href="https://blog.example/a#c"/></entry>
                <entry><title>B</title><id>urn:b</id><updated>2024-01-01T00:00:00Z</updated><link href="https://blog.example/b"/></entry>
                </feed>""";

        assertThat(FeedLinks.of(document("https://blog.example/atom", "application/atom+xml", atom)))
                .containsExactly("https://blog.example/a", "https://blog.example/b");
    }

    @Test
    void somethingElseIsAFormatError() {
        assertThatThrownBy(() -> FeedLinks.of(document("https://x.example/", "text/html", "<html><body>hi</body></html>")))
                .isInstanceOf(FetchException.class).hasMessageStartingWith("not an RSS, Atom or JSON feed")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.FORMAT);
    }

    @Test
    void readsAnRss091FeedWithItsNetscapeDoctypeWithoutFetchingTheDtd() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            String rss = """
                    <?xml version="1.0" encoding="ISO-8859-1"?>
                    <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "%s">
                    <rss version="0.91"><channel><title>Old news</title><link>https://old.example/</link>
                    <description>d</description><language>en-us</language>
                    <item><title>One</title><link>https://old.example/1.html</link></item>
                    <item><title>Two</title><link>https://old.example/2.html</link></item>
                    </channel></rss>""".formatted(server.url("/rss-0.91.dtd"));

            assertThat(FeedLinks.of(document("https://old.example/rss.xml", "text/xml", rss)))
                    .containsExactly("https://old.example/1.html", "https://old.example/2.html");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "hunter2");
        try (LoopbackServer server = new LoopbackServer()) {
            String rss = """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss [<!ENTITY file SYSTEM "%s"><!ENTITY web SYSTEM "%s"><!ENTITY %% p SYSTEM "%s"> %%p;]>
                    <rss version="2.0"><channel><title>&file;</title><link>https://x.example/</link><description>&web;</description>
                    <item><title>&file;</title><link>https://x.example/a?q=&file;&web;</link></item>
                    </channel></rss>""".formatted(secret.toUri(), server.url("/entity"), server.url("/parameter-entity"));

            List<String> links = FeedLinks.of(document("https://x.example/feed", "application/rss+xml", rss));

            assertThat(links).containsExactly("https://x.example/a?q=");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void readsJsonFeedItemUrlsElseExternalUrls() throws Exception {
        String json = """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Notes",
                 "home_page_url": "https://notes.example/", "feed_url": "https://notes.example/feed.json",
                 "items": [
                   {"id": "1", "url": "https://notes.example/1", "content_text": "one"},
                   {"id": "2", "external_url": "https://elsewhere.example/story", "content_html": "<p>linked</p>"},
                   {"id": "3", "url": "/3"},
                   {"id": "4", "content_text": "no link"},
                   {"id": "5", "url": "https://notes.example/1"}]}""";

        assertThat(FeedLinks.of(document("https://notes.example/feed.json", "application/feed+json", json)))
                .containsExactly("https://notes.example/1", "https://elsewhere.example/story", "https://notes.example/3");
        assertThat(FeedLinks.of(document("https://notes.example/feed", null, "\n " + json)))
                .as("sniffed without a Content-Type").hasSize(3);
    }

    @Test
    void jsonThatIsNotAJsonFeedIsAFormatError() {
        assertThatThrownBy(() -> FeedLinks.of(document("https://x.example/wp-json", "application/json", "{\"id\": 5}")))
                .hasMessage("not a JSON Feed: no \"version\": \"https://jsonfeed.org/version/1.1\"");
        assertThatThrownBy(() -> FeedLinks.of(document("https://x.example/f.json", "application/feed+json", "{\"version\":")))
                .hasMessageStartingWith("not a JSON Feed: broken JSON")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.FORMAT);
    }

    @Test
    void aFeedReadFromAFileResolvesItsLinksAgainstTheUrlItGivesForItself() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>T</title><link>https://site.example/blog/</link><description>d</description>"
                + "<item><link>post-1</link></item><item><link>https://other.example/x</link></item></channel></rss>";
        assertThat(FeedLinks.of(document("file:///home/me/feed.xml", null, rss)))
                .containsExactly("https://site.example/blog/post-1", "https://other.example/x");
    }
}
