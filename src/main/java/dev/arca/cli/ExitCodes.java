package dev.arca.cli;

/** The exit statuses arca documents for scripts. */
public final class ExitCodes {

    /** Everything asked for was done. */
    public static final int OK = 0;
    /** At least one item failed; the others were done. */
    public static final int FAILED = 1;
    /** The command line was wrong: unknown option, bad value, missing argument. */
    public static final int USAGE = 2;
    /** The store is locked by another run and {@code --no-wait} was given. */
    public static final int LOCKED = 3;
    /** {@code verify}: every bundle is intact, but a signature does not hold. */
    public static final int SIGNATURE_INVALID = 4;
    /** {@code verify --signed}: every bundle is intact and no signature is invalid, but one is not signed. */
    public static final int UNSIGNED = 5;
    /**
     * The reader of standard output went away ({@code arca list | head -1}): 128 + SIGPIPE, the
     * status a shell shows for a tool that SIGPIPE stopped, without a message, as for GNU tools.
     */
    public static final int PIPE_CLOSED = 141;

    private ExitCodes() {
    }
}
