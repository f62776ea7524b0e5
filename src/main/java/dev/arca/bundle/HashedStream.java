package dev.arca.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * A member's bytes, hashed and counted as they are read, for checking against the manifest
 * without holding the member in memory.
 */
final class HashedStream extends FilterInputStream {

    private final MessageDigest sha = Digests.sha256();
    private long count;
    /** Also hashed as js-wacz 0.1.6 lists it, for a member of a foreign WACZ; otherwise null. */
    private final JsWaczHash jsWacz;

    HashedStream(InputStream in) {
        this(in, false);
    }

    HashedStream(InputStream in, boolean foreign) {
        super(in);
        this.jsWacz = foreign ? new JsWaczHash() : null;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            sha.update((byte) b);
            count++;
            if (jsWacz != null) {
                jsWacz.update(new byte[] {(byte) b}, 0, 1);
            }
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            sha.update(b, off, n);
            count += n;
            if (jsWacz != null) {
                jsWacz.update(b, off, n);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return MemberStream.skipByReading(this, n);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads what is left, so that the hash and count cover the whole member. */
    void drain() throws IOException {
        transferTo(OutputStream.nullOutputStream());
    }

    /** Reads what is left; false when that failed, and the hash is of a part only. */
    boolean drainQuietly() {
        try {
            drain();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails unless what was read is what the manifest lists for {@code member}; call after {@link #drain}. */
    void check(Manifest manifest, Path bundle, String member) throws BundleException {
        manifest.check(bundle, member, Digests.prefixed(sha.digest()), count, jsWacz == null ? null : jsWacz.digest());
    }
}
