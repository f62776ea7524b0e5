package dev.arca.archive;

import dev.arca.bundle.ArchiveIndex;
import dev.arca.bundle.ArchiveIndex.Located;
import dev.arca.bundle.SourceRecord;
import dev.arca.bundle.WarcCaptures;
import dev.arca.bundle.WarcCaptures.Found;
import dev.arca.bundle.WarcCaptures.Provenance;
import dev.arca.fetch.Capture;
import dev.arca.fetch.Exchange;
import dev.arca.fetch.Requisite;
import dev.arca.fetch.RequisiteLevel;
import dev.arca.fetch.Requisites;
import dev.arca.fetch.UrlNormalizer;
import dev.arca.store.StoreEntry;
import org.netpreserve.jwarc.WarcDigest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Imports the pages of other tools' web archives (WARC 1.0 or 1.1, gzipped or not, ARC, WACZ) into
 * the store, one bundle per page: the page's requests, redirects and response, and the resources it
 * needs that the same archive holds, copied as they are (see {@link SourceRecord}), with where each
 * came from in the bundle's warcinfo record.
 *
 * <p>Two passes per archive: {@link ArchiveIndex} notes where every record is, then
 * {@link WarcCaptures} reads the pages one at a time and {@code jobs} threads extract and store
 * them; memory holds at most two pages a thread, and their records. What each page tells the
 * listener is told in the archive's order, and two pages of one URL are stored one after the
 * other, so that the later is compared with the earlier. A damaged record is told to the listener
 * and skipped; a page that cannot be stored is one failed outcome and the next page is read.
 */
public final class Import {

    /** At most this many resources are looked up for one page. */
    static final int MAX_RESOURCES = 500;

    /**
     * Which pages to import, and how.
     *
     * @param urls       accepts the URLs of the pages to import (the final URL or the one first requested)
     * @param mediaTypes accepts the media types of the pages to import
     * @param from       the first capture time imported, or null
     * @param to         the first capture time after those imported, or null
     * @param force      import a page even when the store's newest capture of its URL has the same article
     * @param maxSize    the largest record block read, in bytes
     * @param jobs       how many pages are extracted and stored at a time, at least 1
     */
    public record Settings(Predicate<String> urls, Predicate<String> mediaTypes, Instant from, Instant to, boolean force,
                           long maxSize, int jobs) {
    }

    /** What an import tells as it goes, for a front end to show. */
    public interface Listener {

        /** Reading {@code file} begins. */
        void started(Path file);

        /** The outcome of one page; {@code cause} is the exception behind a failure, or null. */
        void done(ImportOutcome outcome, Throwable cause);

        /** A page that the settings leave out. */
        void filtered(String url);

        /** A record skipped: damaged, too large, or a revisit of a record the archive does not hold. */
        void skipped(Path file, String member, long offset, String why);

        /** Something the import decided, e.g. that a page's resources could not be listed. */
        void note(String message);

        /** A stored bundle that could not be read while looking for the page's earlier capture. */
        void unreadable(StoreEntry entry, IOException failure);

        /** True when the listener can no longer tell anything: the import stops. */
        boolean stopped();
    }

    private final Settings settings;
    private final StoredPages stored;
    private final ThreadLocal<Archiver> archivers;
    private final Listener listener;
    private final Function<Throwable, String> describe;

    /**
     * @param stored    what is stored already, to compare each page's article with
     * @param archivers one archiver for each thread that stores pages
     * @param describe  a failure in one line for its outcome
     */
    public Import(Settings settings, StoredPages stored, Supplier<Archiver> archivers, Listener listener,
                  Function<Throwable, String> describe) {
        this.settings = settings;
        this.stored = stored;
        this.archivers = ThreadLocal.withInitial(archivers);
        this.listener = listener;
        this.describe = describe;
    }

    /** A page being imported on a worker thread, by its normalized URL, and what it will tell the listener. */
    private record Pending(String url, Future<Told> told) {
    }

    /** What one page told, held until the pages before it have told theirs. */
    private static final class Told implements Listener {
        private final List<Consumer<Listener>> calls = new ArrayList<>();

        void replay(Listener to) {
            calls.forEach(call -> call.accept(to));
        }

        @Override
        public void started(Path file) {
            calls.add(l -> l.started(file));
        }

        @Override
        public void done(ImportOutcome outcome, Throwable cause) {
            calls.add(l -> l.done(outcome, cause));
        }

        @Override
        public void filtered(String url) {
            calls.add(l -> l.filtered(url));
        }

        @Override
        public void skipped(Path file, String member, long offset, String why) {
            calls.add(l -> l.skipped(file, member, offset, why));
        }

        @Override
        public void note(String message) {
            calls.add(l -> l.note(message));
        }

        @Override
        public void unreadable(StoreEntry entry, IOException failure) {
            calls.add(l -> l.unreadable(entry, failure));
        }

        @Override
        public boolean stopped() {
            return false;
        }
    }

    /** Imports every page of the archive at {@code file}. */
    public void file(Path file) throws IOException {
        listener.started(file);
        Deque<Pending> pending = new ArrayDeque<>();
        // a damaged record is told after the pages before it
        WarcCaptures.Problems problems = (f, member, offset, why) -> {
            while (!pending.isEmpty()) {
                tell(pending.poll());
            }
            listener.skipped(f, member, offset, why);
        };
        try (ArchiveIndex index = ArchiveIndex.build(file, settings.maxSize());
             WarcCaptures pages = WarcCaptures.open(file, settings.maxSize(), problems, settings.mediaTypes())) {
            if (index.full()) {
                listener.note(file + ": more than " + ArchiveIndex.MAX_ENTRIES
                        + " records; resources and redirects of the records after that are not copied");
            }
            if (settings.jobs() == 1) {
                for (Optional<Found> found = pages.next(); found.isPresent() && !listener.stopped(); found = pages.next()) {
                    page(file, index, found.get(), listener);
                }
            } else {
                inParallel(file, index, pages, pending);
            }
        }
    }

    /** The pages on {@code jobs} threads while this one reads the archive, told in the archive's order. */
    private void inParallel(Path file, ArchiveIndex index, WarcCaptures pages, Deque<Pending> pending) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(settings.jobs(), r -> {
            Thread t = new Thread(r, "import");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Optional<Found> found = pages.next(); found.isPresent() && !listener.stopped(); found = pages.next()) {
                Found page = found.get();
                String url = UrlNormalizer.normalize(page.capture().requested()).toString();
                while (pending.size() >= 2 * settings.jobs() || pending.stream().anyMatch(p -> p.url().equals(url))) {
                    tell(pending.poll());
                }
                pending.add(new Pending(url, pool.submit(() -> {
                    Told told = new Told();
                    page(file, index, page, told);
                    return told;
                })));
            }
            // every page submitted is told, as one page at a time would tell it, even to a listener that stopped
            while (!pending.isEmpty()) {
                tell(pending.poll());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void tell(Pending page) {
        try {
            page.told().get().replay(listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing " + page.url(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void page(Path file, ArchiveIndex index, Found found, Listener listener) {
        Capture capture = found.capture();
        Provenance where = found.provenance();
        String url = capture.url().toString();
        if (!selected(capture)) {
            listener.filtered(url);
            return;
        }
        try {
            Located page = index.at(where.member(), where.offset());
            List<Located> records = records(index, capture, page, listener);
            String previous = settings.force() ? null
                    : stored.newest(UrlNormalizer.normalize(capture.requested()).toString(), listener::unreadable)
                    .map(newest -> StoredPage.contentHash(newest.entry(), listener::unreadable)).orElse(null);
            Archiver.Archived archived = archivers.get().archiveCopied(capture, records.stream().map(Located::record).toList(),
                    URI.create(page.id().replaceAll("^<|>$", "")), provenance(file, records), previous);
            String source = file.toAbsolutePath().toString();
            listener.done(archived.stored()
                    ? new ImportOutcome(ImportOutcome.IMPORTED, url, archived.entry().id(), archived.article().title(),
                    archived.entry().bundle().toString(), source, where.member(), where.offset(), null, archived.warnings())
                    : new ImportOutcome(ImportOutcome.UNCHANGED, url, null, archived.article().title(), null, source,
                    where.member(), where.offset(), null, List.of()), null);
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            listener.done(new ImportOutcome(ImportOutcome.FAILED, url, null, null, null, file.toAbsolutePath().toString(),
                    where.member(), where.offset(), describe.apply(e), List.of()), e);
        }
    }

    private boolean selected(Capture capture) {
        Instant date = capture.date();
        return (settings.urls().test(capture.url().toString()) || settings.urls().test(capture.requested().toString()))
                && (settings.from() == null || !date.isBefore(settings.from()))
                && (settings.to() == null || date.isBefore(settings.to()));
    }

    /**
     * The records of one page, each once, in the order a bundle holds them: every hop's request and
     * response, the page's, then its resources. A revisit comes after the response it revisits.
     */
    private List<Located> records(ArchiveIndex index, Capture capture, Located page, Listener listener) throws IOException {
        Map<String, Located> records = new LinkedHashMap<>();
        List<Exchange> hops = capture.exchanges();
        for (Exchange hop : hops.subList(0, Math.max(0, hops.size() - 1))) {
            add(records, index, index.request(hop.uri().toString()));
            add(records, index, index.response(hop.uri().toString()));
        }
        add(records, index, index.request(capture.url().toString()));
        add(records, index, Optional.of(page));
        for (String url : resources(capture, listener)) {
            try {
                add(records, index, index.response(url));
            } catch (IOException e) {
                listener.note(capture.url() + ": resource " + url + " not copied: " + describe.apply(e));
            }
        }
        return new ArrayList<>(records.values());
    }

    /** Adds a record, preceded by the response it revisits when it is a revisit. */
    private static void add(Map<String, Located> records, ArchiveIndex index, Optional<Located> found) throws IOException {
        if (found.isEmpty()) {
            return;
        }
        Located record = found.get();
        if (record.type().equals("revisit")) {
            Optional<String> digest = record.record().header("WARC-Payload-Digest");
            if (digest.isPresent()) {
                add(records, index, index.original(new WarcDigest(digest.get()).prefixedBase32()));
            }
        }
        records.putIfAbsent(record.member() + "@" + record.offset(), record);
    }

    /** The URLs of the page's stylesheets, images, scripts and fonts; none when the page cannot be read for them. */
    private List<String> resources(Capture capture, Listener listener) {
        try {
            return Requisites.ofPage(capture.body(), capture.contentType(), capture.url().toString(), RequisiteLevel.PAGE,
                    MAX_RESOURCES).requisites().stream().map(Requisite::url).toList();
        } catch (RuntimeException | StackOverflowError e) {
            listener.note(capture.url() + ": its resources could not be listed (" + describe.apply(e) + "); the page is imported without them");
            return List.of();
        }
    }

    /** The warcinfo fields of provenance: the source file, and each copied record's ID and offset in it. */
    private static List<Map.Entry<String, String>> provenance(Path file, List<Located> records) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("source-file", file.toAbsolutePath().toString()));
        for (Located record : records) {
            String id = record.record().converted() ? "(ARC record, converted to WARC/1.1)" : record.id();
            String member = record.member() == null ? "" : " in " + record.member();
            fields.add(Map.entry("source-record", id + " at offset " + record.offset() + member));
        }
        return fields;
    }
}
