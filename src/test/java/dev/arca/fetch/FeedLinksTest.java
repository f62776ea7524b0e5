package dev.arca.fetch;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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
                .isInstanceOf(FetchException.class).hasMessageStartingWith("not an RSS or Atom feed")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.FORMAT);
    }
}
