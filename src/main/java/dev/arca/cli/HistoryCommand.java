package dev.arca.cli;

import dev.arca.diff.ArticleDiff;
import dev.arca.extract.Article;
import dev.arca.index.IndexedCapture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code arca history}: every snapshot of a page, and what changed in the story from one to the next. */
@Command(name = "history",
        description = {"List every snapshot of a page, oldest first: its capture time, whether the headline, byline, "
                + "dates or body changed since the snapshot before, and the words added and removed.",
                "The page is named by its URL or by the ID of any of its snapshots. Only the extracted articles are "
                        + "compared, so menus, ads and \"Related Articles\" never count as changes. "
                        + "'arca fetch --refetch' adds a snapshot when the story changed."},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:The history was printed.",
                "1:The URL was never captured, the ID is unknown, or a snapshot's bundle is damaged (the others are listed).",
                "2:Usage error."},
        footerHeading = "%nExamples%n",
        footer = {"  arca history https://example.com/news/story",
                "  arca history 1ngm35",
                "  arca history --json 1ngm35 | jq 'select(.changed.headline)'"},
        mixinStandardHelpOptions = true)
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "URL|ID", description = "The page: its URL, or the ID (or unique prefix) of one of its snapshots.")
    String page;

    @Option(names = "--json", description = "Print one JSON object per snapshot: id, captured, bundle, title, previous, "
            + "changed {headline, byline, dates, body}, fields, wordsAdded, wordsRemoved.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        List<IndexedCapture> snapshots = PageHistory.snapshots(arca, spec, page);
        Table table = new Table("ID", "CAPTURED", "CHANGED", "WORDS", "TITLE");
        int damaged = 0;
        IndexedCapture previous = null;
        Article before = null;
        for (IndexedCapture snapshot : snapshots) {
            Article article;
            try {
                article = PageHistory.article(snapshot.entry());
            } catch (IOException e) {
                arca.error("history: skipping " + snapshot.entry().id() + ": " + ErrorHandler.describe(e) + " (see 'arca verify')");
                damaged++;
                continue;
            }
            ArticleDiff diff = before == null ? null : ArticleDiff.between(before, article);
            if (json) {
                arca.console().out().println(Json.line(object(snapshot, previous, diff)));
            } else {
                table.add(snapshot.entry().id(), CaptureField.CAPTURED.cell(snapshot), diff == null ? "first" : PageHistory.changed(diff),
                        diff == null ? "" : "+" + diff.summary().wordsAdded() + " -" + diff.summary().wordsRemoved(),
                        CaptureField.TITLE.cell(snapshot));
            }
            previous = snapshot;
            before = article;
        }
        if (!json) {
            table.print(arca.console().out());
        }
        return damaged == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static Map<String, Object> object(IndexedCapture snapshot, IndexedCapture previous, ArticleDiff diff) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", snapshot.entry().id());
        line.put("captured", snapshot.entry().captured().toString());
        line.put("bundle", snapshot.entry().bundle().toString());
        line.put("title", snapshot.article().title());
        line.put("previous", previous == null ? null : previous.entry().id());
        line.put("changed", PageHistory.aspects(diff));
        line.put("fields", diff == null ? List.of() : PageHistory.fields(diff));
        line.put("wordsAdded", diff == null ? 0 : diff.summary().wordsAdded());
        line.put("wordsRemoved", diff == null ? 0 : diff.summary().wordsRemoved());
        return line;
    }
}
