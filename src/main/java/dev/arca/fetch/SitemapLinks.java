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

    /** The listing of {@code sitemap}, keeping only pages modified on or after {@code since} when they say (null: all). */
    public static Listing of(Capture sitemap, Instant since) throws FetchException {
        AbstractSiteMap parsed = parse(sitemap);
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

    private static AbstractSiteMap parse(Capture sitemap) throws FetchException {
        // not strict: a sitemap may list pages outside its own directory, as many sites' do
        SiteMapParser parser = new SiteMapParser(false);
        try {
            return sitemap.mediaType() == null
                    ? parser.parseSiteMap(sitemap.body(), sitemap.url().toURL())
                    : parser.parseSiteMap(sitemap.mediaType(), sitemap.body(), sitemap.url().toURL());
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Reason.FORMAT, "not a sitemap: " + e.getMessage(), e);
        }
    }
}
