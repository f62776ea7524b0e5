package dev.arca.cli;

import dev.arca.fetch.FeedLinks;
import dev.arca.fetch.FetchException;
import dev.arca.fetch.SitemapLinks;
import dev.arca.fetch.WebUrl;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns {@code --feed} and {@code --sitemap} arguments into the URLs they list, fed to the batch
 * as they are read. A feed or sitemap that cannot be fetched or parsed is one failed input.
 */
final class LinkSources {

    /** Sitemap indexes may nest; real sites use one level, loops and traps use many. */
    private static final int MAX_SITEMAP_DEPTH = 3;

    private final BatchFetch batch;
    private final Instant since;

    /** @param since keep sitemap pages modified on or after this, when they say; null keeps all */
    LinkSources(BatchFetch batch, Instant since) {
        this.batch = batch;
        this.since = since;
    }

    /** Queues every item link of the RSS or Atom feed at {@code feedUrl}. */
    void feed(String feedUrl) throws InterruptedException {
        try {
            for (String link : FeedLinks.of(batch.fetchDocument(WebUrl.parse(feedUrl)))) {
                batch.add(link);
            }
        } catch (FetchException e) {
            batch.fail(feedUrl, "feed: " + e.getMessage(), e);
        }
    }

    /** Queues every page of the sitemap at {@code sitemapUrl}, reading the sitemaps of an index in turn. */
    void sitemap(String sitemapUrl) throws InterruptedException {
        record Pending(String url, int depth) {
        }
        Deque<Pending> todo = new ArrayDeque<>();
        Set<URI> seen = new HashSet<>();
        todo.add(new Pending(sitemapUrl, 0));
        while (!todo.isEmpty()) {
            Pending next = todo.poll();
            try {
                URI url = WebUrl.parse(next.url());
                if (!seen.add(url)) {
                    continue;
                }
                SitemapLinks.Listing listing = SitemapLinks.of(batch.fetchDocument(url), since);
                for (String page : listing.pages()) {
                    batch.add(page);
                }
                for (URI child : listing.sitemaps()) {
                    if (next.depth() < MAX_SITEMAP_DEPTH) {
                        todo.add(new Pending(child.toString(), next.depth() + 1));
                    } else {
                        batch.fail(child.toString(), "sitemap: more than " + MAX_SITEMAP_DEPTH
                                + " levels of sitemap indexes", null);
                    }
                }
            } catch (FetchException e) {
                batch.fail(next.url(), "sitemap: " + e.getMessage(), e);
            }
        }
    }
}
