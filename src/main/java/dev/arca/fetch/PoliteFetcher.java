package dev.arca.fetch;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A fetcher that is polite to the sites it visits, for a crawl of many pages: one request at a time
 * per host with a rest between two ({@link HostScheduler}), robots.txt read before a site's first
 * page and obeyed ({@link RobotsRules}), and transient failures retried later ({@link RetryPolicy}).
 * Pages are queued with {@link #submit}, taken by workers with {@link #take}, and fetched with
 * {@link #fetch}; each item is one page the caller wants, carried along with its turn.
 *
 * @param <T> what the caller attaches to a page (its input, what it knows of it already)
 */
public final class PoliteFetcher<T> {

    /**
     * How polite to be.
     *
     * @param delay      the rest between two requests to one host
     * @param retries    retries of a transient failure
     * @param obeyRobots read robots.txt before a site's first page and obey it
     */
    public record Politeness(Duration delay, int retries, boolean obeyRobots) {
    }

    /**
     * A page as received, with the warcinfo fields that say how robots.txt was handled.
     *
     * @param capture  the exchange, or what the {@link Source} made of the page
     * @param warcinfo "robots" ("obey" or "ignore") and, when obeyed, "robots-txt": which file allowed it
     * @param <P>      what the source made of the page: a {@link Capture} for the static fetch
     */
    public record Page<P>(P capture, Map<String, String> warcinfo) {

        public Page {
            warcinfo = Collections.unmodifiableMap(new LinkedHashMap<>(warcinfo)); // in order, as the record lists them
        }
    }

    /**
     * How a page is fetched in its turn, once robots.txt allows it: the static fetch by default, or a
     * browser that loads the page itself. A {@link FetchException} it throws is retried as the static
     * fetch's would be; any other failure is final.
     *
     * @param <P> what it makes of the page
     */
    @FunctionalInterface
    public interface Source<P> {
        P fetch(URI url) throws IOException, InterruptedException;
    }

    /** A page whose host is now reserved for it: fetch it with {@link #fetch}, or give it back with {@link #skip}. */
    public static final class Turn<T> {

        private final HostScheduler.Lease<Queued<T>> lease;

        private Turn(HostScheduler.Lease<Queued<T>> lease) {
            this.lease = lease;
        }

        /** What the caller attached to the page. */
        public T item() {
            return lease.item().item();
        }

        /** The page's URL. */
        public URI url() {
            return lease.item().url();
        }

        /** How many times the page was tried before. */
        public int retries() {
            return lease.item().retries();
        }
    }

    private record Queued<T>(URI url, T item, int retries) {
    }

    private final Fetcher fetcher;
    private final RobotsRules robots;
    private final RetryPolicy retry;
    private final HostScheduler<Queued<T>> scheduler;

    /**
     * @param options    how each exchange is made
     * @param politeness how polite to be
     * @param capacity   how many pages may wait; {@link #submit} blocks beyond that
     */
    public PoliteFetcher(FetchOptions options, Politeness politeness, int capacity) {
        this.fetcher = new Fetcher(options);
        this.robots = politeness.obeyRobots() ? new RobotsRules(fetcher, options.userAgent()) : null;
        this.retry = RetryPolicy.of(politeness.retries());
        this.scheduler = new HostScheduler<>(politeness.delay(), capacity);
    }

    /** Queues the page at {@code url}, waiting while the queue is full. */
    public void submit(URI url, T item) throws InterruptedException {
        scheduler.submit(url.getHost(), new Queued<>(url, item, 0));
    }

    /** The next page whose host may be visited now, waiting for one; null when closed and every page is done. */
    public Turn<T> take() throws InterruptedException {
        HostScheduler.Lease<Queued<T>> lease = scheduler.take();
        return lease == null ? null : new Turn<>(lease);
    }

    /** Gives the host back without visiting it, e.g. when the caller stops early. */
    public void skip(Turn<T> turn) {
        scheduler.finish(turn.lease, false);
    }

    /** Fetches the turn's page statically: see {@link #fetch(Turn, Source)}. */
    public Optional<Page<Capture>> fetch(Turn<T> turn) throws IOException, InterruptedException {
        return fetch(turn, fetcher::fetch);
    }

    /**
     * Fetches the turn's page with {@code source}, and frees its host for the next request either way.
     * On the first visit to a site its robots.txt is read first, in the same turn: a small
     * prerequisite of the page rather than a request that earns a delay of its own.
     *
     * @return the page; empty when a transient failure is retried later (the page comes back through {@link #take})
     * @throws FetchException the final failure: {@link FetchException.Reason#BLOCKED} when robots.txt
     *                        disallows the page; see {@link #whyFinal} for why it was not retried
     * @throws IOException    a failure of the source other than a fetch's, never retried
     */
    public <P> Optional<Page<P>> fetch(Turn<T> turn, Source<P> source) throws IOException, InterruptedException {
        Page<P> page;
        try {
            page = page(turn.url(), source);
        } catch (FetchException e) {
            Optional<Duration> wait = retry.waitBeforeRetry(e, turn.retries());
            if (wait.isPresent()) {
                Queued<T> queued = turn.lease.item();
                scheduler.retry(turn.lease, new Queued<>(queued.url(), queued.item(), queued.retries() + 1), wait.get());
                return Optional.empty();
            }
            scheduler.finish(turn.lease, e.reason() != FetchException.Reason.BLOCKED);
            throw e;
        } catch (IOException | InterruptedException | RuntimeException e) {
            scheduler.finish(turn.lease, true); // a lease never finished would stall the crawl
            throw e;
        }
        scheduler.finish(turn.lease, true); // the host may serve the next request while this page is used
        return Optional.of(page);
    }

    /** Why the final failure of {@code turn} was not retried, e.g. " (after 2 retries)"; empty when retries do not apply. */
    public String whyFinal(Turn<T> turn, FetchException failure) {
        return retry.whyFinal(failure, turn.retries());
    }

    private <P> Page<P> page(URI url, Source<P> source) throws IOException, InterruptedException {
        if (robots == null) {
            return new Page<>(source.fetch(url), Map.of("robots", "ignore"));
        }
        Optional<RobotsDecision> known = robots.decide(url);
        if (known.isEmpty()) {
            try {
                robots.load(url);
            } catch (FetchException e) {
                // a host that cannot be reached fails the page the same way: name robots.txt only
                // when the server answered it badly
                throw isTransport(e) ? e : e.about("robots.txt");
            }
            known = robots.decide(url);
        }
        RobotsDecision decision = known.orElseThrow().requireAllowed();
        Map<String, String> warcinfo = new LinkedHashMap<>();
        warcinfo.put("robots", "obey");
        warcinfo.put("robots-txt", decision.robotsUrl() + " (" + decision.basis() + ") allows this URL");
        return new Page<>(source.fetch(url), warcinfo);
    }

    private static boolean isTransport(FetchException e) {
        return switch (e.reason()) {
            case DNS, CONNECT, TLS, TIMEOUT, PROTOCOL -> true;
            default -> false;
        };
    }

    /**
     * Fetches a document that lists URLs, a feed or a sitemap, on the caller's thread: it waits its
     * turn for the host like any request and retries transient failures, but is not subject to
     * robots.txt, since the user named it.
     */
    public Capture fetchDocument(URI url) throws FetchException, InterruptedException {
        for (int retries = 0; ; retries++) {
            HostScheduler.Lease<Queued<T>> lease = scheduler.reserve(url.getHost());
            try {
                return fetcher.fetch(url);
            } catch (FetchException e) {
                Optional<Duration> wait = retry.waitBeforeRetry(e, retries);
                if (wait.isEmpty()) {
                    throw e;
                }
                Thread.sleep(wait.get().toMillis()); // backing off, with the host still reserved
            } finally {
                scheduler.finish(lease, true);
            }
        }
    }

    /** No more pages will be submitted: {@link #take} returns null once every queued one is done. */
    public void close() {
        scheduler.close();
    }
}
