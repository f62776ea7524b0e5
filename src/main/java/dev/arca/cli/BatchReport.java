package dev.arca.cli;

import dev.arca.store.StoreEntry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where the outcomes of {@code arca fetch} go: one line (or JSON object) per input on stdout, an
 * error line on stderr for each failure, the progress bar, and the counts for the summary.
 * Thread-safe: workers report as they finish.
 */
final class BatchReport {

    private final ArcaCommand arca;
    private final boolean json;
    private final Progress progress;
    private final long start = System.nanoTime();
    private final Set<Path> unreadable = new HashSet<>();
    private long inputs;
    private int archived;
    private int unchanged;
    private int skipped;
    private int failed;
    private int blocked;

    BatchReport(ArcaCommand arca, boolean json, Progress progress) {
        this.arca = arca;
        this.json = json;
        this.progress = progress;
    }

    /** One more input was read. */
    synchronized void queued() {
        inputs++;
        progress.total(inputs);
    }

    /** A worker began fetching {@code url}. */
    void started(String url) {
        progress.started(url);
    }

    /** The outcome of one input; {@code cause} is the exception behind a failure, for {@code --verbose}. */
    synchronized void done(FetchOutcome outcome, Throwable cause) {
        switch (outcome.status()) {
            case FetchOutcome.ARCHIVED -> archived++;
            case FetchOutcome.UNCHANGED -> unchanged++;
            case FetchOutcome.SKIPPED -> skipped++;
            case FetchOutcome.BLOCKED -> blocked++;
            default -> failed++;
        }
        progress.above(() -> print(outcome, cause));
        progress.step();
    }

    void done(FetchOutcome outcome) {
        done(outcome, null);
    }

    /** A one-line note on stderr, unless --quiet, kept clear of the progress bar. */
    synchronized void note(String message) {
        progress.above(() -> arca.note(message));
    }

    /** A bundle that could not be read while looking for earlier captures; said once per bundle. */
    synchronized void unreadable(StoreEntry entry, IOException e) {
        if (unreadable.add(entry.bundle())) {
            progress.above(() -> arca.error("skipping damaged bundle " + entry.bundle() + ": " + ErrorHandler.describe(e) + " (see 'arca verify')"));
        }
    }

    /** True when no input failed or was blocked. */
    synchronized boolean allOk() {
        return failed == 0 && blocked == 0;
    }

    /** "archived 37, unchanged 5, skipped 120, failed 2 in 41.3 s", with blocked inputs when there were any. */
    synchronized String summary() {
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "archived %d, unchanged %d, skipped %d, failed %d%s in %.1f s",
                archived, unchanged, skipped, failed, blocked == 0 ? "" : ", blocked " + blocked, seconds);
    }

    private void print(FetchOutcome o, Throwable cause) {
        PrintStream out = arca.console().out();
        if (json) {
            out.println(Json.line(o));
        } else {
            out.println(line(o));
        }
        out.flush();
        if (!o.ok()) {
            arca.error("fetch " + o.url() + ": " + o.error());
            if (cause != null && arca.verbose()) {
                cause.printStackTrace(arca.console().err());
            }
        }
    }

    /** ID, title and URL as before batches existed; a fourth column says what happened when it was not "archived". */
    private static String line(FetchOutcome o) {
        String base = (o.id() == null ? "-" : o.id()) + "\t" + Columns.clean(o.title()) + "\t" + o.url();
        if (o.status().equals(FetchOutcome.ARCHIVED)) {
            return base;
        }
        return base + "\t" + o.status() + (o.error() == null ? "" : ": " + Columns.clean(o.error()));
    }
}
