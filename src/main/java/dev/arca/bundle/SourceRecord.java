package dev.arca.bundle;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One record of another tool's web archive, as the bytes that an imported bundle copies: a WARC
 * record (1.0 or 1.1) exactly as it is in the source, its header lines and block untouched, so
 * that its digests still match; an ARC record, which has no WARC form, becomes a WARC/1.1 response
 * with the same HTTP message as its block.
 *
 * @param bytes     the uncompressed record, header, block and the closing CRLF CRLF
 * @param converted true when it was an ARC record rewritten as WARC
 */
public record SourceRecord(byte[] bytes, boolean converted) {

    private static final int MAX_HEAD = 1 << 16;
    private static final byte[] END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * The record that starts at the current position of {@code in} (a gzip member of its own, or
     * plain); a block larger than {@code maxSize} bytes is refused.
     */
    public static SourceRecord read(InputStream in, long maxSize) throws IOException {
        return read(new Positioned(in), maxSize);
    }

    /**
     * How many bytes of the archive the record at the current position of {@code in} takes, its
     * gzip member whole when it has one: where the next record starts.
     */
    static long size(InputStream in, long maxSize) throws IOException {
        Positioned positioned = new Positioned(in);
        if (read(positioned, maxSize).converted()) {
            throw new IOException("an ARC record's end is not known");
        }
        return positioned.position();
    }

    private static SourceRecord read(Positioned buffered, long maxSize) throws IOException {
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        InputStream record = gzip ? new BufferedInputStream(GzipCompressorInputStream.builder()
                .setInputStream(buffered).setDecompressConcatenated(false).get(), 1 << 16) : buffered;
        record.mark(MAX_HEAD + 1);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        String first = line(record, head);
        if (!first.startsWith("WARC/")) {
            record.reset();
            return arc(record, maxSize);
        }
        long length = -1;
        for (String line = line(record, head); !line.isEmpty(); line = line(record, head)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-length")) {
                length = Long.parseLong(line.substring(colon + 1).strip());
            }
        }
        if (length < 0) {
            throw new IOException("WARC record without Content-Length");
        }
        if (length > maxSize) {
            throw new IOException("the record's block is " + length + " bytes, more than the size limit");
        }
        // the record is read into one array of its own size: a large block is held once, not copied while it grows
        int headLength = head.size();
        byte[] bytes = new byte[Math.toIntExact(headLength + length + END.length)];
        System.arraycopy(head.toByteArray(), 0, bytes, 0, headLength);
        int read = record.readNBytes(bytes, headLength, (int) length);
        if (read != length) {
            throw new EOFException("truncated record: " + read + " of " + length + " bytes");
        }
        System.arraycopy(END, 0, bytes, headLength + (int) length, END.length);
        // the record's end, CRLF CRLF, and for a gzip member its trailer, which puts the source right after it
        record.readNBytes(END.length);
        if (gzip) {
            record.transferTo(OutputStream.nullOutputStream());
        }
        return new SourceRecord(bytes, false);
    }

    /** The first value of the WARC header {@code name} (case-insensitive), as the record has it. */
    public Optional<String> header(String name) {
        int end = 0;
        while (end + 3 < bytes.length && !(bytes[end] == '\r' && bytes[end + 1] == '\n' && bytes[end + 2] == '\r' && bytes[end + 3] == '\n')) {
            end++;
        }
        for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return Optional.of(line.substring(colon + 1).strip());
            }
        }
        return Optional.empty();
    }

    /** A header line, without its line end, whose bytes (line end included) go to {@code head}. */
    private static String line(InputStream in, ByteArrayOutputStream head) throws IOException {
        int start = head.size();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("truncated record header");
            }
            if (head.size() > MAX_HEAD) {
                throw new IOException("a WARC record header longer than " + MAX_HEAD + " bytes");
            }
            head.write(b);
        }
        head.write('\n');
        String line = new String(head.toByteArray(), start, head.size() - start, StandardCharsets.ISO_8859_1);
        return line.strip();
    }

    /**
     * A buffered stream that knows how far into its source its readers are: what it pulled from the
     * source less what waits in its buffer. A gzip reader's mark and reset leave it at the member's end.
     */
    private static final class Positioned extends BufferedInputStream {
        private final Counting source;

        Positioned(InputStream in) {
            this(new Counting(in));
        }

        private Positioned(Counting source) {
            super(source, 1 << 16);
            this.source = source;
        }

        synchronized long position() {
            return source.count - (count - pos);
        }
    }

    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** What follows the HTTP head in {@code block}, as verify digests a payload. */
    private static byte[] payload(byte[] block) {
        for (int i = 0; i + 3 < block.length; i++) {
            if (block[i] == '\r' && block[i + 1] == '\n' && block[i + 2] == '\r' && block[i + 3] == '\n') {
                return java.util.Arrays.copyOfRange(block, i + 4, block.length);
            }
        }
        return new byte[0];
    }

    /** An ARC record as jwarc reads it, written again as a WARC/1.1 response with SHA-256 digests. */
    private static SourceRecord arc(InputStream in, long maxSize) throws IOException {
        try (WarcReader reader = new WarcReader(in)) {
            Optional<WarcRecord> next = reader.next();
            if (next.isEmpty() || !(next.get() instanceof WarcResponse arc)) {
                throw new IOException("neither a WARC record nor an ARC response");
            }
            byte[] block = arc.body().stream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize + 1));
            if (block.length > maxSize) {
                throw new IOException("the record's block is larger than the size limit");
            }
            byte[] payload = payload(block);
            WarcResponse.Builder response = new WarcResponse.Builder(arc.target()).version(MessageVersion.WARC_1_1)
                    .date(arc.date()).body(MediaType.HTTP_RESPONSE, block)
                    .setHeader("WARC-Block-Digest", Digests.sha256(block))
                    .setHeader("WARC-Payload-Digest", Digests.sha256(payload));
            arc.ipAddress().ifPresent(response::ipAddress);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (WarcWriter writer = new WarcWriter(Channels.newChannel(out))) {
                writer.write(response.build());
            }
            return new SourceRecord(out.toByteArray(), true);
        }
    }
}
