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

    private ExitCodes() {
    }
}
