package dev.arca.cli;

import dev.arca.extract.Extractor;
import dev.arca.fetch.Capture;
import dev.arca.fetch.FetchException;
import dev.arca.fetch.FetchOptions;
import dev.arca.fetch.Fetcher;
import dev.arca.fetch.LocalFile;
import dev.arca.fetch.WebUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code arca fetch}: archive each URL (or saved page) as one bundle in the store. */
@Command(name = "fetch",
        description = {"Fetch each URL, extract the article, and store the capture as a WACZ bundle.",
                "Prints one line per archived URL on stdout: ID, title and URL, separated by tabs.",
                "A saved page can be archived too: give its path and, with --url, the address it came from."},
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:Every input was archived.",
                "1:At least one input failed; the others were archived.",
                "2:Usage error."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca fetch https://example.com/news/story",
                "  arca fetch --json https://example.com/a https://example.com/b",
                "  arca fetch saved-page.html --url https://example.com/news/story"},
        mixinStandardHelpOptions = true)
final class FetchCommand implements Callable<Integer> {

    private static final Pattern HAS_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "URL", arity = "1..*",
            description = "http(s) URLs to archive, or paths of saved pages.")
    List<String> inputs;

    @Option(names = "--url", paramLabel = "URL",
            description = "The original URL of a saved page given as a file.")
    String originalUrl;

    @Option(names = "--json", description = "Print one JSON object per input instead of id, title and URL.")
    boolean json;

    @Mixin
    HttpOptions http;

    @Override
    public Integer call() {
        if (originalUrl != null && inputs.size() != 1) {
            throw Usage.error(spec, "--url goes with exactly one saved page");
        }
        FetchOptions options = Usage.check(spec, http::toFetchOptions);
        Fetcher fetcher = new Fetcher(options);
        Archiver archiver = new Archiver(Extractor.create(), arca.store());
        int failures = 0;
        for (String input : inputs) {
            FetchOutcome outcome = archiveOne(input, fetcher, archiver, options);
            print(outcome);
            if (!outcome.ok()) {
                failures++;
                arca.error("fetch " + input + ": " + outcome.error());
            }
        }
        return failures == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private FetchOutcome archiveOne(String input, Fetcher fetcher, Archiver archiver, FetchOptions options) {
        try {
            Capture capture = capture(input, fetcher, options);
            Archiver.Archived archived = archiver.archive(capture, Map.of());
            return new FetchOutcome(input, capture.url().toString(), FetchOutcome.ARCHIVED, archived.entry().id(),
                    archived.article().title(), archived.entry().bundle().toString(), null);
        } catch (IOException | RuntimeException e) {
            if (arca.verbose()) {
                e.printStackTrace(arca.console().err());
            }
            return FetchOutcome.failed(input, ErrorHandler.describe(e));
        }
    }

    private Capture capture(String input, Fetcher fetcher, FetchOptions options) throws IOException {
        if (HAS_SCHEME.matcher(input).matches() && !Files.exists(Path.of(input))) {
            if (input.regionMatches(true, 0, "file:", 0, 5)) {
                throw new FetchException(FetchException.Reason.BAD_URL,
                        "file: URLs are not fetched; give the path of the saved page instead");
            }
            return fetcher.fetch(WebUrl.parse(input));
        }
        Path file = Path.of(input);
        if (!Files.exists(file)) {
            throw new FetchException(FetchException.Reason.FILE,
                    "not a URL and no such file: " + input + " (URLs start with http:// or https://)");
        }
        URI url = originalUrl == null ? null : WebUrl.parse(originalUrl);
        return LocalFile.read(file, url, options.maxSize());
    }

    private void print(FetchOutcome outcome) {
        if (json) {
            arca.console().out().println(Json.line(outcome));
        } else if (outcome.ok()) {
            arca.console().out().println(outcome.id() + "\t" + Columns.clean(outcome.title()) + "\t" + outcome.url());
        }
        arca.console().out().flush();
    }
}
