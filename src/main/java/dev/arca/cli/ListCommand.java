package dev.arca.cli;

import dev.arca.fetch.FetchException;
import dev.arca.fetch.UrlNormalizer;
import dev.arca.index.CaptureFilter;
import dev.arca.index.CaptureOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code arca list}: the captures in the store, from the index, newest first unless sorted otherwise. */
@Command(name = "list",
        description = {"List the stored captures, newest first unless --sort says otherwise: ID, capture date (UTC), "
                + "site and title. With a URL, list every snapshot of that page.",
                "Answers come from the index, which is first brought up to date with the bundles; "
                        + "--format json, ndjson, csv and tsv are for scripts (--json is ndjson)."},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:The listing was printed (damaged bundles are reported on stderr and skipped).",
                "1:The store is missing or could not be read.",
                "2:Usage error."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca list --limit 20",
                "  arca list --site example.com --since 2024-01-01 --json",
                "  arca list --format csv --fields id,published,title,url --sort published",
                "  arca list https://example.com/news/story"},
        mixinStandardHelpOptions = true)
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "URL", arity = "0..1",
            description = "Only the snapshots of this page; the URL is normalised as fetch does (tracking parameters, "
                    + "default ports and fragments do not matter).")
    String url;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table (default), json (one array), ndjson (one object per line), csv or tsv (with a header row).")
    ListFormat format;

    @Option(names = "--json", description = "The same as --format ndjson: one JSON object per capture with every "
            + "field: id, captured, bundle, size, the article metadata, site, normalizedUrl, status, contentHash and warnings.")
    boolean json;

    @Option(names = "--fields", paramLabel = "FIELD,...", split = ",",
            description = "The columns to print, named as in the JSON output, e.g. id,published,title,url. "
                    + "Default: id,captured,site,title for a table, plus url for csv and tsv, every field for JSON.")
    List<String> fields;

    @Option(names = "--sort", paramLabel = "KEY",
            description = "captured (default, newest first), published (newest first, undated last), title or site (A to Z).")
    CaptureOrder sort = CaptureOrder.captured;

    @Option(names = "--limit", paramLabel = "N", converter = Ranges.ListLimit.class,
            description = "Show at most N captures; " + Ranges.LIST_LIMIT + ".")
    Integer limit;

    @Option(names = "--author", paramLabel = "NAME", description = "Only captures whose byline or authors contain NAME (any case).")
    String author;

    @Option(names = "--lang", paramLabel = "TAG", description = "Only articles in this language; \"en\" also matches en-GB and en-US.")
    String language;

    @Mixin
    CaptureWindow window;

    @Override
    public Integer call() throws IOException {
        if (json && format != null && format != ListFormat.ndjson) {
            throw Usage.error(spec, "--json means --format ndjson; give one or the other");
        }
        List<CaptureField> columns = fields == null ? null : Usage.check(spec, () -> CaptureField.parse(String.join(",", fields)));
        if (columns != null && columns.isEmpty()) {
            throw Usage.error(spec, "--fields needs at least one field name");
        }
        CaptureFilter filter = window.filter(spec, author, language, normalized(url));
        CaptureListing listing = new CaptureListing(json ? ListFormat.ndjson : format == null ? ListFormat.table : format,
                columns, arca.console().out());
        arca.index().forEach(filter, sort, limit, listing);
        listing.finish();
        return ExitCodes.OK;
    }

    private String normalized(String page) {
        if (page == null) {
            return null;
        }
        try {
            return UrlNormalizer.normalize(page);
        } catch (FetchException e) {
            throw Usage.error(spec, e.getMessage());
        }
    }
}
