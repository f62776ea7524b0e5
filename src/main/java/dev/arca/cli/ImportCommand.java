package dev.arca.cli;

import dev.arca.archive.Archiver;
import dev.arca.archive.Import;
import dev.arca.bundle.BundleSigner;
import dev.arca.extract.Extractor;
import dev.arca.fetch.MediaTypes;
import dev.arca.store.Store;
import dev.arca.store.StoreLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@code arca import}: the pages of other tools' web archives, each as one bundle in the store. */
@Command(name = "import",
        description = {"Import the pages of WARC, ARC and WACZ files that other tools wrote (wget, Heritrix, "
                + "browsertrix-crawler, Common Crawl), each HTML page as one bundle in the store.",
                "A directory is searched for *.warc, *.warc.gz, *.arc, *.arc.gz and *.wacz files.",
                "Each bundle holds the page's request, its redirects, its response and the resources it needs that the "
                        + "same archive holds, copied byte for byte (ARC records become WARC/1.1 responses with the same "
                        + "HTTP message); its warcinfo record names the source file and each copied record's ID and offset.",
                "Prints one line per page on stdout (ID, title and URL; the status when it is not 'imported'), or one "
                        + "JSON object with --json, and a summary on stderr. A page whose URL has a stored capture with "
                        + "the same article is 'unchanged' and not stored again (see --force).",
                "A damaged record or gzip member is one line on stderr with its file and offset; it is skipped, and "
                        + "reading goes on at the next record that parses (in a WARC file; a WARC inside a WACZ stops there). "
                        + "A page whose record no longer matches its WARC-Block-Digest is skipped and told the same way, and "
                        + "reading goes on."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:Every page was imported, unchanged, or left out by a filter.",
                "1:A page failed, or a record was damaged or skipped; the others were imported.",
                "2:Usage error.",
                "3:The store is locked by another run and --no-wait was given."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca import crawl.warc.gz",
                "  arca import --json --url 'https://example.com/news/*' archives/",
                "  arca import --since 2024-03-01 --until 2024-03-31 CC-NEWS-20240315.warc.gz",
                "  arca import collection.wacz"})
final class ImportCommand implements Callable<Integer> {

    /** The media types imported unless --type says otherwise. */
    static final List<String> DEFAULT_TYPES = List.of("text/html", "application/xhtml+xml");

    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*",
            description = "WARC (1.0 or 1.1, gzipped or not), ARC or WACZ files, or directories holding them.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--url", paramLabel = "GLOB",
            description = "Only pages whose URL matches GLOB, where * is any text and ? one character. Repeatable.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--type", paramLabel = "MEDIA",
            description = "Only pages of this media type. Repeatable (default: text/html and application/xhtml+xml).")
    List<String> types = new ArrayList<>();

    @Option(names = "--since", paramLabel = "DATE", description = "Only pages captured on or after DATE.")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Only pages captured on or before DATE.")
    String until;

    @Option(names = "--force", description = "Import a page even when the store has a capture of its URL with the same article.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON object per page instead of id, title and URL.")
    boolean json;

    @Option(names = "--no-wait", description = "If another run holds the store, exit with status 3 instead of waiting.")
    boolean noWait;

    @Option(names = "--max-size", paramLabel = "SIZE", converter = Ranges.MaxSize.class, defaultValue = "50MiB",
            description = "Skip records whose block is larger than this; " + Ranges.MAX_SIZE + " (default: 50MiB).")
    long maxSize;

    @Option(names = "--jobs", paramLabel = "N", converter = Ranges.Jobs.class,
            description = "Extract and store N pages at a time, while one thread reads the archive; " + Ranges.JOBS
                    + " (default: the number of processors). Pages are still reported in the archive's order.")
    Integer jobs;

    @Option(names = "--sign", description = "Sign each new bundle with the local key (see 'arca key create').")
    boolean sign;

    @Mixin
    SigningOptions signing;

    @Override
    public Integer call() throws IOException, InterruptedException {
        DateRange dates = Usage.check(spec, () -> DateRange.of(since, until));
        Import.Settings settings = new Import.Settings(urlFilter(), typeFilter(), dates.from(), dates.to(), force, maxSize,
                jobs == null ? Runtime.getRuntime().availableProcessors() : jobs);
        List<Path> files = archives();
        BundleSigner signer = sign ? signing.signer(spec, arca.console()) : null;
        Store store = arca.store();
        try (StoreLock lock = arca.lockStore(noWait)) {
            if (lock == null) {
                return ExitCodes.LOCKED;
            }
            store.removeStaleTemporaries();
            Progress progress = arca.console().stderrIsTerminal() && !arca.quiet()
                    ? new TerminalProgress(arca.console().err()) : Progress.NONE;
            ImportReport report = new ImportReport(arca, json, progress);
            try (progress) {
                Extractor extractor = Extractor.create();
                Import imports = new Import(settings, FetchCommand.storedPages(arca.storeIndex()),
                        () -> new Archiver(extractor, store, Version.software(), signer), report, ErrorHandler::describe);
                for (Path file : files) {
                    if (report.stopped()) {
                        break;
                    }
                    try {
                        imports.file(file);
                    } catch (IOException e) {
                        report.skipped(file, null, 0, "cannot be read: " + ErrorHandler.describe(e));
                    }
                }
            }
            report.checkOutput();
            if (!arca.quiet() || !report.allOk()) {
                arca.console().err().println(report.summary());
            }
            return report.allOk() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    /** The files given, and the web archives below the directories given, in name order; a path that is not there is an error. */
    private List<Path> archives() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(ImportCommand::isArchive).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new NoSuchFileException(input.toString());
            }
        }
        return files;
    }

    static boolean isArchive(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Stream.of(".warc", ".warc.gz", ".arc", ".arc.gz", ".wacz").anyMatch(name::endsWith);
    }

    private Predicate<String> urlFilter() {
        if (urls.isEmpty()) {
            return url -> true;
        }
        List<Pattern> globs = urls.stream().map(ImportCommand::glob).toList();
        return url -> globs.stream().anyMatch(glob -> glob.matcher(url).matches());
    }

    /** A URL glob as a pattern: * is any text, ? one character, the rest literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("(?=[*?])|(?<=[*?])")) {
            regex.append(part.equals("*") ? ".*" : part.equals("?") ? "." : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private Predicate<String> typeFilter() {
        List<String> wanted = (types.isEmpty() ? DEFAULT_TYPES : types).stream()
                .map(t -> MediaTypes.of(t) == null ? t.strip().toLowerCase(Locale.ROOT) : MediaTypes.of(t)).toList();
        return wanted::contains;
    }
}
