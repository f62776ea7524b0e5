package dev.arca.cli;

import dev.arca.bundle.CaptureWarning;
import dev.arca.store.StoreEntry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The output that the batch commands ({@code fetch}, {@code import}) share: one data line per outcome
 * on stdout, whose failure stops the batch; an error line, with the stack trace under
 * {@code --verbose}; a warning line that names every warning; and a damaged bundle said once.
 * Thread-safe where its callers are: the data line and the stdout failure are read by workers.
 */
final class OutcomeLines {

    private final ArcaCommand arca;
    private final Set<Path> unreadable = new HashSet<>();
    private volatile OutputFailure stdoutFailure;

    OutcomeLines(ArcaCommand arca) {
        this.arca = arca;
    }

    /** Writes one data line on stdout; false once stdout has failed, which the command says once, at the end. */
    boolean data(String line) {
        if (stdoutFailure != null) {
            return false;
        }
        PrintStream out = arca.console().out();
        try {
            out.println(line);
            out.flush();
            return true;
        } catch (OutputFailure e) {
            stdoutFailure = e;
            return false;
        }
    }

    /** An error line on stderr; {@code cause}, when known, is printed under {@code --verbose}. */
    void failed(String line, Throwable cause) {
        arca.error(line);
        if (cause != null && arca.verbose()) {
            cause.printStackTrace(arca.console().err());
        }
    }

    /** "fetch URL: archived with a warning: markdown: StackOverflowError"; several are joined with "; ". */
    void warned(String subject, String done, List<CaptureWarning> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        String what = warnings.size() == 1 ? "a warning" : warnings.size() + " warnings";
        arca.error(subject + ": " + done + " with " + what + ": "
                + warnings.stream().map(CaptureWarning::line).collect(Collectors.joining("; ")));
    }

    /** A bundle that could not be read while looking for earlier captures: said once per bundle. */
    void unreadable(StoreEntry entry, IOException e) {
        if (unreadable.add(entry.bundle())) {
            arca.error("skipping damaged bundle " + entry.bundle() + ": " + ErrorHandler.describe(e) + " (see 'arca verify')");
        }
    }

    /** Whether stdout failed: the batch stops, since what it does could no longer be told. */
    boolean stopped() {
        return stdoutFailure != null;
    }

    /** Throws the failure of stdout, if a line could not be written. */
    void checkOutput() {
        if (stdoutFailure != null) {
            throw stdoutFailure;
        }
    }

    /** ID, title and URL as fetch prints them; a fourth column says what happened when it was not {@code normal}. */
    static String line(String id, String title, String url, String status, String normal, String error) {
        String base = (id == null ? "-" : id) + "\t" + Columns.clean(title) + "\t" + Columns.clean(url);
        if (status.equals(normal)) {
            return base;
        }
        return base + "\t" + status + (error == null ? "" : ": " + Columns.clean(error));
    }
}
