package dev.arca.cli;

import dev.arca.store.Store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/**
 * A write to standard output or to a file arca was asked to write failed. Unchecked, so that it
 * stops the command however deep the write was, and {@link ErrorHandler} says it once.
 */
final class OutputFailure extends UncheckedIOException {

    OutputFailure(String destination, IOException cause) {
        super("cannot write " + destination + ": " + Store.writeFailure(cause), cause);
    }

    /**
     * Whether the reader went away, as {@code head} does in {@code arca list | head -1}: not an
     * error of arca's, and no reason for a message.
     */
    boolean brokenPipe() {
        String reason = getCause().getMessage();
        return reason != null && reason.toLowerCase(Locale.ROOT).contains("broken pipe");
    }

    /** The output failure behind {@code t}, which a reader or a worker may have wrapped in its own exception. */
    static Optional<OutputFailure> in(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OutputFailure failure) {
                return Optional.of(failure);
            }
        }
        return Optional.empty();
    }
}
