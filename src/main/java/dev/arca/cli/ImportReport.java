package dev.arca.cli;

import dev.arca.archive.Import;
import dev.arca.archive.ImportOutcome;
import dev.arca.store.StoreEntry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the outcomes of {@code arca import} go: one line (or JSON object) per page on stdout, an
 * error line on stderr for each failed page and each damaged record, a warning line for each page
 * imported with warnings, the progress bar, and the counts for the summary.
 */
final class ImportReport implements Import.Listener {

    private final ArcaCommand arca;
    private final boolean json;
    private final Progress progress;
    private final long start = System.nanoTime();
    private final OutcomeLines lines;
    private long pages;
    private int imported;
    private int withWarnings;
    private int unchanged;
    private int filtered;
    private int failed;
    private int damaged;

    ImportReport(ArcaCommand arca, boolean json, Progress progress) {
        this.arca = arca;
        this.json = json;
        this.progress = progress;
        this.lines = new OutcomeLines(arca);
    }

    @Override
    public void started(Path file) {
        progress.started(file.toString());
    }

    @Override
    public void done(ImportOutcome outcome, Throwable cause) {
        step();
        switch (outcome.status()) {
            case ImportOutcome.IMPORTED -> {
                imported++;
                withWarnings += outcome.warnings().isEmpty() ? 0 : 1;
            }
            case ImportOutcome.UNCHANGED -> unchanged++;
            default -> failed++;
        }
        progress.above(() -> print(outcome, cause));
        progress.step();
    }

    @Override
    public void filtered(String url) {
        step();
        filtered++;
        progress.step();
    }

    @Override
    public void skipped(Path file, String member, long offset, String why) {
        damaged++;
        progress.above(() -> arca.error("import " + file + (member == null ? "" : " " + member) + " at offset " + offset
                + ": skipped: " + why));
    }

    @Override
    public void note(String message) {
        progress.above(() -> arca.note(message));
    }

    @Override
    public void unreadable(StoreEntry entry, IOException e) {
        progress.above(() -> lines.unreadable(entry, e));
    }

    @Override
    public boolean stopped() {
        return lines.stopped();
    }

    /** Throws the failure of stdout, if a line could not be written. */
    void checkOutput() {
        lines.checkOutput();
    }

    /** True when no page failed and no record was damaged or skipped. */
    boolean allOk() {
        return failed == 0 && damaged == 0;
    }

    /** "imported 37 (2 with warnings), unchanged 5, skipped 120, failed 0, damaged records 1 in 4.1 s". */
    String summary() {
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "imported %d%s, unchanged %d, skipped %d, failed %d, damaged records %d in %.1f s",
                imported, withWarnings == 0 ? "" : " (" + withWarnings + " with warnings)", unchanged, filtered, failed,
                damaged, seconds);
    }

    private void step() {
        pages++;
        progress.total(pages);
    }

    private void print(ImportOutcome o, Throwable cause) {
        if (!lines.data(json ? Json.line(o) : OutcomeLines.line(o.id(), o.title(), o.url(), o.status(), ImportOutcome.IMPORTED, o.error()))) {
            return;
        }
        if (!o.ok()) {
            String where = o.source() + (o.member() == null ? "" : " " + o.member()) + " at offset " + o.offset();
            lines.failed("import " + o.url() + " (" + where + "): " + o.error(), cause);
        }
        lines.warned("import " + o.url(), "imported", o.warnings());
    }
}
