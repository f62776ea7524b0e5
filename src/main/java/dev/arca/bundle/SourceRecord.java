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
import java.io.IOException;
import java.io.InputStream;
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
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
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
        byte[] block = record.readNBytes((int) length);
        if (block.length != length) {
            throw new EOFException("truncated record: " + block.length + " of " + length + " bytes");
        }
        head.write(block);
        head.write(END);
        return new SourceRecord(head.toByteArray(), false);
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
            byte[] payload = arc.http().body().stream().readAllBytes();
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
