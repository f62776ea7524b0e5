package dev.arca.cli;

import dev.arca.index.CaptureFilter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --site}, {@code --since} and {@code --until} options that list and search share. */
final class CaptureWindow {

    @Option(names = "--site", paramLabel = "HOST", description = "Only captures from HOST or its subdomains.")
    String site;

    @Option(names = "--since", paramLabel = "DATE", description = "Only captures made on or after DATE (UTC).")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Only captures made on or before DATE (UTC).")
    String until;

    /** The filter these options ask for, with the rest given; a bad date is a usage error of {@code spec}. */
    CaptureFilter filter(CommandSpec spec, String author, String language, String normalizedUrl) {
        DateRange range = Usage.check(spec, () -> DateRange.of(since, until));
        return new CaptureFilter(site, range.from(), range.to(), author, language, normalizedUrl);
    }
}
