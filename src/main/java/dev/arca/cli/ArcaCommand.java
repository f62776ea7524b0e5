package dev.arca.cli;

import dev.arca.index.CaptureIndex;
import dev.arca.index.StoreIndex;
import dev.arca.index.Unreadable;
import dev.arca.store.Diagnostics;
import dev.arca.store.CaptureIds;
import dev.arca.store.Store;
import dev.arca.store.StoreEntry;
import dev.arca.store.StoreLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code arca} command: global options; {@link Subcommands} adds the commands that do the work. */
@Command(name = "arca",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Archive web articles: fetch a page, extract the article, and keep both the exact bytes "
                + "served and the clean story in one WACZ bundle per capture.",
                "The store is a plain directory of bundles; every command that takes an ID also accepts a unique prefix.",
                "Text from pages is never printed raw for people: tabs and line breaks in a value become a space, other "
                        + "control characters are shown as \\xHH. JSON escapes them as \\uXXXX."},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:Success: everything asked for was done.",
                "1:At least one item failed (the others were done), an ID or bundle was bad, or a write to stdout "
                        + "or to a file named by -o failed (one line, such as 'arca: cannot write to standard output: "
                        + "No space left on device').",
                "2:Usage error: unknown option, bad value or one out of range, missing argument, or a mistake in the config file.",
                "3:fetch --no-wait: the store is locked by another run.",
                "141:The reader of stdout went away (arca list | head -1): arca stopped quietly, with the status "
                        + "a shell shows for a tool stopped by SIGPIPE."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca fetch https://example.com/news/story",
                "  arca list --limit 10",
                "  arca restore 1ngm35gdgzb --as markdown",
                "  arca verify"})
public final class ArcaCommand implements Runnable {

    private final Console console;

    @Spec
    private CommandSpec spec;
    private ConfigFile config;
    private List<ConfigFile.Problem> configProblems;
    private Store store;
    private StoreIndex storeIndex;

    @Option(names = "--store", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The store directory (default: $ARCA_STORE, else 'store' in the config file, "
                    + "else $XDG_DATA_HOME/arca, else ~/.local/share/arca).")
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

    /** The user's config file, read once. */
    ConfigFile config() {
        if (config == null) {
            config = ConfigFile.load(console.env(), console.home());
        }
        return config;
    }

    /** Everything wrong with the config file, by line, checked against every command; found once. */
    List<ConfigFile.Problem> configProblems() {
        if (configProblems == null) {
            configProblems = ConfigCheck.problems(config(), spec.commandLine(),
                    () -> new picocli.CommandLine(new ArcaCommand(console)));
        }
        return configProblems;
    }

    /** Where the store is and why: {@code --store}, {@code $ARCA_STORE}, the config file or the XDG default. */
    StoreLocation storeLocation() {
        return StoreLocation.choose(storeOption, console.env(), config().store(), console.home());
    }

    /**
     * The store chosen by {@link #storeLocation()}; one per command line, with its index following
     * its changes, closed by {@link #closeStore()}. Both report progress as notes and problems as errors.
     */
    Store store() {
        if (store == null) {
            Diagnostics diagnostics = new Diagnostics(this::note, this::error);
            store = new Store(storeLocation().path(), diagnostics);
            storeIndex = StoreIndex.of(store, diagnostics);
        }
        return store;
    }

    /** The index of {@link #store()}, opened when first asked. */
    StoreIndex storeIndex() {
        store();
        return storeIndex;
    }

    /** The store's index, up to date, after warning about each bundle it had to leave out. */
    CaptureIndex index() throws IOException {
        store().requireExists();
        CaptureIndex index = storeIndex.current();
        for (Unreadable bad : index.unreadable()) {
            error("skipping damaged bundle " + bad.bundle() + ": " + bad.reason() + " (see 'arca verify')");
        }
        return index;
    }

    /**
     * The bundle that {@code idOrPath} names: a capture ID or unique prefix in the store, or the path
     * of a {@code .wacz} file anywhere (a path that exists and ends in .wacz), shown under its file name.
     */
    StoreEntry bundle(String idOrPath) throws IOException {
        Path file = Path.of(idOrPath);
        if (idOrPath.toLowerCase(Locale.ROOT).endsWith(".wacz") && Files.isRegularFile(file)) {
            String name = file.getFileName().toString();
            String stem = name.substring(0, name.length() - ".wacz".length());
            Instant captured = CaptureIds.isId(stem) ? CaptureIds.captured(stem) : Files.getLastModifiedTime(file).toInstant();
            return new StoreEntry(stem, captured, file.toAbsolutePath(), Files.size(file));
        }
        return store().find(idOrPath);
    }

    /**
     * The lock of {@link #store()} for a command that writes bundles, waiting for another run unless
     * {@code noWait}; null when not taken, which was said on stderr.
     */
    StoreLock lockStore(boolean noWait) throws IOException, InterruptedException {
        Store store = store();
        Optional<StoreLock> lock = store.tryLock();
        if (lock.isPresent()) {
            return lock.get();
        }
        String busy = "the store " + store.root() + " is in use by another arca run"
                + store.lockHolder().map(pid -> " (pid " + pid + ")").orElse("");
        if (noWait) {
            error(busy + "; not waiting (--no-wait)");
            return null;
        }
        note(busy + "; waiting for it to finish");
        return store.lock();
    }

    /** Closes the store's index, if this command line opened it. */
    void closeStore() throws IOException {
        if (storeIndex != null) {
            storeIndex.close();
            storeIndex = null;
            store = null;
        }
    }

    /**
     * Prints a one-line diagnostic on stderr, unless {@code --quiet}. Messages name URLs, titles and
     * paths that may come from a page, so they are {@linkplain Columns#clean cleaned} like any output.
     */
    void note(String message) {
        if (!quiet) {
            error(message);
        }
    }

    /** Prints a one-line error on stderr, even with {@code --quiet}. */
    void error(String message) {
        console.err().println("arca: " + Columns.clean(message));
    }

    @Override
    public void run() {
        throw Usage.error(spec, "a command is required: " + String.join(", ", spec.subcommands().keySet())
                + " (see 'arca --help')");
    }
}
