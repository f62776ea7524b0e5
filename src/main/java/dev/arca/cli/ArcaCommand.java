package dev.arca.cli;

import dev.arca.store.CaptureIndex;
import dev.arca.store.Diagnostics;
import dev.arca.store.Store;
import dev.arca.store.StoreLocation;
import dev.arca.store.Unreadable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.IOException;
import java.nio.file.Path;

/** The {@code arca} command: global options, and the subcommands that do the work. */
@Command(name = "arca",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Archive web articles: fetch a page, extract the article, and keep both as a WACZ bundle.",
        subcommands = {
                FetchCommand.class,
                ExtractCommand.class,
                ListCommand.class,
                ShowCommand.class,
                RestoreCommand.class,
                SearchCommand.class,
                StatsCommand.class,
                RmCommand.class,
                ReindexCommand.class
        })
public final class ArcaCommand implements Runnable {

    private final Console console;
    private Store store;

    @Option(names = "--store", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The store directory (default: $ARCA_STORE, else $XDG_DATA_HOME/arca, else ~/.local/share/arca).")
    Path storeOption;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Explain more on stderr, including stack traces of errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print nothing on stderr but errors.")
    boolean quiet;

    public ArcaCommand(Console console) {
        this.console = console;
    }

    Console console() {
        return console;
    }

    boolean verbose() {
        return verbose;
    }

    boolean quiet() {
        return quiet;
    }

    /**
     * The store chosen by {@code --store}, {@code $ARCA_STORE} or the XDG default; one per command
     * line, closed by {@link #closeStore()}. Its index reports progress as notes and problems as errors.
     */
    Store store() {
        if (store == null) {
            store = new Store(StoreLocation.resolve(storeOption, console.env(), console.home()),
                    new Diagnostics(this::note, this::error));
        }
        return store;
    }

    /** The store's index, up to date, after warning about each bundle it had to leave out. */
    CaptureIndex index() throws IOException {
        CaptureIndex index = store().index();
        for (Unreadable bad : index.unreadable()) {
            error("skipping unreadable bundle " + bad.bundle() + ": " + bad.reason());
        }
        return index;
    }

    /** Closes the store's index, if this command line opened it. */
    void closeStore() throws IOException {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** Prints a one-line diagnostic on stderr, unless {@code --quiet}. */
    void note(String message) {
        if (!quiet) {
            console.err().println("arca: " + message);
        }
    }

    /** Prints a one-line error on stderr, even with {@code --quiet}. */
    void error(String message) {
        console.err().println("arca: " + message);
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "a command is required: fetch, extract, list, search, show, restore, stats, rm or reindex");
    }
}
