package dev.arca.bundle;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The gzip members of a file one at a time, each with the offset and length it has in the file, as a
 * ZipNum secondary index names the blocks of its {@code .cdx.gz}. Commons Compress decompresses each
 * member and checks its CRC; the shared buffer is left exactly at the member's end, so the next one
 * starts where this one stopped.
 */
final class GzipMembers {

    /** One member: where it starts, and its decompressed bytes; {@link #length()} once they are read. */
    static final class Member {
        private final long offset;
        private final GzipCompressorInputStream stream;

        private Member(long offset, GzipCompressorInputStream stream) {
            this.offset = offset;
            this.stream = stream;
        }

        long offset() {
            return offset;
        }

        InputStream stream() {
            return stream;
        }

        /** The member's compressed length, header and trailer included; known once its stream is read to the end. */
        long length() {
            return stream.getCompressedCount();
        }
    }

    private final BufferedInputStream in;
    private Member current;

    GzipMembers(InputStream compressed) {
        in = new BufferedInputStream(compressed, 1 << 16);
    }

    /** The next member, or null at the end of the file; the one before must have been read to its end. */
    Member next() throws IOException {
        long offset = current == null ? 0 : current.offset() + current.length();
        in.mark(1);
        if (in.read() < 0) {
            return null;
        }
        in.reset();
        current = new Member(offset, GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(false).get());
        return current;
    }
}
