package dev.arca.bundle;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.zip.CRC32;

/**
 * The bytes of a bundle's WARC as it is written: in memory while small, in a temporary file once
 * past {@link #IN_MEMORY}, so that a capture with large records is not held a second time in
 * memory while its bundle is written. Its size, CRC-32 (for the ZIP entry, which is stored) and
 * SHA-256 (for datapackage.json) are kept as it is written. {@link #close()} deletes the file.
 */
final class SpillBuffer extends OutputStream {

    /** What stays in memory; a page with its requisites is most often well below it. */
    static final int IN_MEMORY = 8 << 20;

    private final int threshold;
    private final Path directory;
    private final CRC32 crc = new CRC32();
    private final MessageDigest sha256 = Digests.sha256();
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream disk;
    private long size;
    private String hash;

    SpillBuffer() {
        this(IN_MEMORY, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A buffer that spills past {@code threshold} bytes into {@code directory}, which tests choose. */
    SpillBuffer(int threshold, Path directory) {
        this.threshold = threshold;
        this.directory = directory;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (hash != null) {
            throw new IllegalStateException("the WARC is finished");
        }
        if (memory != null && memory.size() + (long) len > threshold) {
            file = Files.createTempFile(directory, "arca-warc-", ".warc.gz");
            disk = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            memory.writeTo(disk);
            memory = null;
        }
        (memory != null ? memory : disk).write(b, off, len);
        crc.update(b, off, len);
        sha256.update(b, off, len);
        size += len;
    }

    /** How many bytes were written: the offset of the next one. */
    long size() {
        return size;
    }

    /** Ends the writing; what was written can then be read, as often as needed. */
    void finish() throws IOException {
        if (hash == null) {
            hash = Digests.prefixed(sha256.digest());
            if (disk != null) {
                disk.close();
            }
        }
    }

    long crc() {
        return crc.getValue();
    }

    /** {@code sha256:<hex>} of the bytes, once finished. */
    String sha256() {
        if (hash == null) {
            throw new IllegalStateException("the WARC is not finished");
        }
        return hash;
    }

    /** Copies the finished bytes to {@code out}. */
    void writeTo(OutputStream out) throws IOException {
        sha256();
        if (memory != null) {
            memory.writeTo(out);
        } else {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        }
    }

    /** Deletes the temporary file, if there is one; the bytes are gone after. */
    @Override
    public void close() throws IOException {
        memory = null;
        if (disk != null) {
            disk.close();
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
