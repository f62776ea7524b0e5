package dev.arca.archive;

import dev.arca.browser.BrowserCapture;
import dev.arca.fetch.Capture;
import dev.arca.fetch.Recording;
import dev.arca.fetch.FetchException;
import dev.arca.fetch.FetchOptions;
import dev.arca.fetch.LocalFile;
import dev.arca.fetch.PoliteFetcher;
import dev.arca.fetch.UrlNormalizer;
import dev.arca.fetch.WebUrl;
import dev.arca.store.StoreEntry;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A polite crawl of many pages into the store ({@code arca fetch}). Inputs arrive through
 * {@link #add} on the caller's thread, which waits while enough work is queued, so lists of any
 * length stream through; {@code jobs} workers fetch them politely (see {@link PoliteFetcher}) and
 * archive them, each with its own {@link Archiver}. Each input ends as exactly one
 * {@link FetchOutcome} told to the {@link CrawlListener}.
 */
public final class Crawl {

    /**
     * How the crawl behaves.
     *
     * @param jobs       concurrent fetches overall
     * @param politeness the rest between two requests to one host, retries, robots.txt
     * @param refetch    fetch URLs already in the store, and keep the new capture only if the article changed
     */
    public record Settings(int jobs, PoliteFetcher.Politeness politeness, boolean refetch) {
    }

    /** Inputs waiting for a worker; enough to keep every host busy, few enough to cost little memory. */
    private static final int QUEUE = 10_000;

    private record Job(String input, String normalized, StoreEntry previous) {
    }

    private final Settings settings;
    private final Browsing browsing;
    private final PoliteFetcher<Job> fetcher;
    private final StoredPages stored;
    private final Supplier<Archiver> archivers;
    private final CrawlListener listener;
    private final Function<Throwable, String> describe;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();

    /**
     * Starts the workers.
     *
     * @param stored    what is stored already, to skip (or, with refetch, compare with)
     * @param archivers makes one {@link Archiver} per worker
     * @param describe  a failure in one line for its outcome; the command line adds the flag that changes it
     */
    public Crawl(Settings settings, FetchOptions options, StoredPages stored, Supplier<Archiver> archivers,
                 CrawlListener listener, Function<Throwable, String> describe) {
        this(settings, options, Browsing.NONE, stored, archivers, listener, describe);
    }

    /** A crawl that captures pages in the browser too, as {@code browsing} decides; the caller closes it. */
    public Crawl(Settings settings, FetchOptions options, Browsing browsing, StoredPages stored,
                 Supplier<Archiver> archivers, CrawlListener listener, Function<Throwable, String> describe) {
        this.settings = settings;
        this.browsing = browsing;
        this.fetcher = new PoliteFetcher<>(options, settings.politeness(), QUEUE);
        this.stored = stored;
        this.archivers = archivers;
        this.listener = listener;
        this.describe = describe;
        for (int i = 0; i < settings.jobs(); i++) {
            Thread worker = new Thread(this::work, "arca-fetch-" + (i + 1));
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Queues a URL given by the user, a list, a feed or a sitemap, unless it is already stored or queued. */
    public void add(String input) throws InterruptedException {
        listener.queued();
        URI url;
        try {
            url = WebUrl.parse(input);
        } catch (FetchException e) {
            listener.done(FetchOutcome.failed(input, describe.apply(e)), e);
            return;
        }
        String normalized = UrlNormalizer.normalize(url).toString();
        if (!inProgress.add(normalized)) {
            listener.done(FetchOutcome.skipped(input, null), null);
            return;
        }
        Optional<StoredPage> previous;
        try {
            previous = stored.newest(normalized, listener::unreadable);
        } catch (IOException e) {
            inProgress.remove(normalized);
            listener.done(FetchOutcome.failed(input, describe.apply(e)), e);
            return;
        }
        if (previous.isPresent() && !settings.refetch()) {
            inProgress.remove(normalized);
            listener.done(FetchOutcome.skipped(input, previous.get()), null);
            return;
        }
        fetcher.submit(url, new Job(input, normalized, previous.map(StoredPage::entry).orElse(null)));
    }

    /**
     * Archives a saved page at once, on the caller's thread: no host to be polite to. With its
     * original URL, it is skipped like a fetched page when that URL is stored already.
     */
    public void addFile(String input, Path file, URI originalUrl, long maxSize) {
        listener.queued();
        String normalized = originalUrl == null ? null : UrlNormalizer.normalize(originalUrl).toString();
        if (normalized != null && !inProgress.add(normalized)) {
            listener.done(FetchOutcome.skipped(input, null), null);
            return;
        }
        try {
            Optional<StoredPage> previous = normalized == null ? Optional.empty() : stored.newest(normalized, listener::unreadable);
            if (previous.isPresent() && !settings.refetch()) {
                listener.done(FetchOutcome.skipped(input, previous.get()), null);
                return;
            }
            StoreEntry previousEntry = previous.map(StoredPage::entry).orElse(null);
            Capture capture = LocalFile.read(file, originalUrl, maxSize);
            Archiver.Archived archived = archivers.get().archive(capture, Map.of(), previousHash(previousEntry));
            listener.done(outcome(input, capture.url().toString(), archived, previousEntry), null);
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            listener.done(FetchOutcome.failed(input, describe.apply(e)), e);
        } finally {
            if (normalized != null) {
                inProgress.remove(normalized);
            }
        }
    }

    /** Tells the listener what the crawl decided about an input, e.g. which feed a page links to. */
    void note(String message) {
        listener.note(message);
    }

    /** Archived as a new capture (with its derived steps' warnings), or unchanged since {@code previous}. */
    private static FetchOutcome outcome(String input, String finalUrl, Archiver.Archived archived, StoreEntry previous) {
        String title = archived.article().title();
        return archived.stored()
                ? FetchOutcome.archived(input, finalUrl, archived.entry(), title, archived.warnings())
                : FetchOutcome.stored(input, finalUrl, FetchOutcome.UNCHANGED, previous, title);
    }

    /** Reports an input that failed before it could be queued, such as a feed that did not parse. */
    public void fail(String input, String error, Throwable cause) {
        listener.queued();
        listener.done(FetchOutcome.failed(input, error), cause);
    }

    /** The one-line words for {@code failure}, as outcomes give them. */
    String describe(Throwable failure) {
        return describe.apply(failure);
    }

    /** Fetches a document that lists URLs, a feed or a sitemap: see {@link PoliteFetcher#fetchDocument}. */
    Capture fetchDocument(URI url) throws FetchException, InterruptedException {
        return fetcher.fetchDocument(url);
    }

    /** No more inputs: waits until every queued one is done. */
    public void finish() throws InterruptedException {
        fetcher.close();
        for (Thread worker : workers) {
            worker.join();
        }
    }

    private void work() {
        Archiver archiver = archivers.get();
        try {
            PoliteFetcher.Turn<Job> turn;
            while ((turn = fetcher.take()) != null) {
                fetchAndArchive(turn, archiver);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A page fetched in its turn, statically or by the browser, with what the browser recorded of it. */
    private record Fetched(Capture capture, Recording recording, Map<String, String> warcinfo) {
    }

    private void fetchAndArchive(PoliteFetcher.Turn<Job> turn, Archiver archiver) {
        Job job = turn.item();
        if (listener.stopped()) {
            fetcher.skip(turn); // the listener can tell nothing more: drain the queue without fetching
            inProgress.remove(job.normalized());
            return;
        }
        listener.started(job.input());
        Optional<Fetched> page;
        try {
            page = fetch(turn);
        } catch (FetchException e) {
            inProgress.remove(job.normalized());
            String message = describe.apply(e) + fetcher.whyFinal(turn, e);
            listener.done(e.reason() == FetchException.Reason.BLOCKED
                    ? FetchOutcome.blocked(job.input(), message) : FetchOutcome.failed(job.input(), message), e);
            return;
        } catch (IOException e) {
            inProgress.remove(job.normalized());
            listener.done(FetchOutcome.failed(job.input(), "the browser: " + e.getMessage()), e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inProgress.remove(job.normalized());
            listener.done(FetchOutcome.failed(job.input(), "interrupted"), e);
            return;
        } catch (RuntimeException e) {
            inProgress.remove(job.normalized());
            listener.done(FetchOutcome.failed(job.input(), describe.apply(e)), e);
            return;
        }
        if (page.isPresent()) {
            archive(job, page.get(), archiver);
        }
    }

    /**
     * The turn's page: loaded by the browser itself when it captures every page (robots.txt, the
     * host's turn and retries apply to it as to the static fetch), else fetched statically.
     */
    private Optional<Fetched> fetch(PoliteFetcher.Turn<Job> turn) throws IOException, InterruptedException {
        if (browsing.fetchesPages()) {
            return fetcher.fetch(turn, browsing::capture)
                    .map(p -> new Fetched(p.capture().capture(), p.capture().recording(), p.warcinfo()));
        }
        return fetcher.fetch(turn).map(p -> new Fetched(p.capture(), Recording.NONE, p.warcinfo()));
    }

    private void archive(Job job, Fetched page, Archiver archiver) {
        Capture capture = page.capture();
        Recording recording = page.recording();
        try {
            Archiver.Judged extracted = browsing.judge(capture, archiver); // kept for the archiver when the page stays static
            if (browsing.wants(capture, extracted)) {
                try {
                    BrowserCapture rendered = browsing.capture(capture);
                    capture = rendered.capture();
                    recording = rendered.recording();
                    extracted = null; // the rendered DOM is extracted anew
                } catch (IOException e) {
                    // capture first: the static capture is archived, with why the browser's is not
                    recording = new Recording(List.of(), List.of("the browser could not capture the page ("
                            + e.getMessage() + "); the page was archived as served"));
                }
            }
            Archiver.Archived archived = archiver.archive(capture, recording, extracted, page.warcinfo(),
                    previousHash(job.previous()));
            listener.done(outcome(job.input(), capture.url().toString(), archived, job.previous()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.done(FetchOutcome.failed(job.input(), "interrupted"), e);
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            listener.done(FetchOutcome.failed(job.input(), describe.apply(e)), e);
        } finally {
            inProgress.remove(job.normalized());
        }
    }

    /** The content hash of the newest earlier capture, or null when there is none or it cannot be read. */
    private String previousHash(StoreEntry previous) {
        return StoredPage.contentHash(previous, listener::unreadable);
    }
}
