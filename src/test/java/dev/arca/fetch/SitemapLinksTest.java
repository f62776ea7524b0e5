package dev.arca.fetch;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;

import static dev.arca.fetch.FeedLinksTest.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SitemapLinksTest {

    private static final String URLSET = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://site.example/old</loc><lastmod>2023-05-01</lastmod></url>
              <url><loc>https://site.example/new</loc><lastmod>2024-03-02T10:00:00+00:00</lastmod></url>
              <url><loc>https://site.example/undated</loc></url>
            </urlset>""";

    @Test
    void listsEveryPage() throws Exception {
        SitemapLinks.Listing listing = SitemapLinks.of(document("https://site.example/sitemap.xml", "application/xml", URLSET), null);
        assertThat(listing.pages()).containsExactly("https://site.example/old", "https://site.example/new",
                "https://site.example/undated");
        assertThat(listing.sitemaps()).isEmpty();
    }

    @Test
    void sinceKeepsNewerAndUndatedPages() throws Exception {
        SitemapLinks.Listing listing = SitemapLinks.of(document("https://site.example/sitemap.xml", "application/xml", URLSET),
                Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(listing.pages()).containsExactly("https://site.example/new", "https://site.example/undated");
    }

    @Test
    void indexListsItsSitemaps() throws Exception {
        String index = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://site.example/a.xml</loc></sitemap>
                  <sitemap><loc>https://site.example/b.xml</loc></sitemap>
                </sitemapindex>""";
        SitemapLinks.Listing listing = SitemapLinks.of(document("https://site.example/index.xml", "text/xml", index), null);
        assertThat(listing.pages()).isEmpty();
        assertThat(listing.sitemaps()).containsExactlyInAnyOrder(URI.create("https://site.example/a.xml"),
                URI.create("https://site.example/b.xml"));
    }

    @Test
    void plainTextSitemap() throws Exception {
        SitemapLinks.Listing listing = SitemapLinks.of(document("https://site.example/sitemap.txt", "text/plain",
                "https://site.example/1\nhttps://site.example/2\n"), null);
        assertThat(listing.pages()).containsExactly("https://site.example/1", "https://site.example/2");
    }

    @Test
    void brokenXmlIsAFormatError() {
        assertThatThrownBy(() -> SitemapLinks.of(document("https://site.example/s.xml", "application/xml", "<urlset><url>"), null))
                .isInstanceOf(FetchException.class).hasMessageStartingWith("not a sitemap");
    }
}
