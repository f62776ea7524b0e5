package dev.arca.cli;

import dev.arca.fetch.Cookie;
import dev.arca.fetch.FetchOptions;
import dev.arca.fetch.Header;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    @Option(names = "--header", paramLabel = "'NAME: VALUE'", converter = HeaderConverter.class,
            description = "Send this request header too, with every request (the browser's included). Repeatable.")
    List<Header> headers = new ArrayList<>();

    @Option(names = "--cookies", paramLabel = "FILE",
            description = "Send the cookies of this Netscape cookies.txt file (as wget, curl and yt-dlp read it) "
                    + "to the hosts they name, with static and browser fetches alike.")
    Path cookies;

    /** The options as the fetch stage takes them; their converters have checked each range. */
    FetchOptions toFetchOptions() {
        return new FetchOptions(userAgent == null ? Version.userAgent() : userAgent, timeout, maxSize, maxRedirects, insecure,
                headers, readCookies());
    }

    private List<Cookie> readCookies() {
        if (cookies == null) {
            return List.of();
        }
        try {
            return Cookie.read(cookies);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the cookies file: " + ErrorHandler.describe(e));
        }
    }

    /** {@code Name: value}, as curl and wget take it. */
    static final class HeaderConverter implements ITypeConverter<Header> {
        @Override
        public Header convert(String value) {
            int colon = value.indexOf(':');
            String name = colon < 0 ? "" : value.substring(0, colon).strip();
            if (name.isEmpty() || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new picocli.CommandLine.TypeConversionException("not a header 'Name: value': " + value);
            }
            return new Header(name, value.substring(colon + 1).strip());
        }
    }
}
