package dev.arca.cli;

import dev.arca.bundle.BundleReader;
import dev.arca.store.Store;
import dev.arca.store.StoreEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code arca rm}: delete captures, bundle and index row together. */
@Command(name = "rm",
        description = {"Remove captures: delete their bundles and their rows in the index, and print each removed ID.",
                "Asks first when stdin is a terminal, unless --yes. Nothing is removed if any ID is unknown or ambiguous."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {"0:The captures were removed, or the question was answered no.",
                "1:An ID is unknown or ambiguous, or a bundle could not be removed.", "2:Usage error."},
        footerHeading = "%nExamples%n",
        footer = {"  arca rm 1ngm35gdgzb", "  arca list --site example.com --fields id --format tsv | tail -n +2 | xargs arca rm --yes"})
final class RmCommand implements Callable<Integer> {

    @ParentCommand
    private ArcaCommand arca;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "Capture IDs, or unique prefixes of them.")
    List<String> ids;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        Store store = arca.store();
        Map<String, StoreEntry> doomed = new LinkedHashMap<>();
        for (String id : ids) {
            StoreEntry entry = store.find(id);
            doomed.put(entry.id(), entry);
        }
        if (!yes && arca.console().stdinIsTerminal() && !confirmed(doomed)) {
            arca.error("nothing removed");
            return ExitCodes.FAILED;
        }
        PrintStream out = arca.console().out();
        for (StoreEntry entry : doomed.values()) {
            store.remove(entry);
            out.println(entry.id());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private boolean confirmed(Map<String, StoreEntry> doomed) throws IOException {
        PrintStream err = arca.console().err();
        for (StoreEntry entry : doomed.values()) {
            err.println("  " + entry.id() + "  " + title(entry));
        }
        err.print("Remove " + (doomed.size() == 1 ? "this capture" : "these " + doomed.size() + " captures") + "? [y/N] ");
        err.flush();
        String answer = new BufferedReader(new InputStreamReader(arca.console().in(), StandardCharsets.UTF_8)).readLine();
        return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
    }

    private static String title(StoreEntry entry) {
        try (BundleReader reader = BundleReader.open(entry.bundle())) {
            return Columns.clean(reader.articleForListing().title());
        } catch (IOException | RuntimeException e) {
            return entry.bundle().toString();
        }
    }
}
