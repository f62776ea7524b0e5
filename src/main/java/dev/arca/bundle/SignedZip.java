package dev.arca.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The ZIP structure a signed bundle must have, checked byte for byte.
 *
 * <p>A signature covers the hash of {@code datapackage.json}, which covers every member's content
 * but the digest file itself and none of the ZIP's own bytes. So that no byte of a signed bundle
 * can change unnoticed, a signed bundle must be a plain ZIP in which every byte is accounted for:
 * entries back to back from offset 0, then the central directory, then the end record and
 * nothing after it; every field that the local header and the central directory both hold is the
 * same in both (and in the data descriptor, when there is one); the fields held once have the one
 * value arca writes (Unix, mode 0644, no comment, no encryption, no ZIP64); no deflated member
 * has a bit set after the end of its stream; and the digest file's content matches its CRC-32. The members' content is checked by {@link BundleVerifier}.
 */
final class SignedZip {

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int END = 0x06054b50;
    private static final int MODE_0644 = 0100644 << 16;
    /** The "version made by" numbers ZIP writers use (1.0, 2.0, 4.5, 6.3); the host byte must be Unix (3). */
    private static final Set<Integer> MADE_BY = Set.of(10, 20, 45, 63);
    private static final int DATA_DESCRIPTOR_FLAG = 0x0008;
    private static final int UTF8_FLAG = 0x0800;

    private SignedZip() {
    }

    static void check(Path bundle) throws IOException {
        try (FileChannel file = FileChannel.open(bundle, StandardOpenOption.READ)) {
            new Walk(bundle, file).run();
        }
    }

    private record Walk(Path bundle, FileChannel file) {

        void run() throws IOException {
            long size = file.size();
            require(size >= 22, "it is too short for a ZIP");
            ByteBuffer end = read(size - 22, 22);
            require(end.getInt(0) == END, "bytes follow the end of the central directory (a comment or trailing data)");
            require(end.getShort(4) == 0 && end.getShort(6) == 0 && end.getShort(8) == end.getShort(10) && end.getShort(20) == 0,
                    "its end of central directory record was changed");
            int entries = Short.toUnsignedInt(end.getShort(10));
            long directorySize = Integer.toUnsignedLong(end.getInt(12));
            long directoryAt = Integer.toUnsignedLong(end.getInt(16));
            require(directoryAt + directorySize == size - 22 && directorySize <= BundleLimits.MAX_CENTRAL_DIRECTORY,
                    "its central directory is not where its end record says");
            ByteBuffer directory = read(directoryAt, (int) directorySize);
            int at = 0;
            long next = 0;
            for (int k = 0; k < entries; k++) {
                require(at + 46 <= directory.limit() && directory.getInt(at) == CENTRAL, "its central directory was changed");
                int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
                int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
                require(at + 46 + nameLength + extraLength <= directory.limit(), "its central directory was changed");
                next = entry(directory, at, nameLength, extraLength, next);
                at += 46 + nameLength + extraLength;
            }
            require(at == directory.limit() && next == directoryAt, "bytes were added between its entries");
        }

        /** Checks the entry whose central record is at {@code at}; returns the offset just after its data. */
        private long entry(ByteBuffer directory, int at, int nameLength, int extraLength, long expectedAt) throws IOException {
            int madeBy = Short.toUnsignedInt(directory.getShort(at + 4));
            int flags = Short.toUnsignedInt(directory.getShort(at + 8));
            int method = Short.toUnsignedInt(directory.getShort(at + 10));
            long crc = Integer.toUnsignedLong(directory.getInt(at + 16));
            long compressed = Integer.toUnsignedLong(directory.getInt(at + 20));
            long uncompressed = Integer.toUnsignedLong(directory.getInt(at + 24));
            long localAt = Integer.toUnsignedLong(directory.getInt(at + 42));
            byte[] central = new byte[46 + nameLength + extraLength];
            directory.get(at, central);
            String name = new String(central, 46, nameLength, java.nio.charset.StandardCharsets.UTF_8);
            String shown = EntryNames.shown(name);
            require(madeBy >> 8 == 3 && MADE_BY.contains(madeBy & 0xff), "entry " + shown + " is not marked as made on Unix");
            require((flags & ~(DATA_DESCRIPTOR_FLAG | UTF8_FLAG)) == 0, "entry " + shown + " has ZIP flags arca never sets");
            require(method == 0 || method == 8, "entry " + shown + " has an unknown compression method");
            require(directory.getShort(at + 32) == 0 && directory.getShort(at + 34) == 0 && directory.getShort(at + 36) == 0,
                    "entry " + shown + " has a comment, a disk number or attributes arca never writes");
            require(directory.getInt(at + 38) == MODE_0644, "entry " + shown + " is not a plain file of mode 0644");
            require(method == 8 || compressed == uncompressed, "entry " + shown + " is stored with two sizes");
            require(localAt == expectedAt, "entry " + shown + " is not where the entry before it ends");

            ByteBuffer local = read(localAt, 30 + nameLength + extraLength);
            require(local.getInt(0) == LOCAL, "entry " + shown + " has no local header");
            // version needed, flags, method, time and date: the same 10 bytes in both headers
            require(same(local, 4, central, 6, 10), "entry " + shown + "'s local header differs from the central directory");
            require(Short.toUnsignedInt(local.getShort(26)) == nameLength && Short.toUnsignedInt(local.getShort(28)) == extraLength
                    && same(local, 30, central, 46, nameLength + extraLength),
                    "entry " + shown + "'s local name or extra field differs from the central directory");
            long dataAt = localAt + 30 + nameLength + extraLength;
            long after = dataAt + compressed;
            if ((flags & DATA_DESCRIPTOR_FLAG) != 0) {
                require(local.getInt(14) == 0 && local.getInt(18) == 0 && local.getInt(22) == 0,
                        "entry " + shown + "'s local header has sizes although a data descriptor follows");
                ByteBuffer descriptor = read(after, 16);
                require(descriptor.getInt(0) == DESCRIPTOR && same(descriptor, 4, central, 16, 12),
                        "entry " + shown + "'s data descriptor differs from the central directory");
                after += 16;
            } else {
                require(same(local, 14, central, 16, 12), "entry " + shown + "'s local sizes or CRC differ from the central directory");
            }
            if (method == 8 && compressed > 0) {
                requireZeroPadding(shown, dataAt, compressed, crc, uncompressed);
            }
            if (name.equals(BundleWriter.DIGEST_PATH)) {
                require(compressed <= BundleLimits.maxSize(name) && uncompressed <= BundleLimits.maxSize(name),
                        name + " is larger than a digest file");
                byte[] raw = read(dataAt, (int) compressed).array();
                require(crc(raw, method, (int) uncompressed) == crc, name + " does not match its CRC-32");
            }
            return after;
        }

        /**
         * A deflate stream ends inside its last byte, and the bits after its end decode to nothing:
         * every writer leaves them zero, and a bit set there would change the bundle unnoticed, as
         * the member's content stays the same. So each bit set in the last byte must be one the
         * stream uses: cleared, the member no longer inflates to its size and CRC-32. At most eight
         * extra inflations per member, reading it in chunks, in bounded memory.
         */
        private void requireZeroPadding(String shown, long dataAt, long compressed, long crc, long size) throws IOException {
            byte last = read(dataAt + compressed - 1, 1).get(0);
            for (int bit = 0; bit < 8; bit++) {
                if ((last & (1 << bit)) != 0 && inflatesTo(dataAt, compressed, (byte) (last & ~(1 << bit)), crc, size)) {
                    throw corrupt("entry " + shown + "'s compressed data was changed (a bit after the end of its deflate stream is set)");
                }
            }
        }

        /** Whether the deflated member, with {@code lastByte} as its last byte, inflates to exactly {@code size} bytes with {@code crc}. */
        private boolean inflatesTo(long dataAt, long compressed, byte lastByte, long crc, long size) throws IOException {
            Inflater inflater = new Inflater(true);
            CRC32 content = new CRC32();
            byte[] in = new byte[1 << 16];
            byte[] out = new byte[1 << 16];
            long produced = 0;
            try {
                for (long done = 0; done < compressed; ) {
                    int n = (int) Math.min(in.length, compressed - done);
                    read(dataAt + done, n).get(in, 0, n);
                    done += n;
                    if (done == compressed) {
                        in[n - 1] = lastByte;
                    }
                    inflater.setInput(in, 0, n);
                    while (!inflater.needsInput() && !inflater.finished()) {
                        int k = inflater.inflate(out);
                        if (k == 0 && inflater.needsDictionary()) {
                            return false;
                        }
                        content.update(out, 0, k);
                        produced += k;
                        if (produced > size) {
                            return false;
                        }
                    }
                    if (inflater.finished()) {
                        return done == compressed && inflater.getRemaining() == 0 && produced == size && content.getValue() == crc;
                    }
                }
                return false;
            } catch (DataFormatException e) {
                return false;
            } finally {
                inflater.end();
            }
        }

        private long crc(byte[] raw, int method, int size) throws IOException {
            byte[] content = raw;
            if (method == 8) {
                Inflater inflater = new Inflater(true);
                try {
                    inflater.setInput(raw);
                    content = new byte[size + 1];
                    int n = 0;
                    while (!inflater.finished() && n < content.length) {
                        int read = inflater.inflate(content, n, content.length - n);
                        if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                            break;
                        }
                        n += read;
                    }
                    require(n == size && inflater.finished() && inflater.getRemaining() == 0,
                            BundleWriter.DIGEST_PATH + " does not inflate to its size");
                    content = Arrays.copyOf(content, size);
                } catch (DataFormatException e) {
                    throw corrupt(BundleWriter.DIGEST_PATH + " does not inflate (" + e.getMessage() + ")");
                } finally {
                    inflater.end();
                }
            }
            CRC32 crc = new CRC32();
            crc.update(content);
            return crc.getValue();
        }

        private static boolean same(ByteBuffer buffer, int at, byte[] bytes, int from, int length) {
            byte[] part = new byte[length];
            buffer.get(at, part);
            return Arrays.equals(part, 0, length, bytes, from, from + length);
        }

        private ByteBuffer read(long position, int length) throws IOException {
            require(position >= 0 && length >= 0 && position + length <= file.size(), "an offset points outside the file");
            ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            while (buffer.hasRemaining()) {
                if (file.read(buffer, position + buffer.position()) < 0) {
                    throw corrupt("it ends early");
                }
            }
            return buffer.flip();
        }

        private void require(boolean condition, String problem) throws BundleException {
            if (!condition) {
                throw corrupt(problem);
            }
        }

        private BundleException corrupt(String problem) {
            return new BundleException(bundle, BundleException.Reason.CORRUPT, "signed bundle changed: " + problem);
        }
    }
}
