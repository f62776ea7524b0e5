package dev.arca.fetch;

import java.time.Duration;
import java.util.List;

/**
 * How a {@link Fetcher} talks to servers.
 *
 * @param userAgent    the User-Agent header
 * @param timeout      the longest a whole fetch may take, redirects included
 * @param maxSize      the largest body accepted, both on the wire and once decoded
 * @param maxRedirects how many redirects to follow before giving up
 * @param insecure     accept TLS certificates that do not verify
 * @param headers      extra request headers, sent with every request after arca's own
 * @param cookies      cookies sent to the hosts they name, as a browser would
 */
public record FetchOptions(String userAgent, Duration timeout, long maxSize, int maxRedirects, boolean insecure,
                           List<Header> headers, List<Cookie> cookies) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_SIZE = 50L * 1024 * 1024;
    public static final int DEFAULT_MAX_REDIRECTS = 10;

    public FetchOptions {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxSize <= 0) {
            throw new IllegalArgumentException("max size must be positive");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("max redirects must not be negative");
        }
        headers = List.copyOf(headers);
        cookies = List.copyOf(cookies);
    }

    /** Options without extra headers or cookies. */
    public FetchOptions(String userAgent, Duration timeout, long maxSize, int maxRedirects, boolean insecure) {
        this(userAgent, timeout, maxSize, maxRedirects, insecure, List.of(), List.of());
    }

    /** The defaults, with the given User-Agent. */
    public static FetchOptions defaults(String userAgent) {
        return new FetchOptions(userAgent, DEFAULT_TIMEOUT, DEFAULT_MAX_SIZE, DEFAULT_MAX_REDIRECTS, false);
    }
}
