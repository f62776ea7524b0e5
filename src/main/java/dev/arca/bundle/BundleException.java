package dev.arca.bundle;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A bundle that cannot be trusted as arca wrote it, with a {@link Reason} a script can act on and a
 * one-line {@link #problem()} that names the damage.
 */
public final class BundleException extends IOException {

    /** What is wrong with a bundle. */
    public enum Reason {
        /** Not a ZIP, or a ZIP whose structure is broken: truncated, a bad central directory. */
        UNREADABLE,
        /** An entry that could escape a directory or confuse readers: an unsafe name, a link, a duplicate. */
        UNSAFE,
        /** Larger than a bundle may be: huge declared sizes, a decompression bomb, an absurd record length. */
        TOO_LARGE,
        /** A member the bundle must have is missing, or one is there that its manifest does not list. */
        MISSING,
        /** Bytes differ from what the bundle says about them: a hash, a size, a digest, the index. */
        CORRUPT
    }

    private final Reason reason;
    private final String problem;

    public BundleException(Path bundle, Reason reason, String problem) {
        this(bundle, reason, problem, null);
    }

    public BundleException(Path bundle, Reason reason, String problem, Throwable cause) {
        super(bundle + ": " + problem, cause);
        this.reason = reason;
        this.problem = problem;
    }

    public Reason reason() {
        return reason;
    }

    /** The damage in one line, without the bundle's path. */
    public String problem() {
        return problem;
    }
}
