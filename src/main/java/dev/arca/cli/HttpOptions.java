package dev.arca.cli;

import dev.arca.fetch.FetchOptions;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The options that shape HTTP fetches, shared by every command that fetches. */
final class HttpOptions {

    @Option(names = "--user-agent", paramLabel = "TEXT",
            description = "The User-Agent header (default: arca/VERSION (+project URL)).")
    String userAgent;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = Ranges.Timeout.class, defaultValue = "30",
            description = "Give up on a URL after this long, redirects included; " + Ranges.TIMEOUT
                    + " (default: ${DEFAULT-VALUE} s).")
    Duration timeout;

    @Option(names = "--max-size", paramLabel = "SIZE", converter = Ranges.MaxSize.class, defaultValue = "50MiB",
            description = "Refuse bodies larger than this, on the wire or decoded, and saved pages larger than this; "
                    + Ranges.MAX_SIZE + " (default: 50MiB).")
    long maxSize;

    @Option(names = "--max-redirects", paramLabel = "N", converter = Ranges.Redirects.class, defaultValue = "10",
            description = "Follow at most N redirects, meta refresh redirects included; " + Ranges.REDIRECTS + " (default: ${DEFAULT-VALUE}).")
    int maxRedirects;

    @Option(names = "--insecure", description = "Accept TLS certificates that do not verify.")
    boolean insecure;

    /** The options as the fetch stage takes them; their converters have checked each range. */
    FetchOptions toFetchOptions() {
        return new FetchOptions(userAgent == null ? Version.userAgent() : userAgent, timeout, maxSize, maxRedirects, insecure);
    }
}
