package dev.arca.index;

import dev.arca.store.BundleFile;
import java.util.Collection;

/**
 * A fingerprint of the bundles in one month directory, their names, sizes and times: the count and
 * a sum of per-file hashes. A sum does not depend on the order the directory lists files in, and a
 * writer that adds or removes one bundle can update it without listing the directory again.
 *
 * @param files the number of bundles
 * @param hash  the sum of their hashes
 */
record MonthFingerprint(long files, long hash) {

    static final MonthFingerprint EMPTY = new MonthFingerprint(0, 0);

    /** Matches no listing: for a month whose content the index has not checked. */
    static final MonthFingerprint UNKNOWN = new MonthFingerprint(-1, 0);

    static MonthFingerprint of(Collection<BundleFile> files) {
        MonthFingerprint fingerprint = EMPTY;
        for (BundleFile file : files) {
            fingerprint = fingerprint.plus(file);
        }
        return fingerprint;
    }

    /** With one more file; an unknown fingerprint stays unknown. */
    MonthFingerprint plus(BundleFile file) {
        return files < 0 ? this : new MonthFingerprint(files + 1, hash + hash(file));
    }

    /** With one file fewer; an unknown fingerprint stays unknown. */
    MonthFingerprint minus(BundleFile file) {
        return files < 0 ? this : new MonthFingerprint(files - 1, hash - hash(file));
    }

    /** A well-mixed 64-bit hash of name, size and time (SplitMix64's finaliser over their combination). */
    private static long hash(BundleFile file) {
        long h = file.id().hashCode() * 0x9E3779B97F4A7C15L;
        h = (h ^ file.size()) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ file.mtime()) * 0x165667B19E3779F9L;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
