package dev.arca.bundle;

import org.netpreserve.jwarc.WarcRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/** Bounds on reading WARC record blocks, so that a crafted record cannot claim or expand without end. */
final class WarcBlocks {

    private WarcBlocks() {
    }

    /** The record's declared block length, refused when no page arca keeps could be that large. */
    static long length(Path bundle, WarcRecord record) throws IOException {
        long length = record.body().size();
        if (length < 0 || length > BundleLimits.MAX_RECORD) {
            throw new BundleException(bundle, BundleException.Reason.TOO_LARGE, "a " + record.type()
                    + " record declares Content-Length " + length + ", more than a bundle holds");
        }
        return length;
    }

    /**
     * Copies a body decoded from its Content-Encoding, stopping when it grows past
     * {@link BundleLimits#MAX_RATIO} times the {@code stored} size (a decompression bomb).
     */
    static void copyDecoded(Path bundle, InputStream decoded, long stored, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        long limit = Math.max(BundleLimits.RATIO_FLOOR, BundleLimits.MAX_RATIO * stored);
        int n;
        while ((n = decoded.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw new BundleException(bundle, BundleException.Reason.TOO_LARGE, "the page expands more than "
                        + BundleLimits.MAX_RATIO + " times when decoded (a decompression bomb?)");
            }
            out.write(buffer, 0, n);
        }
    }
}
