package dev.arca.bundle;

import dev.arca.fetch.Capture;
import dev.arca.fetch.ContentDecoder;
import dev.arca.fetch.Exchange;
import dev.arca.fetch.FetchException;
import dev.arca.fetch.Header;
import dev.arca.fetch.MediaTypes;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * The HTML pages (or pages of other chosen media types) of a web archive as {@link Capture}s, one at a time: a WARC (1.0 or 1.1, gzipped
 * or not; ARC through jwarc) or a WACZ (the WARCs under {@code archive/}), from any tool. Each
 * page's response is paired with its request (by {@code WARC-Concurrent-To}, else the last request
 * for its URL), preceded by the redirects that led to it when the archive holds them, and a revisit
 * is resolved to the earlier response with the same payload digest in the same file.
 *
 * <p>It streams: memory holds one page and small bounded maps of recent requests, redirects and
 * digests, whatever the archive's size. A damaged record is told to the {@link Problems} with its
 * file and offset; the pages before it are read, and reading that file (or WACZ member) stops,
 * since nothing after a broken record can be trusted to start where it claims.
 */
public final class WarcCaptures implements Closeable {

    /** Recent requests, redirects and digests remembered; a crawl's pairs are close together. */
    private static final int REMEMBERED = 10_000;

    /**
     * Where a capture came from.
     *
     * @param file     the archive file
     * @param member   the WARC inside a WACZ, or null for a WARC file
     * @param offset   the response (or revisit) record's offset in the WARC
     * @param recordId its WARC-Record-ID, or null for an ARC record, which has none
     */
    public record Provenance(Path file, String member, long offset, String recordId) {
    }

    /** A page and where it came from. */
    public record Found(Capture capture, Provenance provenance) {
    }

    /** What was skipped, and why, for a reader that reports it and goes on. */
    @FunctionalInterface
    public interface Problems {
        void skipped(Path file, String member, long offset, String why);
    }

    /** One WARC: a file, or a member of a WACZ, opened afresh at will (to resolve revisits). */
    private interface Source {
        InputStream open() throws IOException;
    }

    private final Path file;
    private final long maxSize;
    private final Problems problems;
    private final Predicate<String> pages;
    private final ZipFile zip;
    private final Deque<String> members = new ArrayDeque<>();
    private String member;
    private Source source;
    private WarcReader reader;
    private long lastRecord = -1;
    /** Where reading went on after the last damaged record; 0 before any. */
    private long resumedAt;
    private final Map<URI, List<Header>> requestsById = bounded();
    private final Map<String, List<Header>> requestsByTarget = bounded();
    private final Map<String, List<Exchange>> redirectsTo = bounded();
    private final Map<String, Long> responsesByDigest = bounded();

    private WarcCaptures(Path file, long maxSize, Problems problems, Predicate<String> pages, ZipFile zip) {
        this.file = file;
        this.maxSize = maxSize;
        this.problems = problems;
        this.pages = pages;
        this.zip = zip;
    }

    /**
     * The pages of the WARC or WACZ at {@code file}; bodies above {@code maxSize} bytes (on the wire
     * or decoded) are skipped and told to {@code problems}.
     */
    public static WarcCaptures open(Path file, long maxSize, Problems problems) throws IOException {
        return open(file, maxSize, problems, MediaTypes::isHtml);
    }

    /**
     * The same, with the responses whose media type {@code pages} accepts as pages instead of HTML ones
     * (a response without a Content-Type is sniffed).
     */
    public static WarcCaptures open(Path file, long maxSize, Problems problems, Predicate<String> pages) throws IOException {
        if (!isWacz(file)) {
            WarcCaptures captures = new WarcCaptures(file, maxSize, problems, pages, null);
            captures.start(null, () -> Files.newInputStream(file));
            return captures;
        }
        ZipFile zip = ZipFile.builder().setPath(file).get();
        WarcCaptures captures = new WarcCaptures(file, maxSize, problems, pages, zip);
        captures.members.addAll(warcMembers(zip));
        return captures;
    }

    /** Whether {@code file} is read as a WACZ (by its name), else as a WARC or ARC file. */
    static boolean isWacz(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".wacz");
    }

    /** The WARCs of a WACZ, in the order of its ZIP directory. */
    static List<String> warcMembers(ZipFile zip) {
        List<String> names = new ArrayList<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            String entryName = entry.getName();
            if (entryName.startsWith("archive/") && (entryName.endsWith(".warc") || entryName.endsWith(".warc.gz"))) {
                names.add(entryName);
            }
        }
        return names;
    }

    /** The next HTML page, or empty at the end of the archive. */
    public Optional<Found> next() throws IOException {
        while (true) {
            if (reader == null && !nextMember()) {
                return Optional.empty();
            }
            Optional<WarcRecord> record;
            try {
                record = reader.next();
            } catch (IOException | RuntimeException e) {
                damaged(nextRecordOffset(), e);
                continue;
            }
            if (record.isEmpty()) {
                closeReader();
                continue;
            }
            lastRecord = record.get().position();
            try {
                Optional<Found> found = take(record.get());
                if (found.isPresent()) {
                    return found;
                }
            } catch (FetchException | AlteredBlock e) {
                problems.skipped(file, member, record.get().position(), e.getMessage());
            } catch (IOException | RuntimeException e) {
                damaged(record.get().position(), e);
            }
        }
    }

    /**
     * Where the record after the last one read starts, which is where a record that cannot be read
     * is: jwarc tells where a record starts, not where it ends. The start of the last one when even
     * that cannot be told (an ARC record, or one larger than the size limit).
     */
    private long nextRecordOffset() {
        if (lastRecord < 0) {
            return resumedAt;
        }
        try (InputStream in = source.open()) {
            in.skipNBytes(lastRecord);
            return lastRecord + SourceRecord.size(in, maxSize);
        } catch (IOException | RuntimeException e) {
            return lastRecord;
        }
    }

    private Optional<Found> take(WarcRecord record) throws IOException {
        if (record instanceof WarcRequest request) {
            List<Header> headers = headers(request.http().headers());
            requestsById.put(request.id(), headers);
            requestsByTarget.put(request.target(), headers);
            return Optional.empty();
        }
        if (record instanceof WarcResponse response) {
            long offset = response.position();
            response.payloadDigest().ifPresent(d -> responsesByDigest.put(d.prefixedBase32(), offset));
            if (!mayBePage(response.http())) {
                return Optional.empty(); // its body, an image or a video of any size, is never read
            }
            return page(response, exchange(response, response.http(), response.target()), offset);
        }
        if (record instanceof WarcRevisit revisit) {
            return revisited(revisit);
        }
        return Optional.empty();
    }

    /**
     * Whether a response's head leaves it a page, or a redirect to one: what declares another type,
     * or an error status, is passed over unread; what declares no type is sniffed from its body.
     */
    private boolean mayBePage(HttpResponse http) {
        if (http.status() / 100 == 3) {
            return http.headers().first("Location").isPresent();
        }
        if (http.status() / 100 != 2) {
            return false;
        }
        String mediaType = MediaTypes.of(http.headers().first("Content-Type").orElse(null));
        return mediaType == null || pages.test(mediaType);
    }

    /** A response that is a page (2xx HTML) becomes a capture; a redirect is remembered for the page it leads to. */
    private Optional<Found> page(WarcCaptureRecord record, Exchange exchange, long offset) throws IOException {
        if (exchange.isRedirect()) {
            List<Exchange> hops = new ArrayList<>(redirectsTo.getOrDefault(exchange.uri().toString(), List.of()));
            hops.add(exchange);
            try {
                redirectsTo.put(exchange.uri().resolve(exchange.responseHeader("Location").orElseThrow().strip()).toString(), hops);
            } catch (IllegalArgumentException e) {
                // a Location that is no URI leads to no page of this archive
            }
            return Optional.empty();
        }
        String contentType = exchange.responseHeader("Content-Type").orElse(null);
        if (exchange.status() / 100 != 2) {
            return Optional.empty();
        }
        byte[] decoded = new ContentDecoder(maxSize).decode(exchange.body(), exchange.responseHeader("Content-Encoding").orElse(null));
        String mediaType = MediaTypes.of(contentType);
        mediaType = mediaType != null ? mediaType : MediaTypes.sniff(decoded);
        if (mediaType == null || !pages.test(mediaType)) {
            return Optional.empty();
        }
        List<Exchange> hops = new ArrayList<>(redirectsTo.getOrDefault(exchange.uri().toString(), List.of()));
        hops.add(exchange);
        Capture capture = new Capture(hops.get(0).uri(), exchange.uri(), exchange.date(), hops, mediaType, contentType, decoded);
        return Optional.of(new Found(capture, new Provenance(file, member, offset, record.headers().first("WARC-Record-ID").map(WarcCaptures::unbracketed).orElse(null))));
    }

    /** A revisit, as the earlier response with the same payload that this archive holds. */
    private Optional<Found> revisited(WarcRevisit revisit) throws IOException {
        String digest = revisit.payloadDigest().map(d -> d.prefixedBase32()).orElse(null);
        Long original = digest == null ? null : responsesByDigest.get(digest);
        if (original == null) {
            problems.skipped(file, member, revisit.position(), "revisit of " + revisit.target()
                    + ": the record it refers to is not in this archive");
            return Optional.empty();
        }
        try (InputStream in = source.open()) {
            in.skipNBytes(original);
            try (WarcReader earlier = new WarcReader(in)) {
                earlier.calculateBlockDigest();
                Optional<WarcRecord> record = earlier.next();
                if (record.isEmpty() || !(record.get() instanceof WarcResponse response)) {
                    throw new IOException("no response at offset " + original);
                }
                if (!mayBePage(response.http())) {
                    return Optional.empty();
                }
                Exchange body = exchange(response, response.http(), response.target());
                Exchange exchange = new Exchange(URI.create(revisit.target()), revisit.date(), body.ipAddress(), body.protocol(),
                        request(revisit), body.status(), body.responseHeaders(), body.body());
                return page(revisit, exchange, revisit.position());
            }
        }
    }

    private static String unbracketed(String id) {
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }

    private Exchange exchange(WarcCaptureRecord record, HttpResponse http, String target) throws IOException {
        byte[] body;
        try (InputStream in = http.body().stream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize + 1));
        }
        if (body.length > maxSize) {
            throw new FetchException(FetchException.Reason.TOO_LARGE, target + ": the response is larger than "
                    + FetchException.SIZE_LIMIT, FetchException.Setting.MAX_SIZE, null);
        }
        checkBlock(record, target);
        InetAddress address = record.ipAddress().orElse(null);
        return new Exchange(URI.create(target), record.date(), address, http.version().toString(), request(record),
                http.status(), headers(http.headers()), body);
    }

    /**
     * Refuses a record whose block no longer hashes to its {@code WARC-Block-Digest}: bytes changed
     * after it was written (a flipped bit inside a gzip member still inflates, to other text, and
     * jwarc checks a member's length but not its CRC). A record without the header, or with an
     * algorithm this JVM lacks, is taken as it is.
     */
    private static void checkBlock(WarcRecord record, String target) throws IOException {
        Optional<WarcDigest> computed = record.calculatedBlockDigest();
        Optional<WarcDigest> declared = record.blockDigest();
        if (computed.isEmpty() || declared.isEmpty()) {
            return;
        }
        byte[] expected;
        try {
            expected = declared.get().bytes();
        } catch (RuntimeException e) {
            throw new AlteredBlock(target + ": its WARC-Block-Digest cannot be read (" + declared.get().raw() + ")");
        }
        if (!java.util.Arrays.equals(expected, computed.get().bytes())) {
            throw new AlteredBlock(target + ": the record's bytes do not match its WARC-Block-Digest; the record is damaged");
        }
    }

    /** A record whose block fails its digest: skipped and reported, while the records after it are read on. */
    private static final class AlteredBlock extends IOException {
        AlteredBlock(String message) {
            super(message);
        }
    }

    /** The request headers sent for {@code record}: its concurrent request, else the last one for its URL. */
    private List<Header> request(WarcCaptureRecord record) {
        for (URI id : record.concurrentTo()) {
            List<Header> headers = requestsById.get(id);
            if (headers != null) {
                return headers;
            }
        }
        return requestsByTarget.getOrDefault(record.target(), List.of());
    }

    private static List<Header> headers(MessageHeaders headers) {
        List<Header> list = new ArrayList<>();
        headers.map().forEach((name, values) -> values.forEach(value -> list.add(new Header(name, value))));
        return list;
    }

    private boolean nextMember() throws IOException {
        if (zip == null || members.isEmpty()) {
            return false;
        }
        String name = members.poll();
        ZipArchiveEntry entry = zip.getEntry(name);
        start(name, () -> zip.getInputStream(entry));
        return true;
    }

    private void start(String memberName, Source opened) throws IOException {
        this.member = memberName;
        this.source = opened;
        this.reader = new WarcReader(opened.open());
        reader.calculateBlockDigest();
        this.lastRecord = -1;
        this.resumedAt = 0;
    }

    /**
     * Reports the damaged record at {@code offset} and goes on at the next record that parses, in a
     * WARC file; a WARC inside a WACZ is not read past its damage.
     */
    private void damaged(long offset, Exception e) throws IOException {
        closeReader();
        OptionalLong resume = member == null ? Resync.after(file, offset) : OptionalLong.empty();
        problems.skipped(file, member, offset, "damaged record: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + (resume.isPresent() ? "; reading goes on at offset " + resume.getAsLong()
                : "; the rest of " + (member == null ? "the file" : member) + " is not read"));
        if (resume.isPresent()) {
            reader = Resync.readerAt(file, resume.getAsLong());
            reader.calculateBlockDigest();
            resumedAt = resume.getAsLong();
            lastRecord = -1;
        }
    }

    private void closeReader() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    private static <K, V> Map<K, V> bounded() {
        return new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }

    @Override
    public void close() throws IOException {
        closeReader();
        if (zip != null) {
            zip.close();
        }
    }
}
