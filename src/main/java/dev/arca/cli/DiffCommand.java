package dev.arca.cli;

import dev.arca.fetch.WebUrl;
import dev.arca.diff.ArticleDiff;
import dev.arca.diff.HtmlDiffRenderer;
import dev.arca.diff.JsonDiffRenderer;
import dev.arca.diff.MarkdownDiffRenderer;
import dev.arca.diff.UnifiedDiffRenderer;
import dev.arca.index.IndexedCapture;
import dev.arca.store.StoreEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code arca diff}: what changed in the story between two snapshots. */
@Command(name = "diff",
        description = {"Show what changed in the article between two snapshots: headline, byline, authors, dates, lead "
                + "image and the other metadata, then the paragraphs added, removed, moved or changed, with the words "
                + "changed inside an edited paragraph.",
                "Give two IDs (older first), the URL of a page to compare its last two snapshots, or one ID to compare "
                        + "it with the snapshot before it. Only the extracted articles are compared, never the pages, "
                        + "so menus, ads and \"Related Articles\" never show.",
                "Unified text by default, in colour on a terminal; --json (schema arca-diff/1), --format markdown, or "
                        + "--format html: a standalone side-by-side page, as safe to open as 'restore --as html'."},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:The diff was printed (whether or not anything changed; see 'changed' in --json).",
                "1:An ID is unknown, the URL has fewer than two snapshots, or a bundle is damaged.",
                "2:Usage error."},
        footerHeading = "%nExamples%n",
        footer = {"  arca diff https://example.com/news/story",
                "  arca diff 1ngm35gdgzb 1ngq0c2m1xa",
                "  arca diff --format html 1ngq0c > changes.html",
                "  arca diff --json 1ngq0c | jq .summary"},
        mixinStandardHelpOptions = true)
final class DiffCommand implements Callable<Integer> {

    /** The output formats of {@code --format}. */
    enum Format { text, json, markdown, html }

    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID|URL", arity = "1..2",
            description = "Two snapshot IDs (or unique prefixes), older first; or one page URL (its last two snapshots); "
                    + "or one ID (it and the snapshot before it).")
    List<String> targets = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown or html (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--json", description = "The same as --format json.")
    boolean json;

    @Option(names = "--color", negatable = true,
            description = "Colour the text form, or with --no-color do not (default: in colour on a terminal, unless $NO_COLOR is set).")
    Boolean color;

    @Override
    public Integer call() throws IOException {
        StoreEntry[] pair = pair();
        StoreEntry before = pair[0];
        StoreEntry after = pair[1];
        ArticleDiff diff = ArticleDiff.between(PageHistory.article(before), PageHistory.article(after));
        String beforeLabel = label(before);
        String afterLabel = label(after);
        String out = switch (json ? Format.json : format) {
            case text -> new UnifiedDiffRenderer(colour()).render(diff, beforeLabel, afterLabel);
            case json -> new JsonDiffRenderer().render(diff, before.id(), after.id());
            case markdown -> new MarkdownDiffRenderer().render(diff, beforeLabel, afterLabel);
            case html -> new HtmlDiffRenderer().render(diff, beforeLabel, afterLabel);
        };
        arca.console().out().print(out.endsWith("\n") ? out : out + "\n");
        return ExitCodes.OK;
    }

    /** The two snapshots to compare, older first. */
    private StoreEntry[] pair() throws IOException {
        if (targets.size() == 2) {
            return new StoreEntry[]{arca.store().find(targets.get(0)), arca.store().find(targets.get(1))};
        }
        String target = targets.get(0);
        List<IndexedCapture> snapshots = PageHistory.snapshots(arca, spec, target);
        int at = snapshots.size() - 1;
        if (!WebUrl.hasScheme(target)) {
            String id = arca.store().find(target).id();
            at = indexOf(snapshots, id);
        }
        if (at < 1) {
            throw new IOException(snapshots.size() < 2
                    ? target + " has one snapshot only (" + snapshots.get(0).entry().id() + "); nothing to compare"
                    : snapshots.get(at).entry().id() + " is the first snapshot of its page; nothing before it to compare");
        }
        return new StoreEntry[]{snapshots.get(at - 1).entry(), snapshots.get(at).entry()};
    }

    private static int indexOf(List<IndexedCapture> snapshots, String id) {
        for (int i = 0; i < snapshots.size(); i++) {
            if (snapshots.get(i).entry().id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** "1ngm35gdgzb (2026-11-28 09:14)": the ID and capture time heading each side. */
    private static String label(StoreEntry entry) {
        return entry.id() + " (" + CaptureField.minutes(entry.captured()) + ")";
    }

    private boolean colour() {
        return color != null ? color : arca.console().stdoutIsTerminal() && arca.console().env().get("NO_COLOR") == null;
    }
}
