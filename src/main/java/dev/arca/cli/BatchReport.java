package dev.arca.cli;

import dev.arca.archive.CrawlListener;
import dev.arca.archive.FetchOutcome;
import dev.arca.store.StoreEntry;

import java.io.IOException;
import java.util.Locale;

/**
 * Where the outcomes of {@code arca fetch} go: one line (or JSON object) per input on stdout, an
 * error line on stderr for each failure and a warning line for each page archived with warnings
 * (even with {@code --quiet}: a derived step failed), the progress bar, and the counts for the summary.
 * Thread-safe: workers report as they finish.
 */
final class BatchReport implements CrawlListener {

    private final ArcaCommand arca;
    private final boolean json;
    private final Progress progress;
    private final long start = System.nanoTime();
    private final OutcomeLines lines;
    private long inputs;
    private int archived;
    private int withWarnings;
    private int unchanged;
    private int skipped;
    private int failed;
    private int blocked;

    BatchReport(ArcaCommand arca, boolean json, Progress progress) {
        this.arca = arca;
        this.json = json;
        this.progress = progress;
        this.lines = new OutcomeLines(arca);
    }

    /** One more input was read; once stdout has failed, the batch takes no more. */
    @Override
    public synchronized void queued() {
        checkOutput();
        inputs++;
        progress.total(inputs);
    }

    /** A worker began fetching {@code url}. */
    @Override
    public void started(String url) {
        progress.started(url);
    }

    /** The outcome of one input; {@code cause} is the exception behind a failure, for {@code --verbose}. */
    @Override
    public synchronized void done(FetchOutcome outcome, Throwable cause) {
        switch (outcome.status()) {
            case FetchOutcome.ARCHIVED -> {
                archived++;
                withWarnings += outcome.warnings().isEmpty() ? 0 : 1;
            }
            case FetchOutcome.UNCHANGED -> unchanged++;
            case FetchOutcome.SKIPPED -> skipped++;
            case FetchOutcome.BLOCKED -> blocked++;
            default -> failed++;
        }
        progress.above(() -> print(outcome, cause));
        progress.step();
    }

    /** A one-line note on stderr, unless --quiet, kept clear of the progress bar. */
    @Override
    public synchronized void note(String message) {
        progress.above(() -> arca.note(message));
    }

    /** A bundle that could not be read while looking for earlier captures; said once per bundle. */
    @Override
    public synchronized void unreadable(StoreEntry entry, IOException e) {
        progress.above(() -> lines.unreadable(entry, e));
    }

    /** Whether stdout failed: the batch stops, since what it does could no longer be told. */
    @Override
    public boolean stopped() {
        return lines.stopped();
    }

    /** Throws the failure of stdout, if a line could not be written. */
    void checkOutput() {
        lines.checkOutput();
    }

    /** True when no input failed or was blocked. */
    synchronized boolean allOk() {
        return failed == 0 && blocked == 0;
    }

    /**
     * "archived 37, unchanged 5, skipped 120, failed 2 in 41.3 s", with blocked inputs and pages
     * archived with warnings when there were any: "archived 37 (2 with warnings), ...".
     */
    synchronized String summary() {
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "archived %d%s, unchanged %d, skipped %d, failed %d%s in %.1f s",
                archived, withWarnings == 0 ? "" : " (" + withWarnings + " with warnings)", unchanged, skipped, failed,
                blocked == 0 ? "" : ", blocked " + blocked, seconds);
    }

    private void print(FetchOutcome o, Throwable cause) {
        if (!lines.data(json ? Json.line(o) : OutcomeLines.line(o.id(), o.title(), o.url(), o.status(), FetchOutcome.ARCHIVED, o.error()))) {
            return;
        }
        if (!o.ok()) {
            lines.failed("fetch " + o.url() + ": " + o.error(), cause);
        }
        lines.warned("fetch " + o.url(), "archived", o.warnings());
    }
}
