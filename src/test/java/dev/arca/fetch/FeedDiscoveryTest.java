package dev.arca.fetch;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static dev.arca.fetch.FeedLinksTest.document;
import static org.assertj.core.api.Assertions.assertThat;

class FeedDiscoveryTest {

    @Test
    void findsTheFeedsAPageLinksToInItsOrderPlainJsonLast() {
        Capture page = document("https://blog.example/2024/05/post.html", "text/html; charset=utf-8", """
                <!doctype html><html><head><title>Post</title>
                <link rel="alternate" type="application/json" href="https://blog.example/wp-json/wp/v2/posts/7">
                <link rel="alternate" type="application/rss+xml" title="Blog" href="/feed/">
                <link rel="stylesheet alternate" type="text/css" href="/dark.css">
                <link rel="alternate" hreflang="de" type="text/html" href="/de/post.html">
                <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="../../atom.xml">
                <link rel="alternate" type="application/rss+xml" title="Comments" href="https://blog.example/comments/feed/">
                <link rel="alternate" type="application/feed+json" href="/feed.json">
                <link rel="alternate" type="application/rss+xml" href="/feed/">
                <link rel="alternate" type="application/rss+xml" href="javascript:void(0)">
                </head><body><p>Hi</p></body></html>""");

        assertThat(FeedDiscovery.of(page)).extracting(FeedDiscovery.Feed::toString).containsExactly(
                "https://blog.example/feed/ (RSS)", "https://blog.example/atom.xml (Atom)",
                "https://blog.example/comments/feed/ (RSS)", "https://blog.example/feed.json (JSON Feed)",
                "https://blog.example/wp-json/wp/v2/posts/7 (JSON Feed)");
    }

    @Test
    void aPageWithoutFeedLinksHasNone() {
        assertThat(FeedDiscovery.of(document("https://x.example/", "text/html", "<p>Nothing here</p>"))).isEmpty();
    }

    @Test
    void tellsWebPagesFromFeeds() {
        assertThat(FeedDiscovery.isWebPage(document("https://x.example/", "text/html", "<p>hi</p>"))).isTrue();
        assertThat(FeedDiscovery.isWebPage(document("https://x.example/f", "application/rss+xml", "<rss/>"))).isFalse();
        assertThat(FeedDiscovery.isWebPage(document("https://x.example/f", null, "<!doctype html><p>hi</p>"))).isTrue();
        URI file = URI.create("file:///tmp/feed.xml");
        Capture local = new Capture(file, file, Instant.now(), List.of(), "text/html", null,
                "<?xml version=\"1.0\"?><rss version=\"2.0\"/>".getBytes(StandardCharsets.UTF_8));
        assertThat(FeedDiscovery.isWebPage(local)).as("a file named .xml, however LocalFile types it").isFalse();
    }
}
