package dev.arca.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A ZIP member's bytes, held to the size its central directory declares: a member that inflates
 * past it (a ZIP bomb with a lying header) stops there, and one that ends short is reported.
 */
final class MemberStream extends FilterInputStream {

    private final Path bundle;
    private final String name;
    private final long declared;
    private long count;

    MemberStream(InputStream in, Path bundle, String name, long declared) {
        super(in);
        this.bundle = bundle;
        this.name = name;
        this.declared = declared;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(b, off, len);
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BundleException(bundle, BundleException.Reason.CORRUPT,
                    name + " cannot be read: " + describe(e), e);
        }
        if (n < 0) {
            if (count < declared) {
                throw new BundleException(bundle, BundleException.Reason.CORRUPT,
                        name + " ends after " + count + " bytes; the ZIP directory says " + declared);
            }
            return n;
        }
        count += n;
        if (count > declared) {
            throw new BundleException(bundle, BundleException.Reason.TOO_LARGE,
                    name + " inflates past the " + declared + " bytes the ZIP directory declares");
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return skipByReading(this, n);
    }

    /** Skips by reading, so that whatever counts or hashes the bytes sees them all. */
    static long skipByReading(InputStream in, long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
        long left = n;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                break;
            }
            left -= read;
        }
        return n - left;
    }

    static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
