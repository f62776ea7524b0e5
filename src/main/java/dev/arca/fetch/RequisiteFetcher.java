package dev.arca.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetches what a page needs to be displayed, after the page, as a browser would: each
 * {@link Requisite} with the {@code Accept} of its kind and the {@code Referer} of the document
 * naming it, stylesheets first read for their imports, fonts and images, at most
 * {@value #CONNECTIONS_PER_HOST} requests to one host at once. robots.txt is not read: the
 * requisites are part of the page the user asked for, as they are to a browser.
 *
 * <p>One fetcher serves a whole run, so a resource many pages share (the site's stylesheet, its
 * logo) is fetched once and handed to every capture that needs it: the responses of the run are
 * kept by URL up to {@value #SHARED_BYTES} bytes, but for those that say {@code Cache-Control:
 * no-store} and for network errors, which are tried again for the next page. Thread-safe.
 */
public final class RequisiteFetcher implements AutoCloseable {

    /** As many connections to one host as a browser opens. */
    public static final int CONNECTIONS_PER_HOST = 6;
    /** The responses kept for the next pages of the run, at most. */
    static final long SHARED_BYTES = 64L * 1024 * 1024;
    private static final int THREADS = 2 * CONNECTIONS_PER_HOST;

    /**
     * How much one capture may take.
     *
     * @param level what to fetch
     * @param total the bytes of every requisite's responses together, at most
     * @param count the number of requisites, at most
     * @param time  how long fetching them may take, at most
     */
    public record Limits(RequisiteLevel level, long total, int count, Duration time) {

        public static final long DEFAULT_TOTAL = 50L * 1024 * 1024;
        public static final int DEFAULT_COUNT = 200;
        public static final Duration DEFAULT_TIME = Duration.ofSeconds(60);

        public Limits {
            if (total <= 0 || count <= 0 || time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("requisite limits must be positive");
            }
        }
    }

    /**
     * A page's requisites as fetched.
     *
     * @param fetched    each requisite tried, in the order found: its exchanges or its network error
     * @param limitsHit  one line for each limit that left requisites out, naming the limit and how many
     */
    public record Result(List<FetchedRequisite> fetched, List<String> limitsHit) {

        public Result {
            fetched = List.copyOf(fetched);
            limitsHit = List.copyOf(limitsHit);
        }
    }

    private final Fetcher fetcher;
    private final FetchOptions options;
    private final Limits limits;
    private final ExecutorService pool;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<List<Exchange>>> shared = new LinkedHashMap<>(64, 0.75f, true);
    private long sharedBytes;

    public RequisiteFetcher(FetchOptions options, Limits limits) {
        this.fetcher = new Fetcher(options);
        this.options = options;
        this.limits = limits;
        this.pool = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "arca-requisites");
            thread.setDaemon(true);
            return thread;
        });
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Fetches {@code found}, the requisites of the page at {@code page}, and what its stylesheets
     * need in turn, within the limits.
     *
     * @param pageCharset what the page's stylesheets are decoded with when they declare no charset
     */
    public Result fetch(URI page, Charset pageCharset, RequisiteList found) throws InterruptedException {
        Instant deadline = Instant.now().plus(limits.time());
        Capturing capturing = new Capturing(deadline);
        capturing.pastCount += found.omitted();
        Set<String> seen = new HashSet<>();
        seen.add(page.toString());
        List<Wanted> wave = new ArrayList<>();
        for (Requisite r : found.requisites()) {
            wave.add(new Wanted(r, page));
        }
        List<FetchedRequisite> out = new ArrayList<>();
        while (!wave.isEmpty()) {
            List<Future<FetchedRequisite>> futures = new ArrayList<>();
            for (Wanted wanted : wave) {
                if (!seen.add(wanted.requisite().url())) {
                    continue;
                }
                if (out.size() + futures.size() >= limits.count()) {
                    capturing.pastCount++;
                    continue;
                }
                futures.add(pool.submit(() -> one(wanted, capturing)));
            }
            wave = new ArrayList<>();
            for (Future<FetchedRequisite> future : futures) {
                FetchedRequisite fetched = await(future);
                if (fetched != null) {
                    out.add(fetched);
                    wave.addAll(ofStylesheet(fetched, pageCharset));
                }
            }
        }
        return new Result(out, capturing.limitsHit(limits));
    }

    private static FetchedRequisite await(Future<FetchedRequisite> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("fetching a requisite failed unexpectedly", e.getCause());
        }
    }

    /** The imports, fonts and images a fetched stylesheet names, with the stylesheet as their Referer. */
    private List<Wanted> ofStylesheet(FetchedRequisite fetched, Charset pageCharset) {
        Exchange response = fetched.response();
        if (fetched.requisite().kind() != Requisite.Kind.STYLESHEET || response == null || response.status() / 100 != 2) {
            return List.of();
        }
        String css;
        try {
            byte[] decoded = new ContentDecoder(options.maxSize())
                    .decode(response.body(), response.responseHeader("Content-Encoding").orElse(null));
            css = Stylesheet.decode(decoded, response.responseHeader("Content-Type").orElse(null), pageCharset);
        } catch (FetchException e) {
            return List.of(); // stored as received all the same; what it names cannot be known
        }
        List<Wanted> wanted = new ArrayList<>();
        for (Requisite r : Requisites.ofStylesheet(css, response.uri().toString(), limits.level(), limits.count()).requisites()) {
            wanted.add(new Wanted(r, response.uri()));
        }
        return wanted;
    }

    /** One requisite, or null when a limit left it out (counted in {@code capturing}). */
    private FetchedRequisite one(Wanted wanted, Capturing capturing) throws InterruptedException {
        Requisite requisite = wanted.requisite();
        if (!Instant.now().isBefore(capturing.deadline)) {
            capturing.pastTime.incrementAndGet();
            return null;
        }
        List<Exchange> exchanges;
        boolean captureClockFirst = capturing.deadline.isBefore(Instant.now().plus(options.timeout()));
        try {
            exchanges = shared(wanted, capturing.deadline);
        } catch (FetchException e) {
            // the alarm that closes a late exchange runs on another clock, and may ring a moment early
            boolean ranOutOfTime = e.reason() == FetchException.Reason.TIMEOUT && captureClockFirst;
            if (ranOutOfTime || !Instant.now().isBefore(capturing.deadline)) {
                capturing.pastTime.incrementAndGet();
                return null;
            }
            return new FetchedRequisite(requisite, List.of(), e.getMessage());
        }
        FetchedRequisite fetched = new FetchedRequisite(requisite, exchanges, null);
        if (!capturing.take(fetched.size(), limits.total())) {
            capturing.pastTotal.incrementAndGet();
            return null;
        }
        return fetched;
    }

    /** The exchanges for {@code wanted}: fetched now, or by an earlier page of the run. */
    private List<Exchange> shared(Wanted wanted, Instant deadline) throws FetchException, InterruptedException {
        String url = wanted.requisite().url();
        CompletableFuture<List<Exchange>> mine = new CompletableFuture<>();
        CompletableFuture<List<Exchange>> theirs;
        synchronized (shared) {
            theirs = shared.putIfAbsent(url, mine);
        }
        if (theirs != null) {
            return awaitShared(theirs, deadline);
        }
        try {
            List<Exchange> exchanges = fetchNow(wanted, deadline);
            mine.complete(exchanges);
            keep(url, exchanges);
            return exchanges;
        } catch (FetchException | RuntimeException e) {
            mine.completeExceptionally(e);
            synchronized (shared) {
                shared.remove(url);
            }
            throw e;
        }
    }

    private static List<Exchange> awaitShared(CompletableFuture<List<Exchange>> theirs, Instant deadline)
            throws FetchException, InterruptedException {
        try {
            long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            return theirs.get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new FetchException(FetchException.Reason.TIMEOUT, "timed out waiting for the same request of another page");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FetchException fe) {
                throw fe;
            }
            throw new FetchException(FetchException.Reason.PROTOCOL, String.valueOf(e.getCause().getMessage()), e.getCause());
        }
    }

    private List<Exchange> fetchNow(Wanted wanted, Instant deadline) throws FetchException, InterruptedException {
        URI url = URI.create(wanted.requisite().url());
        Semaphore host = hosts.computeIfAbsent(String.valueOf(url.getRawAuthority()), h -> new Semaphore(CONNECTIONS_PER_HOST, true));
        host.acquire();
        try {
            return fetcher.requisite(url, wanted.requisite().kind().accept(), wanted.referer(), options.maxSize(), deadline);
        } finally {
            host.release();
        }
    }

    /** Keeps a response for the next pages, but one that must not be stored or is too large; drops the eldest past the bound. */
    private void keep(String url, List<Exchange> exchanges) {
        long size = FetchedRequisite.size(exchanges);
        boolean noStore = exchanges.stream().anyMatch(e -> e.responseHeader("Cache-Control")
                .map(v -> v.toLowerCase(Locale.ROOT).contains("no-store")).orElse(false));
        synchronized (shared) {
            if (noStore || size > SHARED_BYTES / 4) {
                shared.remove(url);
                return;
            }
            sharedBytes += size;
            Iterator<Map.Entry<String, CompletableFuture<List<Exchange>>>> eldest = shared.entrySet().iterator();
            while (sharedBytes > SHARED_BYTES && eldest.hasNext()) {
                CompletableFuture<List<Exchange>> entry = eldest.next().getValue();
                if (entry.isDone() && !entry.isCompletedExceptionally()) {
                    sharedBytes -= FetchedRequisite.size(entry.join());
                    eldest.remove();
                }
            }
        }
    }

    /** Stops the fetcher's threads, once every capture it served is done. */
    @Override
    public void close() {
        pool.shutdown();
    }

    /** A requisite and the document that named it, whose URL is its Referer. */
    private record Wanted(Requisite requisite, URI referer) {
    }

    /** One capture's progress against its limits, shared by the threads that fetch its requisites. */
    private static final class Capturing {

        final Instant deadline;
        final AtomicLong used = new AtomicLong();
        final AtomicLong pastTotal = new AtomicLong();
        final AtomicLong pastTime = new AtomicLong();
        int pastCount;

        Capturing(Instant deadline) {
            this.deadline = deadline;
        }

        /** Counts {@code size} bytes against the total, unless they would pass it. */
        boolean take(long size, long total) {
            long before;
            do {
                before = used.get();
                if (before + size > total) {
                    return false;
                }
            } while (!used.compareAndSet(before, before + size));
            return true;
        }

        List<String> limitsHit(Limits limits) {
            List<String> lines = new ArrayList<>();
            if (pastCount > 0) {
                lines.add(pastCount + " requisites left out: the page has more than the requisite count limit ("
                        + limits.count() + ")");
            }
            if (pastTotal.get() > 0) {
                lines.add(pastTotal.get() + " requisites left out: they would pass the total size limit of a capture's requisites ("
                        + Sizes.human(limits.total()) + ")");
            }
            if (pastTime.get() > 0) {
                lines.add(pastTime.get() + " requisites left out: past the time limit for requisites ("
                        + limits.time().toSeconds() + " s)");
            }
            return lines;
        }
    }
}
