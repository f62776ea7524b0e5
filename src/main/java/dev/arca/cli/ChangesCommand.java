package dev.arca.cli;

import dev.arca.diff.ArticleDiff;
import dev.arca.index.CaptureFilter;
import dev.arca.index.CaptureIndex;
import dev.arca.index.CaptureOrder;
import dev.arca.index.IndexedCapture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code arca changes}: the articles whose story changed, for a cron job to mail or post. */
@Command(name = "changes",
        description = {"Print the articles that changed since DATE: one line per page with a snapshot captured since "
                + "then that differs from the one before (corrections, stealth edits), with a short summary of what changed.",
                "Each line compares the newest snapshot with the last one from before DATE (or, for a page first "
                        + "captured since DATE, its first). A page captured once is new, not changed, and is not listed. "
                        + "Nothing is printed when nothing changed, so cron mails only when there is news.",
                "--json prints one object per line; --format atom prints an Atom 1.0 feed."},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:The changes were printed (none is not an error).",
                "1:A snapshot's bundle is damaged (the other changes are printed), or the store cannot be read.",
                "2:Usage error, such as a DATE that is not a date."},
        footerHeading = "%nExamples%n",
        footer = {"  arca changes --since 2026-11-01",
                "  arca changes --since 2026-11-28T09:00:00Z --json",
                "  arca changes --since \"$(date -u -d yesterday +%%F)\" --format atom > changes.xml"},
        mixinStandardHelpOptions = true)
final class ChangesCommand implements Callable<Integer> {

    /** The output formats of {@code --format}. */
    enum Format { text, json, atom }

    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Option(names = "--since", paramLabel = "DATE", required = true,
            description = "Changes captured on or after DATE: a day (2026-11-28, from its start in UTC) or a time (2026-11-28T09:00:00Z).")
    String since;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json (one object per line) or atom (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--json", description = "The same as --format json.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Instant from = Usage.check(spec, () -> DateRange.of(since, null)).from();
        Format shown = json ? Format.json : format;
        CaptureIndex index = arca.index();
        Map<String, IndexedCapture> newest = new LinkedHashMap<>();
        for (IndexedCapture capture : index.list(new CaptureFilter(null, from, null, null, null, null), CaptureOrder.captured, null)) {
            newest.putIfAbsent(capture.normalizedUrl(), capture);
        }
        Table table = new Table("ID", "PREVIOUS", "CAPTURED", "CHANGED", "TITLE", "URL");
        ChangeFeed feed = new ChangeFeed(from);
        int damaged = 0;
        for (IndexedCapture after : newest.values()) {
            IndexedCapture before = before(index.snapshots(after.normalizedUrl()), from, after);
            if (before == null) {
                continue;
            }
            ArticleDiff diff;
            try {
                diff = ArticleDiff.between(PageHistory.article(before.entry()), PageHistory.article(after.entry()));
            } catch (IOException e) {
                arca.error("changes: skipping " + after.entry().id() + ": " + ErrorHandler.describe(e) + " (see 'arca verify')");
                damaged++;
                continue;
            }
            if (diff.isEmpty()) {
                continue;
            }
            String url = after.article().url();
            String summary = PageHistory.summary(diff);
            switch (shown) {
                case text -> table.add(after.entry().id(), before.entry().id(), CaptureField.minutes(after.entry().captured()),
                        summary, after.article().title(), url);
                case json -> arca.console().out().println(Json.line(object(before, after, diff, summary)));
                case atom -> feed.add(after.entry().id(), before.entry().id(), after.entry().captured(),
                        after.article().title(), url, summary);
            }
        }
        if (shown == Format.atom) {
            arca.console().out().print(feed.xml());
        } else if (shown == Format.text && !table.isEmpty()) {
            table.print(arca.console().out());
        }
        return damaged == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * What {@code after} is compared with: the newest snapshot from before {@code from}, else the
     * page's first; null when there is none other than {@code after}.
     */
    private static IndexedCapture before(List<IndexedCapture> newestFirst, Instant from, IndexedCapture after) {
        for (IndexedCapture snapshot : newestFirst) {
            if (snapshot.entry().captured().isBefore(from)) {
                return snapshot;
            }
        }
        IndexedCapture first = newestFirst.get(newestFirst.size() - 1);
        return first.entry().id().equals(after.entry().id()) ? null : first;
    }

    private static Map<String, Object> object(IndexedCapture before, IndexedCapture after, ArticleDiff diff, String summary) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", after.entry().id());
        line.put("previous", before.entry().id());
        line.put("url", after.article().url());
        line.put("title", after.article().title());
        line.put("captured", after.entry().captured().toString());
        line.put("previousCaptured", before.entry().captured().toString());
        line.put("changed", PageHistory.aspects(diff));
        line.put("fields", PageHistory.fields(diff));
        line.put("wordsAdded", diff.summary().wordsAdded());
        line.put("wordsRemoved", diff.summary().wordsRemoved());
        line.put("summary", summary);
        return line;
    }
}
