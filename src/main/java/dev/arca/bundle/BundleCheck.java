package dev.arca.bundle;

import java.nio.file.Path;

/**
 * The outcome of verifying one bundle: intact, or the first damage found.
 *
 * @param bundle  the bundle's path
 * @param bytes   its size in bytes
 * @param reason  what kind of damage, or null when the bundle is intact
 * @param problem the damage in one line, or null when the bundle is intact
 */
public record BundleCheck(Path bundle, long bytes, BundleException.Reason reason, String problem) {

    public boolean ok() {
        return reason == null;
    }
}
