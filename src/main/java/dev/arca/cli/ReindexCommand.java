package dev.arca.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code arca reindex}: rebuild the index from the bundles alone. */
@Command(name = "reindex",
        description = {"Rebuild the index (index.sqlite in the store) from the bundles alone.",
                "Rarely needed: every command that reads the index first checks it against the bundles and repairs "
                        + "it. Use it after editing bundles in place, which that check cannot see."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {"0:The index was rebuilt (unreadable bundles are reported and left out).",
                "1:The store could not be read or the index could not be written.", "2:Usage error."},
        footerHeading = "%nExamples%n",
        footer = {"  arca reindex", "  rsync -a other-host:archive/ ~/.local/share/arca/ && arca reindex"})
final class ReindexCommand implements Callable<Integer> {

    @ParentCommand
    private ArcaCommand arca;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        int read = arca.storeIndex().rebuild();
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        arca.index();
        arca.note(String.format(Locale.ROOT, "reindexed %d bundles in %.1f s (%.0f bundles/s)", read, seconds, read / seconds));
        return ExitCodes.OK;
    }
}
