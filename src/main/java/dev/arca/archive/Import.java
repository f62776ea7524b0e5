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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Imports the pages of other tools' web archives (WARC 1.0 or 1.1, gzipped or not, ARC, WACZ) into
 * the store, one bundle per page: the page's requests, redirects and response, and the resources it
 * needs that the same archive holds, copied as they are (see {@link SourceRecord}), with where each
 * came from in the bundle's warcinfo record.
 *
 * <p>Two passes per archive: {@link ArchiveIndex} notes where every record is, then
 * {@link WarcCaptures} reads the pages one at a time; memory holds one page and its records. A
 * damaged record is told to the listener and skipped; a page that cannot be stored is one failed
 * outcome and the next page is read.
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
     */
    public record Settings(Predicate<String> urls, Predicate<String> mediaTypes, Instant from, Instant to, boolean force,
                           long maxSize) {
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
    private final Archiver archiver;
    private final Listener listener;
    private final Function<Throwable, String> describe;

    /**
     * @param stored   what is stored already, to compare each page's article with
     * @param describe a failure in one line for its outcome
     */
    public Import(Settings settings, StoredPages stored, Archiver archiver, Listener listener,
                  Function<Throwable, String> describe) {
        this.settings = settings;
        this.stored = stored;
        this.archiver = archiver;
        this.listener = listener;
        this.describe = describe;
    }

    /** Imports every page of the archive at {@code file}. */
    public void file(Path file) throws IOException {
        listener.started(file);
        try (ArchiveIndex index = ArchiveIndex.build(file, settings.maxSize());
             WarcCaptures pages = WarcCaptures.open(file, settings.maxSize(), listener::skipped, settings.mediaTypes())) {
            if (index.full()) {
                listener.note(file + ": more than " + ArchiveIndex.MAX_ENTRIES
                        + " records; resources and redirects of the records after that are not copied");
            }
            for (Optional<Found> found = pages.next(); found.isPresent() && !listener.stopped(); found = pages.next()) {
                page(file, index, found.get());
            }
        }
    }

    private void page(Path file, ArchiveIndex index, Found found) {
        Capture capture = found.capture();
        Provenance where = found.provenance();
        String url = capture.url().toString();
        if (!selected(capture)) {
            listener.filtered(url);
            return;
        }
        try {
            Located page = index.at(where.member(), where.offset());
            List<Located> records = records(index, capture, page);
            String previous = settings.force() ? null
                    : stored.newest(UrlNormalizer.normalize(capture.requested()).toString(), listener::unreadable)
                    .map(newest -> StoredPage.contentHash(newest.entry(), listener::unreadable)).orElse(null);
            Archiver.Archived archived = archiver.archiveCopied(capture, records.stream().map(Located::record).toList(),
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
    private List<Located> records(ArchiveIndex index, Capture capture, Located page) throws IOException {
        Map<String, Located> records = new LinkedHashMap<>();
        List<Exchange> hops = capture.exchanges();
        for (Exchange hop : hops.subList(0, Math.max(0, hops.size() - 1))) {
            add(records, index, index.request(hop.uri().toString()));
            add(records, index, index.response(hop.uri().toString()));
        }
        add(records, index, index.request(capture.url().toString()));
        add(records, index, Optional.of(page));
        for (String url : resources(capture)) {
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
    private List<String> resources(Capture capture) {
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
