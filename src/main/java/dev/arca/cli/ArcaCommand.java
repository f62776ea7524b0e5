package dev.arca.cli;

import dev.arca.store.Store;
import dev.arca.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;

/** The {@code arca} command: global options, and the subcommands that do the work. */
@Command(name = "arca",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Archive web articles: fetch a page, extract the article, and keep both the exact bytes "
                + "served and the clean story in one WACZ bundle per capture.",
                "The store is a plain directory of bundles; every command that takes an ID also accepts a unique prefix."},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:Success: everything asked for was done.",
                "1:At least one item failed (the others were done), or an ID or bundle was bad.",
                "2:Usage error: unknown option, bad value or missing argument."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca fetch https://example.com/news/story",
                "  arca list --limit 10",
                "  arca restore 1ngm35gdgzb --as markdown",
                "  arca verify"},
        subcommands = {
                FetchCommand.class,
                ExtractCommand.class,
                ListCommand.class,
                ShowCommand.class,
                RestoreCommand.class,
                VerifyCommand.class
        })
public final class ArcaCommand implements Runnable {

    private final Console console;

    @Option(names = "--store", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The store directory (default: $ARCA_STORE, else $XDG_DATA_HOME/arca, else ~/.local/share/arca).")
    Path store;

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

    /** The store chosen by {@code --store}, {@code $ARCA_STORE} or the XDG default. */
    Store store() {
        return new Store(StoreLocation.resolve(store, console.env(), console.home()));
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
                "a command is required: fetch, extract, list, show, restore or verify");
    }
}
