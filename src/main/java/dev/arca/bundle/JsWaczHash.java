package dev.arca.bundle;

import java.security.MessageDigest;

/**
 * The SHA-256 that js-wacz 0.1.6 lists for a file it packs: its {@code sha256()} both calls
 * {@code hash.update} on every 64 KiB chunk of the read stream and pipes the stream into the hash,
 * so each chunk is hashed twice. Computed alongside the true hash of a foreign WACZ's members, so
 * that verify can name that cause instead of only calling the member damaged.
 */
final class JsWaczHash {

    /** Node's default {@code highWaterMark} for {@code fs.createReadStream}: the chunk it hashes twice. */
    private static final int CHUNK = 1 << 16;

    private final MessageDigest sha = Digests.sha256();
    private final byte[] chunk = new byte[CHUNK];
    private int filled;

    void update(byte[] b, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, CHUNK - filled);
            System.arraycopy(b, off, chunk, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == CHUNK) {
                flush();
            }
        }
    }

    /** The hash as js-wacz would list it, {@code sha256:<hex>}; call once, after the last byte. */
    String digest() {
        flush();
        return Digests.prefixed(sha.digest());
    }

    private void flush() {
        sha.update(chunk, 0, filled);
        sha.update(chunk, 0, filled);
        filled = 0;
    }
}
