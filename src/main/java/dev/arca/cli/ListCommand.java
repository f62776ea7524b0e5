package dev.arca.cli;

import dev.arca.bundle.BundleException;
import dev.arca.bundle.BundleReader;
import dev.arca.bundle.BundleVerifier;
import dev.arca.store.Store;
import dev.arca.store.StoreEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code arca list}: the captures in the store, newest first. */
@Command(name = "list",
        description = {"List the stored captures, newest first: ID, capture date (UTC), site and title.",
                "With --json, one object per line with the article metadata, id, captured and bundle."},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:The listing was printed (damaged bundles are reported on stderr and skipped).",
                "1:The store is missing or could not be read.",
                "2:Usage error."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca list --limit 20",
                "  arca list --site example.com --since 2024-01-01 --json"},
        mixinStandardHelpOptions = true)
final class ListCommand implements Callable<Integer> {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object per capture: the article metadata, id, captured and bundle.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N captures.")
    Integer limit;

    @Option(names = "--site", paramLabel = "HOST", description = "Only captures from HOST or its subdomains.")
    String site;

    @Option(names = "--since", paramLabel = "DATE", description = "Only captures made on or after DATE (UTC).")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Only captures made on or before DATE (UTC).")
    String until;

    @Override
    public Integer call() throws IOException {
        DateRange range = Usage.check(spec, () -> DateRange.of(since, until));
        if (limit != null && limit < 0) {
            throw Usage.error(spec, "--limit must not be negative");
        }
        Store store = arca.store();
        store.requireExists();
        List<StoredCapture> shown = new ArrayList<>();
        for (StoreEntry entry : store.entries()) {
            if (limit != null && shown.size() >= limit) {
                break;
            }
            if (!range.contains(entry.captured())) {
                continue;
            }
            StoredCapture capture = read(entry);
            if (capture != null && (site == null || capture.isOnSite(site))) {
                shown.add(capture);
            }
        }
        print(shown);
        return ExitCodes.OK;
    }

    private StoredCapture read(StoreEntry entry) {
        try (BundleReader reader = BundleReader.open(entry.bundle())) {
            BundleVerifier.check(reader);
            return new StoredCapture(entry, reader.article());
        } catch (IOException | RuntimeException e) {
            String why = e instanceof BundleException damage ? damage.problem() : ErrorHandler.describe(e);
            arca.error("skipping damaged bundle " + entry.bundle() + ": " + why + " (see 'arca verify')");
            return null;
        }
    }

    private void print(List<StoredCapture> captures) {
        PrintStream out = arca.console().out();
        if (json) {
            captures.forEach(c -> out.println(Json.line(c.metadata())));
            return;
        }
        if (captures.isEmpty()) {
            return;
        }
        Table table = new Table("ID", "CAPTURED", "SITE", "TITLE");
        for (StoredCapture c : captures) {
            table.add(c.entry().id(), DATE.format(c.entry().captured()), c.site(), Columns.clean(c.article().title()));
        }
        table.print(out);
    }
}
