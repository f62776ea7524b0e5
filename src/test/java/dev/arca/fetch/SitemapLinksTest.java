package dev.arca.fetch;

import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

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
        SitemapLinks.Listing listing = SitemapLinks.of(document("https://site.example/sitemap.xml", "application/xml", URLSET), null, 1 << 20);
        assertThat(listing.pages()).containsExactly("https://site.example/old", "https://site.example/new",
                "https://site.example/undated");
        assertThat(listing.sitemaps()).isEmpty();
    }

    @Test
    void sinceKeepsNewerAndUndatedPages() throws Exception {
        SitemapLinks.Listing listing = SitemapLinks.of(document("https://site.example/sitemap.xml", "application/xml", URLSET),
                Instant.parse("2024-01-01T00:00:00Z"), 1 << 20);
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
        SitemapLinks.Listing listing = SitemapLinks.of(document("https://site.example/index.xml", "text/xml", index), null, 1 << 20);
        assertThat(listing.pages()).isEmpty();
        assertThat(listing.sitemaps()).containsExactlyInAnyOrder(URI.create("https://site.example/a.xml"),
                URI.create("https://site.example/b.xml"));
    }

    @Test
    void plainTextSitemap() throws Exception {
        SitemapLinks.Listing listing = SitemapLinks.of(document("https://site.example/sitemap.txt", "text/plain",
                "https://site.example/1\nhttps://site.example/2\n"), null, 1 << 20);
        assertThat(listing.pages()).containsExactly("https://site.example/1", "https://site.example/2");
    }

    @Test
    void brokenXmlIsAFormatError() {
        assertThatThrownBy(() -> SitemapLinks.of(document("https://site.example/s.xml", "application/xml", "<urlset><url>"), null, 1 << 20))
                .isInstanceOf(FetchException.class).hasMessageStartingWith("not a sitemap");
    }

    private static Capture bytes(String url, String contentType, byte[] body) {
        URI u = URI.create(url);
        return new Capture(u, u, Instant.now(), List.of(), MediaTypes.of(contentType), contentType, body);
    }

    @Test
    void gzippedSitemapIsDecodedWhateverItsContentType() throws Exception {
        byte[] gz = LoopbackServer.gzip(URLSET.getBytes(StandardCharsets.UTF_8));
        for (String type : new String[] {"application/gzip", "application/x-gzip", "application/octet-stream", "text/xml"}) {
            assertThat(SitemapLinks.of(bytes("https://site.example/sitemap.xml.gz", type, gz), null, 1 << 20).pages())
                    .as(type).hasSize(3);
        }
        byte[] text = LoopbackServer.gzip("https://site.example/1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(SitemapLinks.of(bytes("https://site.example/s.txt.gz", null, text), null, 1 << 20).pages())
                .containsExactly("https://site.example/1");
    }

    @Test
    void gzipBombStopsAtTheSizeLimit() {
        // a valid sitemap whose whitespace expands to 64 MiB: crawler-commons alone would read it all
        byte[] bomb = LoopbackServer.gzipPadded("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">",
                64L << 20, "<url><loc>https://site.example/1</loc></url></urlset>");

        assertThatThrownBy(() -> SitemapLinks.of(bytes("https://site.example/bomb.xml.gz", "application/gzip", bomb),
                null, 1 << 20))
                .hasMessage("body expands past the size limit (1 MiB) when decoded from gzip")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.TOO_LARGE);
    }
}
