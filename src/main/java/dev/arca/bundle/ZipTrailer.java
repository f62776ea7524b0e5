package dev.arca.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a ZIP's end-of-central-directory record before the ZIP library does, so that a central
 * directory claiming millions of entries is refused before anything tries to hold them in memory.
 */
final class ZipTrailer {

    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_EOCD_SIGNATURE = 0x06064b50;
    private static final int EOCD_SIZE = 22;
    private static final int MAX_COMMENT = 0xffff;

    private ZipTrailer() {
    }

    /** Fails unless {@code path} ends like a ZIP whose central directory is small enough to read. */
    static void check(Path path) throws IOException {
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = file.size();
            if (size < EOCD_SIZE) {
                throw unreadable(path, "not a ZIP file (" + size + " bytes)");
            }
            int tail = (int) Math.min(size, EOCD_SIZE + MAX_COMMENT);
            ByteBuffer buf = read(file, size - tail, tail);
            int at = -1;
            for (int i = tail - EOCD_SIZE; i >= 0; i--) {
                if (buf.getInt(i) == EOCD_SIGNATURE) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                throw unreadable(path, "not a ZIP file, or a truncated one: no end of central directory");
            }
            long entries = Short.toUnsignedInt(buf.getShort(at + 10));
            long directorySize = Integer.toUnsignedLong(buf.getInt(at + 12));
            long eocd = size - tail + at;
            if ((entries == 0xffff || directorySize == 0xffffffffL) && eocd >= 20) {
                ByteBuffer locator = read(file, eocd - 20, 20);
                if (locator.getInt(0) == ZIP64_LOCATOR_SIGNATURE) {
                    long zip64 = locator.getLong(8);
                    if (zip64 < 0 || zip64 > size - 56) {
                        throw unreadable(path, "damaged ZIP64 end of central directory");
                    }
                    ByteBuffer record = read(file, zip64, 56);
                    if (record.getInt(0) != ZIP64_EOCD_SIGNATURE) {
                        throw unreadable(path, "damaged ZIP64 end of central directory");
                    }
                    entries = record.getLong(32);
                    directorySize = record.getLong(40);
                }
            }
            if (entries < 0 || entries > BundleLimits.MAX_ENTRIES) {
                throw new BundleException(path, BundleException.Reason.TOO_LARGE, "the ZIP claims "
                        + Long.toUnsignedString(entries) + " entries; a bundle has at most " + BundleLimits.MAX_ENTRIES);
            }
            if (directorySize < 0 || directorySize > BundleLimits.MAX_CENTRAL_DIRECTORY) {
                throw new BundleException(path, BundleException.Reason.TOO_LARGE, "the ZIP central directory claims "
                        + Long.toUnsignedString(directorySize) + " bytes; a bundle's is far smaller");
            }
        }
    }

    private static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            if (file.read(buf, position + buf.position()) < 0) {
                break;
            }
        }
        buf.flip();
        if (buf.remaining() < length) {
            throw new java.io.EOFException("unexpected end of file");
        }
        return buf;
    }

    private static BundleException unreadable(Path path, String problem) {
        return new BundleException(path, BundleException.Reason.UNREADABLE, problem);
    }
}
