package dev.arca.bundle;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Where the records of one web archive (a WARC or ARC file, or the WARCs of a WACZ) are, by URL and
 * by payload digest, so that an import can copy a page's requests, redirects and resources from
 * the same archive: a first pass reads every record's headers and notes its offset.
 *
 * <p>Bounded: the index is a table of 64-bit key hashes and offsets, 16 bytes an entry, that stops
 * growing at {@link #MAX_ENTRIES}; {@link #full()} tells when records were left out. A record found
 * is read again from the archive and its URL compared, so that two keys with one hash cannot mix.
 */
public final class ArchiveIndex implements Closeable {

    /** At most this many records are indexed (a table of about 34 MB). */
    public static final int MAX_ENTRIES = 3 << 19;

    /** One record copied from the archive and where it was. */
    public record Located(SourceRecord record, String member, long offset) {

        public String id() {
            return record.header("WARC-Record-ID").orElse("");
        }

        public String type() {
            return record.header("WARC-Type").orElse("response");
        }
    }

    private static final char RESPONSE = 'R';
    private static final char REQUEST = 'Q';
    private static final char DIGEST = 'D';

    private final Path file;
    private final ZipFile zip;
    private final List<String> members;
    private final long maxSize;
    private final OffsetTable table = new OffsetTable(MAX_ENTRIES);

    private ArchiveIndex(Path file, ZipFile zip, List<String> members, long maxSize) {
        this.file = file;
        this.zip = zip;
        this.members = members;
        this.maxSize = maxSize;
    }

    /**
     * Indexes the archive at {@code file}. A damaged record is passed over quietly: reading the pages
     * ({@link WarcCaptures}) reports it, with its offset.
     */
    public static ArchiveIndex build(Path file, long maxSize) throws IOException {
        ArchiveIndex index;
        if (WarcCaptures.isWacz(file)) {
            ZipFile zip = ZipFile.builder().setPath(file).get();
            index = new ArchiveIndex(file, zip, WarcCaptures.warcMembers(zip), maxSize);
        } else {
            index = new ArchiveIndex(file, null, List.of(""), maxSize);
        }
        for (int m = 0; m < index.members.size(); m++) {
            index.scan(m);
        }
        return index;
    }

    /** Indexes one WARC; in a WARC file, past any damaged record to the next one that parses ({@link Resync}). */
    private void scan(int member) throws IOException {
        for (long from = 0; from >= 0; ) {
            from = scanFrom(member, from);
        }
    }

    /** Indexes from {@code from} on; where to go on after a damaged record, or -1 at the end. */
    private long scanFrom(int member, long from) throws IOException {
        long last = from;
        try (WarcReader reader = zip == null ? Resync.readerAt(file, from) : new WarcReader(open(member, 0))) {
            for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                WarcRecord record = next.get();
                last = record.position();
                long where = ((long) member << 48) | record.position();
                if (record instanceof WarcRequest request) {
                    table.put(key(REQUEST, request.target()), where);
                } else if (record instanceof WarcResponse || record instanceof WarcResource || record instanceof WarcRevisit) {
                    WarcCaptureRecord capture = (WarcCaptureRecord) record;
                    table.put(key(RESPONSE, capture.target()), where);
                    if (!(record instanceof WarcRevisit)) {
                        capture.payloadDigest().ifPresent(d -> table.putIfAbsent(key(DIGEST, d.prefixedBase32()), where));
                    }
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            // the pages' reader reports the damage where it is; what came before stays indexed
            return zip == null ? Resync.after(file, last).orElse(-1) : -1;
        }
    }

    /** True when the archive had more records than the index holds: some resources may not be found. */
    public boolean full() {
        return table.full();
    }

    /** The last response, resource or revisit for {@code url}. */
    public Optional<Located> response(String url) throws IOException {
        return find(key(RESPONSE, url), url);
    }

    /** The last request for {@code url}. */
    public Optional<Located> request(String url) throws IOException {
        return find(key(REQUEST, url), url);
    }

    /** The first response or resource whose payload has the digest {@code prefixedBase32} (as jwarc writes it). */
    public Optional<Located> original(String prefixedBase32) throws IOException {
        return find(key(DIGEST, prefixedBase32), null);
    }

    /**
     * The record at {@code offset} of {@code member} (null for a WARC file). Threads may look records
     * up at once: each reads a WARC file through a channel of its own, and a WACZ's members one at a time.
     */
    public Located at(String member, long offset) throws IOException {
        if (zip == null) {
            return read(null, 0, offset);
        }
        synchronized (zip) {
            return read(member, members.indexOf(member), offset);
        }
    }

    private Located read(String member, int m, long offset) throws IOException {
        try (InputStream in = open(m, offset)) {
            return new Located(SourceRecord.read(in, maxSize), member, offset);
        }
    }

    private Optional<Located> find(long key, String url) throws IOException {
        long where = table.get(key);
        if (where < 0) {
            return Optional.empty();
        }
        int m = (int) (where >>> 48);
        Located found = at(zip == null ? null : members.get(m), where & ((1L << 48) - 1));
        String target = found.record().header("WARC-Target-URI").map(ArchiveIndex::unbracketed).orElse(null);
        return url == null || url.equals(target) ? Optional.of(found) : Optional.empty();
    }

    private static String unbracketed(String uri) {
        return uri.startsWith("<") && uri.endsWith(">") ? uri.substring(1, uri.length() - 1) : uri;
    }

    private InputStream open(int member, long offset) throws IOException {
        if (zip == null) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(offset);
            return Channels.newInputStream(channel);
        }
        InputStream in = zip.getInputStream(zip.getEntry(members.get(member)));
        in.skipNBytes(offset);
        return in;
    }

    /** A 64-bit hash of the kind and the text: FNV-1a, then a finalizer so that similar URLs spread. */
    private static long key(char kind, String text) {
        long h = 0xcbf29ce484222325L ^ kind;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }

    /** Open addressing from long keys to non-negative long values, growing to a fixed number of entries. */
    private static final class OffsetTable {
        private final int maxEntries;
        private long[] keys = new long[1024];
        private long[] values = new long[1024];
        private boolean[] used = new boolean[1024];
        private int size;
        private boolean full;

        OffsetTable(int maxEntries) {
            this.maxEntries = maxEntries;
        }

        void put(long key, long value) {
            insert(key, value, true);
        }

        void putIfAbsent(long key, long value) {
            insert(key, value, false);
        }

        private void insert(long key, long value, boolean replace) {
            int slot = slot(key);
            if (used[slot]) {
                if (replace) {
                    values[slot] = value;
                }
                return;
            }
            if (size >= maxEntries) {
                full = true;
                return;
            }
            if ((size + 1) * 4L > keys.length * 3L) {
                grow();
                slot = slot(key);
            }
            used[slot] = true;
            keys[slot] = key;
            values[slot] = value;
            size++;
        }

        long get(long key) {
            int slot = slot(key);
            return used[slot] ? values[slot] : -1;
        }

        boolean full() {
            return full;
        }

        private int slot(long key) {
            int mask = keys.length - 1;
            int slot = (int) key & mask;
            while (used[slot] && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldValues = values;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            values = new long[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    int slot = slot(oldKeys[i]);
                    used[slot] = true;
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }
    }
}
