package dev.arca.cli;

import dev.arca.archive.Import;
import dev.arca.archive.ImportOutcome;
import dev.arca.bundle.CaptureWarning;
import dev.arca.store.StoreEntry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

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
    private final Set<Path> unreadable = new HashSet<>();
    private long pages;
    private int imported;
    private int withWarnings;
    private int unchanged;
    private int filtered;
    private int failed;
    private int damaged;
    private OutputFailure stdoutFailure;

    ImportReport(ArcaCommand arca, boolean json, Progress progress) {
        this.arca = arca;
        this.json = json;
        this.progress = progress;
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
        if (unreadable.add(entry.bundle())) {
            progress.above(() -> arca.error("skipping damaged bundle " + entry.bundle() + ": " + ErrorHandler.describe(e)
                    + " (see 'arca verify')"));
        }
    }

    @Override
    public boolean stopped() {
        return stdoutFailure != null;
    }

    /** Throws the failure of stdout, if a line could not be written. */
    void checkOutput() {
        if (stdoutFailure != null) {
            throw stdoutFailure;
        }
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
        if (stdoutFailure != null) {
            return;
        }
        PrintStream out = arca.console().out();
        try {
            out.println(json ? Json.line(o) : line(o));
            out.flush();
        } catch (OutputFailure e) {
            stdoutFailure = e;
            return;
        }
        String where = o.source() + (o.member() == null ? "" : " " + o.member()) + " at offset " + o.offset();
        if (!o.ok()) {
            arca.error("import " + o.url() + " (" + where + "): " + o.error());
            if (cause != null && arca.verbose()) {
                cause.printStackTrace(arca.console().err());
            }
        }
        if (!o.warnings().isEmpty()) {
            arca.error("import " + o.url() + ": imported with " + (o.warnings().size() == 1 ? "a warning" : o.warnings().size() + " warnings")
                    + ": " + o.warnings().stream().map(CaptureWarning::line).collect(Collectors.joining("; ")));
        }
    }

    /** ID, title and URL as fetch prints them; a fourth column says what happened when it was not "imported". */
    private static String line(ImportOutcome o) {
        String base = (o.id() == null ? "-" : o.id()) + "\t" + Columns.clean(o.title()) + "\t" + Columns.clean(o.url());
        if (o.status().equals(ImportOutcome.IMPORTED)) {
            return base;
        }
        return base + "\t" + o.status() + (o.error() == null ? "" : ": " + Columns.clean(o.error()));
    }
}
