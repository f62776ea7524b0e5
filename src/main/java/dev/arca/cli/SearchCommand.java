package dev.arca.cli;

import dev.arca.index.CaptureFilter;
import dev.arca.index.IndexedCapture;
import dev.arca.index.SearchHit;
import dev.arca.index.SearchQuery;
import dev.arca.index.SearchSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code arca search}: full-text search over every stored article, best matches first. */
@Command(name = "search",
        description = {"Search the text, titles, bylines and descriptions of the stored articles, best match first "
                + "(BM25), with a snippet of each hit where the matched words are in [brackets].",
                "QUERY is words as people type them: every word must match, and a word with punctuation in it "
                        + "(e-mail, covid-19, don't, U.S., C++, 9/11) matches as written; \"double quotes\" make a phrase "
                        + "and a trailing * a prefix. Nothing else is syntax, so any text is a query.",
                "With --fts, QUERY is SQLite FTS5 syntax: \"a phrase\", OR, NOT, AND, NEAR(...), parentheses, prefix* "
                        + "and column:word for title, byline, description or text."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:The search ran (finding nothing is not an error).",
                "1:The store or its index could not be read.",
                "2:Usage error, including a query with --fts that FTS5 cannot parse."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca search harbour bridge",
                "  arca search e-mail scam",
                "  arca search --fts '\"harbour bridge\" NOT toll'",
                "  arca search --json --site example.com --since 2024-01-01 --limit 50 'ferry*'"})
final class SearchCommand implements Callable<Integer> {

    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "QUERY", arity = "1..*",
            description = "The query; several arguments are joined with spaces, e.g. arca search harbour bridge.")
    List<String> query;

    @Option(names = "--fts", description = "Read QUERY as SQLite FTS5 syntax (OR, NOT, NEAR, column:word) rather than as words.")
    boolean fts;

    @Option(names = "--json", description = "Print one JSON object per hit: the capture's metadata with score and snippet.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", converter = Ranges.SearchLimit.class, defaultValue = "20",
            description = "Show the best N hits; " + Ranges.SEARCH_LIMIT + " (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    CaptureWindow window;

    @Override
    public Integer call() throws IOException {
        String text = String.join(" ", query).strip();
        if (text.isEmpty()) {
            throw Usage.error(spec, "the search query is empty");
        }
        CaptureFilter filter = window.filter(spec, null, null, null);
        List<SearchHit> hits;
        try {
            hits = arca.index().search(fts ? SearchQuery.fts(text) : SearchQuery.words(text), filter, limit);
        } catch (SearchSyntaxException e) {
            throw Usage.error(spec, e.getMessage() + " (with --fts the query is FTS5 syntax: quote words with punctuation"
                    + " in \"double quotes\"; without --fts, words are searched as typed)");
        }
        PrintStream out = arca.console().out();
        for (SearchHit hit : hits) {
            if (json) {
                out.println(Json.line(object(hit)));
            } else {
                print(hit, out);
            }
        }
        if (hits.isEmpty()) {
            arca.note("no captures match " + text);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> object(SearchHit hit) {
        Map<String, Object> object = CaptureField.object(hit.capture(), CaptureField.ALL);
        object.put("score", hit.score());
        object.put("snippet", hit.snippet() == null ? null : Columns.clean(hit.snippet()));
        return object;
    }

    private static void print(SearchHit hit, PrintStream out) {
        IndexedCapture c = hit.capture();
        out.println(String.join("  ", CaptureField.ID.cell(c), CaptureField.CAPTURED.cell(c), CaptureField.SITE.cell(c),
                CaptureField.TITLE.cell(c)));
        if (hit.snippet() != null) {
            out.println("    " + Columns.clean(hit.snippet()));
        }
    }
}
