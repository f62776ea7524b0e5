package dev.arca.bundle;

import java.io.IOException;

/** A bundle that cannot be read as arca wrote it: missing members, bad JSON, a broken ZIP or WARC. */
public final class BundleException extends IOException {

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
