package dev.arca.bundle;

import org.netpreserve.jwarc.WarcReader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * Where reading a WARC file can go on after a damaged record, as warcio's and wget's readers cannot:
 * the next gzip member whose first record parses, in a record-by-record compressed file, or the
 * next {@code WARC/1.} line that starts a record, in a plain one. Only a file can be searched this
 * way; a WARC inside a WACZ is read as a stream and stops at its damage.
 */
final class Resync {

    private static final byte[] WARC_LINE = "\nWARC/1.".getBytes(StandardCharsets.US_ASCII);

    private Resync() {
    }

    /** A reader of {@code file} from {@code offset} on, whose records' positions are offsets in the file. */
    static WarcReader readerAt(Path file, long offset) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(offset);
            return new WarcReader(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The offset after {@code damaged} where a record that parses starts, or empty when there is none. */
    static OptionalLong after(Path file, long damaged) throws IOException {
        boolean gzip = isGzip(file);
        long from = damaged + 1;
        while (true) {
            OptionalLong candidate = gzip ? find(file, from, new byte[] {0x1f, (byte) 0x8b, 0x08}, 0)
                    : find(file, from, WARC_LINE, 1);
            if (candidate.isEmpty() || parses(file, candidate.getAsLong())) {
                return candidate;
            }
            from = candidate.getAsLong() + 1;
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static boolean parses(Path file, long offset) {
        try (WarcReader reader = readerAt(file, offset)) {
            return reader.next().isPresent();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The first offset at or after {@code from} where {@code pattern} occurs, plus {@code skip}. */
    private static OptionalLong find(Path file, long from, byte[] pattern, int skip) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long start = Math.max(0, from - skip);
            channel.position(start);
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
            int matched = 0;
            long position = start;
            for (int b = in.read(); b >= 0; b = in.read(), position++) {
                if (b == (pattern[matched] & 0xff)) {
                    matched++;
                } else {
                    matched = b == (pattern[0] & 0xff) ? 1 : 0;
                }
                if (matched == pattern.length) {
                    return OptionalLong.of(position - pattern.length + 1 + skip);
                }
            }
            return OptionalLong.empty();
        }
    }
}
