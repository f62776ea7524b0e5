package dev.arca.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.archive.Archiver;
import dev.arca.bundle.ContentHash;
import dev.arca.bundle.WarcCaptures;
import dev.arca.extract.Article;
import dev.arca.extract.Extractor;
import dev.arca.fetch.Capture;
import dev.arca.fetch.FetchOptions;
import dev.arca.fetch.Fetcher;
import dev.arca.fetch.LocalFile;
import dev.arca.fetch.WebUrl;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code arca extract}: print the article of a page without storing anything. */
@Command(name = "extract",
        description = {"Extract the article from a URL, a saved page or stdin, and print it without storing anything.",
                "With --input-dir, extract every saved page below a directory into --output-dir."},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:The article was extracted (with --input-dir: every file; with a web archive: every record was read).",
                "1:The source could not be read or fetched (with --input-dir: at least one file failed; with a web "
                        + "archive: a record was damaged or skipped).",
                "2:Usage error."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca extract https://example.com/news/story --format markdown",
                "  curl -s https://example.com/x | arca extract - --url https://example.com/x --format text",
                "  arca extract --input-dir pages/ --output-dir out/ --jobs 2 --stats",
                "  arca extract crawl.warc.gz > articles.ndjson"},
        mixinStandardHelpOptions = true)
final class ExtractCommand implements Callable<Integer> {

    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "0..1",
            description = "An http(s) URL, the path of a saved page, - for stdin, or a WARC, ARC or WACZ file "
                    + "(*.warc, *.warc.gz, *.arc, *.arc.gz, *.wacz): one JSON line per page, with its content hash, capture date, "
                    + "source file and offset.")
    String source;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json, markdown, text or html (default: ${DEFAULT-VALUE}).")
    ArticleFormat format;

    @Option(names = "--url", paramLabel = "URL",
            description = "The page's original URL, to resolve links in a file or stdin.")
    String baseUrl;

    @Option(names = "--comments", description = "Keep the page's comment thread in the article's comments field "
            + "(author, date, text); the body never holds it.")
    boolean comments;

    @ArgGroup(exclusive = false)
    DirectoryOptions batch;

    @Mixin
    HttpOptions http;

    /** The batch mode: every saved page below a directory. */
    static final class DirectoryOptions {
        @Option(names = "--input-dir", paramLabel = "DIR", required = true,
                description = "Extract every *.html and *.htm file below DIR.")
        Path inputDir;

        @Option(names = "--output-dir", paramLabel = "OUT", required = true,
                description = "Write each result to OUT/<relative path>.<format extension>.")
        Path outputDir;

        @Option(names = "--jobs", paramLabel = "N", converter = Ranges.Jobs.class,
                description = "Extract N files at once; " + Ranges.JOBS + " (default: one per CPU).")
        Integer jobs;

        @Option(names = "--stats", description = "Print documents, errors, seconds and documents per second on stderr.")
        boolean stats;
    }

    @Override
    public Integer call() throws IOException {
        Extractor extractor = Extractor.builder().keepComments(comments).build();
        if (batch != null) {
            if (source != null) {
                throw Usage.error(spec, "give either SOURCE or --input-dir, not both");
            }
            return new DirectoryExtraction(extractor, format, http.toFetchOptions().maxSize(), arca).run(batch.inputDir, batch.outputDir,
                    batch.jobs == null ? Runtime.getRuntime().availableProcessors() : batch.jobs, batch.stats);
        }
        if (source == null) {
            throw Usage.error(spec, "nothing to extract: give a URL, a file, - for stdin, or --input-dir");
        }
        Path file = Path.of(source);
        if (Files.isRegularFile(file) && ImportCommand.isArchive(file)) {
            return extractArchive(extractor, file);
        }
        Article article = extractOne(extractor);
        arca.console().out().print(format.render(article));
        return ExitCodes.OK;
    }

    /**
     * One JSON line per page of a web archive: the article as {@code --format json} gives it, with the
     * content hash that the store compares captures by (as the Spark job's rows carry it), the capture's date
     * and where it is in the archive. A damaged record is one line on stderr and status 1.
     */
    private int extractArchive(Extractor extractor, Path file) throws IOException {
        if (format != ArticleFormat.json) {
            throw Usage.error(spec, "a web archive is extracted as JSON lines; --format " + format + " is for one page");
        }
        boolean[] damaged = {false};
        try (WarcCaptures pages = WarcCaptures.open(file, http.toFetchOptions().maxSize(), (f, member, offset, why) -> {
            damaged[0] = true;
            arca.error("extract " + f + (member == null ? "" : " " + member) + " at offset " + offset + ": skipped: " + why);
        })) {
            for (Optional<WarcCaptures.Found> found = pages.next(); found.isPresent(); found = pages.next()) {
                Capture capture = found.get().capture();
                WarcCaptures.Provenance where = found.get().provenance();
                Article article = Archiver.extractionOf(capture, extractor).article();
                ObjectNode line = Json.mapper().valueToTree(article);
                line.put("contentHash", ContentHash.of(article));
                line.put("capturedAt", capture.date().toString());
                line.put("source", file.toAbsolutePath().toString());
                line.put("member", where.member());
                line.put("offset", where.offset());
                arca.console().out().println(Json.line(line));
            }
        }
        arca.console().out().flush();
        return damaged[0] ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private Article extractOne(Extractor extractor) throws IOException {
        String url = baseUrl == null ? null : WebUrl.parse(baseUrl).toString();
        FetchOptions options = http.toFetchOptions();
        if (source.equals("-")) {
            byte[] body = LocalFile.page(arca.console().in(), "stdin", null, options.maxSize());
            return extractor.extract(body, null, url).article();
        }
        Path file = Path.of(source);
        if (Files.isRegularFile(file)) {
            return extractor.extract(LocalFile.page(file, options.maxSize()), null,
                    url != null ? url : file.toAbsolutePath().toUri().toString()).article();
        }
        Capture capture = new Fetcher(options).fetch(WebUrl.parse(source));
        return Archiver.extractionOf(capture, extractor).article();
    }
}
