package dev.arca.archive;

import dev.arca.fetch.Capture;
import dev.arca.fetch.FeedDiscovery;
import dev.arca.fetch.FeedLinks;
import dev.arca.fetch.FetchException;
import dev.arca.fetch.LocalFile;
import dev.arca.fetch.SitemapLinks;
import dev.arca.fetch.WebUrl;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns feeds and sitemaps into the URLs they list, fed to a {@link Crawl} as they are read
 * ({@code arca fetch --feed} and {@code --sitemap}). A feed or sitemap that cannot be fetched or parsed is one failed input; a
 * {@code --feed} may also be a file, or a web page that links to its feed.
 *
 * <p>Sitemaps are bounded per run in depth, in how many are read and in how many URLs they give,
 * since an index can fan out without end. Reaching a bound stops reading and is one failed input,
 * named after the {@code --sitemap} argument; the pages taken before it are still archived.
 */
public final class LinkSources {

    /** Sitemap indexes may nest; real sites use one level, loops and traps use many. */
    private static final int MAX_SITEMAP_DEPTH = 3;

    /**
     * The bounds on what feeds and sitemaps may cost.
     *
     * @param maxSize     the largest feed file, or sitemap once decoded from gzip
     * @param sitemaps    the most sitemaps read in one run
     * @param sitemapUrls the most URLs taken from sitemaps in one run
     */
    public record Limits(long maxSize, int sitemaps, int sitemapUrls) {
    }

    private final Crawl batch;
    private final Instant since;
    private final Limits limits;
    private int sitemapsRead;
    private int sitemapUrlsTaken;

    /** @param since keep sitemap pages modified on or after this, when they say; null keeps all */
    public LinkSources(Crawl batch, Instant since, Limits limits) {
        this.batch = batch;
        this.since = since;
        this.limits = limits;
    }

    /**
     * Queues every item link of the feed at {@code source}: a URL or a file, holding RSS, Atom or
     * JSON Feed, or a web page whose main feed is read instead (see {@link FeedDiscovery}).
     */
    public void feed(String source) throws InterruptedException {
        try {
            for (String link : FeedLinks.of(feedDocument(document(source)))) {
                batch.add(link);
            }
        } catch (FetchException e) {
            batch.fail(source, "feed: " + batch.describe(e), e);
        }
    }

    /** An existing file is read from disk (under the size limit); anything else must be a URL. */
    private Capture document(String source) throws FetchException, InterruptedException {
        Path file = null;
        try {
            file = Path.of(source);
        } catch (InvalidPathException e) {
            // not a path: a URL or nothing
        }
        if (file != null && Files.exists(file)) {
            return LocalFile.read(file, null, limits.maxSize());
        }
        if (!WebUrl.hasScheme(source)) {
            throw new FetchException(FetchException.Reason.FILE,
                    "not a URL and no such file: " + source + " (URLs start with http:// or https://)");
        }
        return batch.fetchDocument(WebUrl.parse(source));
    }

    /** The document itself when it is a feed; for a web page, the main feed it links to, fetched. */
    private Capture feedDocument(Capture document) throws FetchException, InterruptedException {
        if (!FeedDiscovery.isWebPage(document)) {
            return document;
        }
        List<FeedDiscovery.Feed> feeds = FeedDiscovery.of(document);
        if (feeds.isEmpty()) {
            try {
                FeedLinks.of(document); // a feed some servers label as HTML
                return document;
            } catch (FetchException e) {
                throw new FetchException(FetchException.Reason.FORMAT,
                        document.url() + " is a web page that links to no RSS, Atom or JSON feed", e);
            }
        }
        FeedDiscovery.Feed main = feeds.get(0);
        batch.note("feed: " + document.url() + " is a web page; reading the feed it links to"
                + (feeds.size() == 1 ? ", " + main
                : " first, " + main + "; it also links to " + feeds.subList(1, feeds.size()).stream()
                        .map(FeedDiscovery.Feed::toString).collect(Collectors.joining(", "))));
        try {
            return batch.fetchDocument(main.url());
        } catch (FetchException e) {
            throw e.about(main.url() + ", the feed the page links to");
        }
    }

    /**
     * Queues every page of the sitemap at {@code sitemapUrl}, reading the sitemaps of an index in
     * turn. The queue never holds more sitemaps than the run may still read, so an index listing
     * millions costs no memory.
     */
    public void sitemap(String sitemapUrl) throws InterruptedException {
        new SitemapWalk(sitemapUrl).run();
    }

    /** One {@code --sitemap} argument read breadth first, with what it left unread for its one line. */
    private final class SitemapWalk {

        private record Pending(URI url, int depth) {
        }

        private final String start;
        private final Deque<Pending> todo = new ArrayDeque<>();
        private final Set<URI> queued = new HashSet<>();
        private int overBudget;
        private int tooDeep;

        SitemapWalk(String start) {
            this.start = start;
        }

        void run() throws InterruptedException {
            queue(start, 0);
            while (!todo.isEmpty()) {
                Pending next = todo.poll();
                sitemapsRead++;
                try {
                    SitemapLinks.Listing listing = SitemapLinks.of(batch.fetchDocument(next.url()), since, limits.maxSize());
                    if (!take(next.url(), listing.pages())) {
                        return;
                    }
                    for (URI child : listing.sitemaps()) {
                        queue(child.toString(), next.depth() + 1);
                    }
                } catch (FetchException e) {
                    batch.fail(next.url().toString(), "sitemap: " + batch.describe(e), e);
                }
            }
            if (overBudget > 0) {
                batch.fail(start, "sitemap: " + batch.describe(new LimitReached(LimitReached.Limit.SITEMAPS, "stopped at "
                        + LimitReached.Limit.SITEMAPS.phrase() + " (" + limits.sitemaps() + " sitemaps read); "
                        + overBudget + " more not read")), null);
            }
            if (tooDeep > 0) {
                batch.fail(start, "sitemap: " + tooDeep + " sitemaps more than " + MAX_SITEMAP_DEPTH
                        + " levels of sitemap indexes deep not read", null);
            }
        }

        private void queue(String sitemap, int depth) {
            URI url;
            try {
                url = WebUrl.parse(sitemap);
            } catch (FetchException e) {
                batch.fail(sitemap, "sitemap: " + batch.describe(e), e);
                return;
            }
            if (!queued.add(url)) {
                return;
            }
            if (depth > MAX_SITEMAP_DEPTH) {
                tooDeep++;
            } else if (sitemapsRead + todo.size() >= limits.sitemaps()) {
                overBudget++;
            } else {
                todo.add(new Pending(url, depth));
            }
        }

        /** Queues the pages of one sitemap; false when the sitemap URL limit stopped the walk. */
        private boolean take(URI sitemap, List<String> pages) throws InterruptedException {
            for (int i = 0; i < pages.size(); i++) {
                if (sitemapUrlsTaken >= limits.sitemapUrls()) {
                    int unread = todo.size() + overBudget;
                    batch.fail(start, "sitemap: " + batch.describe(new LimitReached(LimitReached.Limit.SITEMAP_URLS,
                            "stopped at " + LimitReached.Limit.SITEMAP_URLS.phrase() + " (" + limits.sitemapUrls()
                            + " URLs taken); " + (pages.size() - i) + " more in " + sitemap + " not taken"
                            + (unread == 0 ? "" : ", " + unread + " more sitemaps not read"))), null);
                    return false;
                }
                sitemapUrlsTaken++;
                batch.add(pages.get(i));
            }
            return true;
        }
    }
}
