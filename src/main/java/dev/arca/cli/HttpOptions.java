package dev.arca.cli;

import dev.arca.fetch.FetchOptions;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The options that shape HTTP fetches, shared by every command that fetches. */
final class HttpOptions {

    @Option(names = "--user-agent", paramLabel = "TEXT",
            description = "The User-Agent header (default: arca/VERSION (+project URL)).")
    String userAgent;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = SecondsConverter.class, defaultValue = "30",
            description = "Give up on a URL after this long, redirects included (default: ${DEFAULT-VALUE} s).")
    Duration timeout;

    @Option(names = "--max-size", paramLabel = "SIZE", converter = ByteSizeConverter.class, defaultValue = "50MiB",
            description = "Refuse bodies larger than this, on the wire or decoded (default: 50MiB).")
    long maxSize;

    @Option(names = "--max-redirects", paramLabel = "N", defaultValue = "10",
            description = "Follow at most N redirects, meta refresh redirects included (default: ${DEFAULT-VALUE}).")
    int maxRedirects;

    @Option(names = "--insecure", description = "Accept TLS certificates that do not verify.")
    boolean insecure;

    /** The options as the fetch stage takes them; a bad value is a usage error. */
    FetchOptions toFetchOptions() {
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("--max-redirects must not be negative");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("--timeout must be more than 0");
        }
        return new FetchOptions(userAgent == null ? Version.userAgent() : userAgent, timeout, maxSize, maxRedirects, insecure);
    }
}
