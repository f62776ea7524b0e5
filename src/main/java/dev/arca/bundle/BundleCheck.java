package dev.arca.bundle;

import java.nio.file.Path;

/**
 * The outcome of verifying one bundle: intact, or the first damage found.
 *
 * @param bundle  the bundle's path
 * @param bytes   its size in bytes
 * @param reason  what kind of damage, or null when the bundle is intact
 * @param problem the damage in one line, or null when the bundle is intact
 * @param index   for a WACZ another tool wrote, how its index lines resolve to records; null for
 *                arca's own bundles (whose index is checked line by line) or when the check stopped first
 */
public record BundleCheck(Path bundle, long bytes, BundleException.Reason reason, String problem, IndexResolution index) {

    public BundleCheck(Path bundle, long bytes, BundleException.Reason reason, String problem) {
        this(bundle, bytes, reason, problem, null);
    }

    public boolean ok() {
        return reason == null;
    }
}
