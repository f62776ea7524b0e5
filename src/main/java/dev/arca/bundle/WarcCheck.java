package dev.arca.bundle;

import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcTargetRecord;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a bundle's WARC once, front to back, recomputing every record's WARC-Block-Digest and
 * WARC-Payload-Digest as the bytes stream past, and notes where each record starts so that the
 * CDXJ index can be checked against it. Memory stays the same whatever the records' size.
 */
final class WarcCheck {

    /** A record as the index must name it. */
    record Rec(long offset, String type, String target, Instant date, int status, String blockDigest,
               String payloadDigest) {
    }

    /**
     * The records of a WARC that passed, and the metadata records' block digests for comparing
     * with {@code article/article.json} (the first) and {@code article/warnings.json} (a later one).
     *
     * @param records        every record, in file order
     * @param size           the compressed WARC's size, where the last record ends
     * @param metadataBlocks the block digest of each metadata record, in file order
     */
    record Result(List<Rec> records, long size, List<String> metadataBlocks) {

        /** The compressed length of the record at index {@code i}. */
        long length(int i) {
            return (i + 1 < records.size() ? records.get(i + 1).offset() : size) - records.get(i).offset();
        }

        /** The same records without their digests, for resolving index lines to them in less memory. */
        Result located() {
            return new Result(records.stream().map(r -> new Rec(r.offset(), r.type(), r.target(), r.date(), r.status(), null, null))
                    .toList(), size, List.of());
        }

        /** The index of the record that starts at {@code offset}, or -1; records are in file order, so by offset. */
        int at(long offset) {
            int low = 0;
            int high = records.size() - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                long start = records.get(mid).offset();
                if (start == offset) {
                    return mid;
                }
                if (start < offset) {
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return -1;
        }
    }

    private static final int MAX_RECORDS = 100_000;
    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};

    private final Path bundle;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private final MessageDigest blockDigest = Digests.sha256();
    private final MessageDigest payloadDigest = Digests.sha256();

    private WarcCheck(Path bundle) {
        this.bundle = bundle;
    }

    /** Checks every record of the WARC in {@code in}, a stream of gzip members. */
    static Result read(Path bundle, InputStream in, long size) throws IOException {
        return new WarcCheck(bundle).read(in, size);
    }

    private Result read(InputStream in, long size) throws IOException {
        List<Rec> records = new ArrayList<>();
        List<String> metadata = new ArrayList<>();
        // closing the reader must leave the member stream open: the caller still hashes what is left
        try (WarcReader reader = new WarcReader(new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller closes the member
            }
        })) {
            Optional<WarcRecord> next;
            while ((next = reader.next()).isPresent()) {
                WarcRecord record = next.get();
                long offset = reader.position();
                if (records.size() == MAX_RECORDS) {
                    throw problem(BundleException.Reason.TOO_LARGE, "the WARC has more than " + MAX_RECORDS + " records");
                }
                Rec rec = check(record, offset);
                records.add(rec);
                if (rec.type().equals("metadata")) {
                    metadata.add(rec.blockDigest());
                }
            }
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw problem(BundleException.Reason.CORRUPT, "damaged WARC after " + records.size()
                    + " records (" + MemberStream.describe(e) + ")");
        }
        if (records.isEmpty()) {
            throw problem(BundleException.Reason.CORRUPT, "the WARC has no records");
        }
        return new Result(records, size, List.copyOf(metadata));
    }

    private Rec check(WarcRecord record, long offset) throws IOException {
        String type = record.type();
        String name = "WARC " + type + " record at offset " + offset;
        long length = WarcBlocks.length(bundle, record);
        boolean http = type.equals("response") || type.equals("request");
        // optional in WARC 1.1 (§5.8): a record copied from a writer that leaves it out is checked by the
        // WARC file's hash in datapackage.json, as every record is; arca's own records all carry one
        String declaredBlock = record.headers().first("WARC-Block-Digest").orElse(null);
        // a revisit's payload digest is the payload of the record it revisits, which it does not hold
        Optional<String> declaredPayload = type.equals("revisit") ? Optional.empty()
                : record.headers().first("WARC-Payload-Digest");
        SourceDigest sourceBlock = declaredBlock == null ? null : SourceDigest.of(declaredBlock, name);
        SourceDigest sourcePayload = declaredPayload.map(d -> SourceDigest.of(d, name)).orElse(null);
        blockDigest.reset();
        payloadDigest.reset();
        HttpHead head = new HttpHead();
        long read = 0;
        while (true) {
            buffer.clear();
            int n = record.body().read(buffer);
            if (n < 0) {
                break;
            }
            read += n;
            byte[] array = buffer.array();
            blockDigest.update(array, 0, n);
            SourceDigest.update(sourceBlock, array, 0, n);
            if (http) {
                // the payload of an HTTP message is what follows its head
                int payloadFrom = head.scan(array, n);
                if (payloadFrom >= 0) {
                    payloadDigest.update(array, payloadFrom, n - payloadFrom);
                    SourceDigest.update(sourcePayload, array, payloadFrom, n - payloadFrom);
                } else if (head.length() > BundleLimits.MAX_HTTP_HEAD) {
                    throw problem(BundleException.Reason.CORRUPT, name + " has no end of HTTP headers");
                }
            }
        }
        if (read != length) {
            throw problem(BundleException.Reason.CORRUPT, name + " is truncated: " + read + " of " + length + " bytes");
        }
        String computedBlock = Digests.prefixed(blockDigest.digest());
        if (declaredBlock != null && !matches(computedBlock, declaredBlock, sourceBlock)) {
            throw problem(BundleException.Reason.CORRUPT, name + ": WARC-Block-Digest does not match the block");
        }
        String computedPayload = http ? Digests.prefixed(payloadDigest.digest()) : computedBlock;
        if (declaredPayload.isPresent() && !matches(computedPayload, declaredPayload.get(), sourcePayload)) {
            throw problem(BundleException.Reason.CORRUPT, name + ": WARC-Payload-Digest does not match the payload");
        }
        String target = record instanceof WarcTargetRecord t ? t.target() : null;
        return new Rec(offset, type, target, record.date(), http ? head.status() : 200, computedBlock, computedPayload);
    }

    /** Whether a digest as declared matches: arca's own {@code sha256:<hex>}, or another algorithm or encoding. */
    private static boolean matches(String computedSha256, String declared, SourceDigest other) {
        return other == null ? computedSha256.equals(declared.toLowerCase(Locale.ROOT)) : other.matches();
    }

    /**
     * A digest that another tool declared, in an algorithm or encoding arca does not write (wget's
     * {@code sha1:<base32>}), computed alongside arca's SHA-256 so that an imported record is checked too.
     */
    private record SourceDigest(WarcDigest declared, MessageDigest digest) {

        /** Null for arca's own form, which the SHA-256 digester already checks. */
        static SourceDigest of(String declared, String name) {
            if (declared.toLowerCase(Locale.ROOT).startsWith("sha256:") && declared.length() == "sha256:".length() + 64) {
                return null;
            }
            try {
                WarcDigest digest = new WarcDigest(declared);
                return new SourceDigest(digest, digest.getDigester());
            } catch (NoSuchAlgorithmException | RuntimeException e) {
                throw new IllegalArgumentException(name + " has a digest arca cannot compute: " + declared, e);
            }
        }

        static void update(SourceDigest digest, byte[] bytes, int from, int length) {
            if (digest != null) {
                digest.digest.update(bytes, from, length);
            }
        }

        boolean matches() {
            return java.util.Arrays.equals(digest.digest(), declared.bytes());
        }
    }

    private BundleException problem(BundleException.Reason reason, String problem) {
        return new BundleException(bundle, reason, problem);
    }

    /** Finds where an HTTP message's head ends and its payload starts, across buffer boundaries. */
    private static final class HttpHead {

        private final StringBuilder statusLine = new StringBuilder();
        private boolean statusDone;
        private int matched;
        private long length;
        private boolean done;

        /** The index in {@code bytes} where the payload starts, or -1 while still in the head. */
        int scan(byte[] bytes, int n) {
            if (done) {
                return 0;
            }
            for (int i = 0; i < n; i++) {
                byte b = bytes[i];
                length++;
                if (!statusDone) {
                    if (b == '\r' || b == '\n' || statusLine.length() > 1024) {
                        statusDone = true;
                    } else {
                        statusLine.append((char) (b & 0xff));
                    }
                }
                matched = b == HEAD_END[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == HEAD_END.length) {
                    done = true;
                    return i + 1;
                }
            }
            return -1;
        }

        long length() {
            return length;
        }

        /** The status code of a response's status line, else 0. */
        int status() {
            String[] parts = statusLine.toString().split(" ", 3);
            if (parts.length >= 2 && parts[0].startsWith("HTTP/")) {
                try {
                    return Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
            return 0;
        }
    }
}
