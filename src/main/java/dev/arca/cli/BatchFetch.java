package dev.arca.cli;

import dev.arca.bundle.BundleSigner;
import dev.arca.bundle.BundleReader;
import dev.arca.extract.Extractor;
import dev.arca.fetch.Capture;
import dev.arca.fetch.FetchException;
import dev.arca.fetch.FetchOptions;
import dev.arca.fetch.Fetcher;
import dev.arca.fetch.HostScheduler;
import dev.arca.fetch.LocalFile;
import dev.arca.fetch.RetryPolicy;
import dev.arca.fetch.RobotsDecision;
import dev.arca.fetch.RobotsRules;
import dev.arca.fetch.UrlNormalizer;
import dev.arca.fetch.WebUrl;
import dev.arca.store.IndexedCapture;
import dev.arca.store.Store;
import dev.arca.store.StoreEntry;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run of {@code arca fetch}. Inputs arrive through {@link #add} on the caller's thread, which
 * waits while enough work is queued, so lists of any length stream through; {@code jobs} workers
 * fetch them politely (one request at a time per host, a delay between two, robots.txt, retries)
 * and archive them. Each input ends as exactly one outcome in the {@link BatchReport}.
 */
final class BatchFetch {

    /**
     * How the batch behaves, from the command line.
     *
     * @param jobs        concurrent fetches overall
     * @param delay       the rest between two requests to one host
     * @param retries     retries of a transient failure
     * @param refetch     fetch URLs already in the store, and keep the new capture only if the article changed
     * @param obeyRobots  check robots.txt before fetching
     */
    record Settings(int jobs, Duration delay, int retries, boolean refetch, boolean obeyRobots, BundleSigner signer) {
    }

    /** Inputs waiting for a worker; enough to keep every host busy, few enough to cost little memory. */
    private static final int QUEUE = 10_000;

    private record Job(String input, URI url, String normalized, StoreEntry previous, int retries) {

        Job retried() {
            return new Job(input, url, normalized, previous, retries + 1);
        }
    }

    /** A page as received, with the warcinfo fields that say how robots.txt was handled. */
    private record Fetched(Capture capture, Map<String, String> warcinfo) {
    }

    private final Settings settings;
    private final Fetcher fetcher;
    private final RobotsRules robots;
    private final RetryPolicy retry;
    private final Store store;
    private final Extractor extractor;
    private final BatchReport report;
    private final HostScheduler<Job> scheduler;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();

    BatchFetch(Settings settings, FetchOptions options, Store store, Extractor extractor, BatchReport report) {
        this.settings = settings;
        this.fetcher = new Fetcher(options);
        this.robots = settings.obeyRobots() ? new RobotsRules(fetcher, options.userAgent()) : null;
        this.retry = RetryPolicy.of(settings.retries());
        this.store = store;
        this.extractor = extractor;
        this.report = report;
        this.scheduler = new HostScheduler<>(settings.delay(), QUEUE);
        for (int i = 0; i < settings.jobs(); i++) {
            Thread worker = new Thread(this::work, "arca-fetch-" + (i + 1));
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Queues a URL given by the user, a list, a feed or a sitemap, unless it is already stored or queued. */
    void add(String input) throws InterruptedException {
        report.queued();
        URI url;
        try {
            url = WebUrl.parse(input);
        } catch (FetchException e) {
            report.done(FetchOutcome.failed(input, e.getMessage()), e);
            return;
        }
        String normalized = UrlNormalizer.normalize(url).toString();
        if (!inProgress.add(normalized)) {
            report.done(FetchOutcome.skipped(input, null));
            return;
        }
        IndexedCapture previous;
        try {
            previous = newest(normalized);
        } catch (IOException e) {
            inProgress.remove(normalized);
            report.done(FetchOutcome.failed(input, ErrorHandler.describe(e)), e);
            return;
        }
        if (previous != null && !settings.refetch()) {
            inProgress.remove(normalized);
            report.done(FetchOutcome.skipped(input, previous));
            return;
        }
        scheduler.submit(url.getHost(), new Job(input, url, normalized, previous == null ? null : previous.entry(), 0));
    }

    /** The newest stored capture of the page at {@code normalized}, or null. */
    private IndexedCapture newest(String normalized) throws IOException {
        List<IndexedCapture> snapshots = store.snapshots(normalized, report::unreadable);
        return snapshots.isEmpty() ? null : snapshots.get(0);
    }

    /**
     * Archives a saved page at once, on the caller's thread: no host to be polite to. With its
     * original URL, it is skipped like a fetched page when that URL is stored already.
     */
    void addFile(String input, Path file, URI originalUrl, long maxSize) {
        report.queued();
        String normalized = originalUrl == null ? null : UrlNormalizer.normalize(originalUrl).toString();
        if (normalized != null && !inProgress.add(normalized)) {
            report.done(FetchOutcome.skipped(input, null));
            return;
        }
        try {
            IndexedCapture previous = normalized == null ? null : newest(normalized);
            if (previous != null && !settings.refetch()) {
                report.done(FetchOutcome.skipped(input, previous));
                return;
            }
            StoreEntry previousEntry = previous == null ? null : previous.entry();
            Capture capture = LocalFile.read(file, originalUrl, maxSize);
            Archiver.Archived archived = new Archiver(extractor, store, settings.signer()).archive(capture, Map.of(), previousHash(previousEntry));
            report.done(outcome(input, capture.url().toString(), archived, previousEntry));
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            report.done(FetchOutcome.failed(input, ErrorHandler.describe(e)), e);
        } finally {
            if (normalized != null) {
                inProgress.remove(normalized);
            }
        }
    }

    /** Says on stderr, unless --quiet, what the batch decided about an input, e.g. which feed a page links to. */
    void note(String message) {
        report.note(message);
    }

    /** Archived as a new capture (with its derived steps' warnings), or unchanged since {@code previous}. */
    private static FetchOutcome outcome(String input, String finalUrl, Archiver.Archived archived, StoreEntry previous) {
        String title = archived.article().title();
        return archived.stored()
                ? FetchOutcome.archived(input, finalUrl, archived.entry(), title, archived.warnings())
                : FetchOutcome.stored(input, finalUrl, FetchOutcome.UNCHANGED, previous, title);
    }

    /** Reports an input that failed before it could be queued, such as a feed that did not parse. */
    void fail(String input, String error, Throwable cause) {
        report.queued();
        report.done(FetchOutcome.failed(input, error), cause);
    }

    /**
     * Fetches a document that lists URLs, a feed or a sitemap, on the caller's thread: it waits its
     * turn for the host like any request and retries transient failures, but is not subject to
     * robots.txt, since the user named it.
     */
    Capture fetchDocument(URI url) throws FetchException, InterruptedException {
        for (int retries = 0; ; retries++) {
            HostScheduler.Lease<Job> lease = scheduler.reserve(url.getHost());
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

    /** No more inputs: waits until every queued one is done. */
    void finish() throws InterruptedException {
        scheduler.close();
        for (Thread worker : workers) {
            worker.join();
        }
    }

    private void work() {
        Archiver archiver = new Archiver(extractor, store, settings.signer());
        try {
            HostScheduler.Lease<Job> lease;
            while ((lease = scheduler.take()) != null) {
                fetchAndArchive(lease, archiver);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fetchAndArchive(HostScheduler.Lease<Job> lease, Archiver archiver) {
        Job job = lease.item();
        if (report.stopped()) {
            scheduler.finish(lease, false); // stdout failed: drain the queue without fetching
            inProgress.remove(job.normalized());
            return;
        }
        report.started(job.input());
        Fetched fetched;
        try {
            fetched = fetch(job);
        } catch (FetchException e) {
            failed(lease, e);
            return;
        } catch (RuntimeException e) {
            scheduler.finish(lease, true); // a lease never finished would stall the batch
            inProgress.remove(job.normalized());
            report.done(FetchOutcome.failed(job.input(), ErrorHandler.describe(e)), e);
            return;
        }
        scheduler.finish(lease, true); // the host may serve the next request while this page is archived
        archive(job, fetched, archiver);
    }

    /**
     * The page as received. On the first visit to a site its robots.txt is read first, in the same
     * turn: a small prerequisite of the page rather than a request that earns a delay of its own.
     */
    private Fetched fetch(Job job) throws FetchException {
        if (robots == null) {
            return new Fetched(fetcher.fetch(job.url()), Map.of("robots", "ignore"));
        }
        Optional<RobotsDecision> known = robots.decide(job.url());
        if (known.isEmpty()) {
            try {
                robots.load(job.url());
            } catch (FetchException e) {
                // a host that cannot be reached fails the page the same way: name robots.txt only
                // when the server answered it badly
                throw isTransport(e) ? e : e.about("robots.txt");
            }
            known = robots.decide(job.url());
        }
        RobotsDecision decision = known.orElseThrow().requireAllowed();
        Map<String, String> warcinfo = new LinkedHashMap<>();
        warcinfo.put("robots", "obey");
        warcinfo.put("robots-txt", decision.robotsUrl() + " (" + decision.basis() + ") allows this URL");
        return new Fetched(fetcher.fetch(job.url()), warcinfo);
    }

    private static boolean isTransport(FetchException e) {
        return switch (e.reason()) {
            case DNS, CONNECT, TLS, TIMEOUT, PROTOCOL -> true;
            default -> false;
        };
    }

    private void failed(HostScheduler.Lease<Job> lease, FetchException e) {
        Job job = lease.item();
        Optional<Duration> wait = retry.waitBeforeRetry(e, job.retries());
        if (wait.isPresent()) {
            scheduler.retry(lease, job.retried(), wait.get());
            return;
        }
        boolean requested = e.reason() != FetchException.Reason.BLOCKED;
        scheduler.finish(lease, requested);
        inProgress.remove(job.normalized());
        String message = e.getMessage() + retry.whyFinal(e, job.retries());
        report.done(e.reason() == FetchException.Reason.BLOCKED
                ? FetchOutcome.blocked(job.input(), message) : FetchOutcome.failed(job.input(), message), e);
    }

    private void archive(Job job, Fetched fetched, Archiver archiver) {
        Capture capture = fetched.capture();
        String finalUrl = capture.url().toString();
        try {
            Archiver.Archived archived = archiver.archive(capture, fetched.warcinfo(), previousHash(job.previous()));
            report.done(outcome(job.input(), finalUrl, archived, job.previous()));
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            report.done(FetchOutcome.failed(job.input(), ErrorHandler.describe(e)), e);
        } finally {
            inProgress.remove(job.normalized());
        }
    }

    /** The content hash of the newest earlier capture, or null when there is none or it cannot be read. */
    private String previousHash(StoreEntry previous) {
        if (previous == null) {
            return null;
        }
        try (BundleReader reader = BundleReader.open(previous.bundle())) {
            return reader.info().contentHash();
        } catch (IOException e) {
            report.unreadable(previous, e);
            return null;
        }
    }
}
