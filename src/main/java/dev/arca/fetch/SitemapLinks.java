package dev.arca.fetch;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one sitemap document lists, parsed by crawler-commons: page URLs (XML, text or RSS
 * sitemaps, gzipped or not) or, for a sitemap index, the sitemaps to read next. Fetching the
 * children is left to the caller, who knows how to be polite.
 *
 * <p>A gzipped sitemap ({@code .xml.gz}, whatever its Content-Type says) is decoded here rather
 * than by crawler-commons, which would inflate it without bound: decoding stops at the size limit,
 * so a small file that expands to gigabytes costs no more than the limit.
 */
public final class SitemapLinks {

    /**
     * @param pages    page URLs, in document order
     * @param sitemaps the child sitemaps of an index
     */
    public record Listing(List<String> pages, List<URI> sitemaps) {
    }

    private SitemapLinks() {
    }

    /**
     * The listing of {@code sitemap}, keeping only pages modified on or after {@code since} when
     * they say (null: all); a gzipped sitemap may expand to {@code maxSize} bytes.
     */
    public static Listing of(Capture sitemap, Instant since, long maxSize) throws FetchException {
        AbstractSiteMap parsed = parse(sitemap, maxSize);
        List<String> pages = new ArrayList<>();
        List<URI> children = new ArrayList<>();
        if (parsed instanceof SiteMapIndex index) {
            for (AbstractSiteMap child : index.getSitemaps()) {
                try {
                    children.add(child.getUrl().toURI());
                } catch (URISyntaxException e) {
                    // crawler-commons already validated it as a URL; one that is not a URI is skipped
                }
            }
        } else if (parsed instanceof SiteMap map) {
            for (SiteMapURL page : map.getSiteMapUrls()) {
                if (since == null || page.getLastModified() == null || !page.getLastModified().toInstant().isBefore(since)) {
                    pages.add(page.getUrl().toString());
                }
            }
        }
        return new Listing(pages, children);
    }

    private static AbstractSiteMap parse(Capture sitemap, long maxSize) throws FetchException {
        byte[] content = sitemap.body();
        String mediaType = sitemap.mediaType();
        if (isGzip(content) || isGzip(mediaType)) {
            // decoded (or already decoded from its Content-Encoding): let crawler-commons see what is inside
            content = isGzip(content) ? new ContentDecoder(maxSize).decode(content, "gzip") : content;
            mediaType = null;
            if (isGzip(content)) {
                throw new FetchException(FetchException.Reason.FORMAT, "not a sitemap: gzip inside gzip");
            }
        }
        // not strict: a sitemap may list pages outside its own directory, as many sites' do
        SiteMapParser parser = new SiteMapParser(false);
        try {
            return mediaType == null
                    ? parser.parseSiteMap(content, sitemap.url().toURL())
                    : parser.parseSiteMap(mediaType, content, sitemap.url().toURL());
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Reason.FORMAT, "not a sitemap: " + e.getMessage(), e);
        }
    }

    private static boolean isGzip(byte[] body) {
        return body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    }

    private static boolean isGzip(String mediaType) {
        return mediaType != null && mediaType.contains("gzip");
    }
}
