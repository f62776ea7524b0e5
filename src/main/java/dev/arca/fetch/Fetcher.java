package dev.arca.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches one URL over HTTP/1.1 and returns the {@link Capture}: every hop of the redirect chain
 * as received ({@link WireClient}), and the final body decoded.
 *
 * <p>Redirects are followed here rather than by the HTTP client so that each hop is recorded. The
 * timeout covers the whole fetch, redirects and body included; the size limit applies to each body
 * on the wire and again after decoding. Thread-safe: one fetcher serves many concurrent fetches.
 */
public final class Fetcher {

    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String ACCEPT_LANGUAGE = "en;q=0.9,*;q=0.5";
    private static final String ACCEPT_ENCODING = "gzip, deflate, br";

    private final FetchOptions options;
    private final WireClient wire;

    public Fetcher(FetchOptions options) {
        this.options = options;
        this.wire = new WireClient(options);
    }

    /**
     * Fetches {@code url}, following redirects, and fails unless the final status is 2xx. A page
     * that is only a meta refresh ({@link MetaRefresh}) is followed like a redirect: it is a hop
     * of the chain, counts against the redirect limit and takes part in loop detection.
     */
    public Capture fetch(URI url) throws FetchException {
        Instant deadline = Instant.now().plus(options.timeout());
        List<Exchange> hops = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI current = url;
        while (true) {
            if (!seen.add(current)) {
                throw new FetchException(FetchException.Reason.REDIRECTS, "redirect loop at " + current);
            }
            Exchange hop = exchange(current, deadline, ACCEPT, null, options.maxSize());
            hops.add(hop);
            URI next;
            if (hop.isRedirect()) {
                next = redirectTarget(hop);
            } else {
                Capture page = page(url, hops);
                Optional<URI> refresh = MetaRefresh.target(page);
                if (refresh.isEmpty()) {
                    return page;
                }
                next = refresh.get();
            }
            if (hops.size() > options.maxRedirects()) {
                throw new FetchException(FetchException.Reason.REDIRECTS,
                        "more than " + options.maxRedirects() + " redirects", FetchException.Setting.MAX_REDIRECTS, null);
            }
            current = next;
        }
    }

    /**
     * Fetches a page's requisite as a browser asks for it: with the {@code Accept} of its kind and
     * the {@code Referer} of the document that names it, following redirects, and whatever the
     * final status, since an error response is stored as received too.
     *
     * @param maxSize  the largest body accepted, at most the options' own
     * @param deadline when to give up, if sooner than the options' timeout
     * @return every hop, the last one the requisite's own response (or the redirect past the limit)
     */
    public List<Exchange> requisite(URI url, String accept, URI referer, long maxSize, Instant deadline) throws FetchException {
        Instant timeout = Instant.now().plus(options.timeout());
        Instant until = deadline.isBefore(timeout) ? deadline : timeout;
        long size = Math.min(maxSize, options.maxSize());
        List<Exchange> hops = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI current = url;
        while (seen.add(current) && hops.size() <= options.maxRedirects()) {
            Exchange hop = exchange(current, until, accept, Referer.of(referer, current), size);
            hops.add(hop);
            if (!hop.isRedirect()) {
                break;
            }
            current = redirectTarget(hop);
        }
        return hops;
    }

    /** The capture whose last hop is the page itself; fails unless its status is 2xx. */
    private Capture page(URI requested, List<Exchange> hops) throws FetchException {
        Exchange last = hops.get(hops.size() - 1);
        if (last.status() < 200 || last.status() > 299) {
            throw FetchException.httpStatus(last.status(), last.responseHeader("Retry-After").orElse(null));
        }
        String contentType = last.responseHeader("Content-Type").orElse(null);
        byte[] decoded = new ContentDecoder(options.maxSize())
                .decode(last.body(), last.responseHeader("Content-Encoding").orElse(null));
        String mediaType = MediaTypes.of(contentType);
        return new Capture(requested, last.uri(), last.date(), hops, mediaType != null ? mediaType : MediaTypes.sniff(decoded),
                contentType, decoded);
    }

    private static URI redirectTarget(Exchange hop) throws FetchException {
        String location = hop.responseHeader("Location").orElseThrow();
        try {
            return WebUrl.resolve(hop.uri(), location);
        } catch (FetchException e) {
            throw new FetchException(FetchException.Reason.BAD_URL,
                    "redirect from " + hop.uri() + " to an unusable location: " + e.getMessage());
        }
    }

    /** One request and its response; {@code referer} is null for none. */
    private Exchange exchange(URI uri, Instant deadline, String accept, String referer, long maxSize) throws FetchException {
        requireTimeLeft(deadline);
        InetAddress address = resolve(uri);
        List<Header> requestHeaders = new ArrayList<>(List.of(
                new Header("Host", hostHeader(uri)),
                new Header("User-Agent", options.userAgent()),
                new Header("Accept", accept),
                new Header("Accept-Language", ACCEPT_LANGUAGE),
                new Header("Accept-Encoding", ACCEPT_ENCODING)));
        if (referer != null) {
            requestHeaders.add(new Header("Referer", referer));
        }
        requestHeaders.addAll(options.headers());
        String cookie = Cookie.header(options.cookies(), uri);
        if (cookie != null) {
            requestHeaders.add(new Header("Cookie", cookie));
        }
        return wire.exchange(uri, address, requestHeaders, deadline, maxSize);
    }

    private void requireTimeLeft(Instant deadline) throws FetchException {
        if (!Instant.now().isBefore(deadline)) {
            throw WireClient.timedOut(options);
        }
    }

    private static InetAddress resolve(URI uri) throws FetchException {
        try {
            return InetAddress.getByName(uri.getHost().replaceAll("^\\[|\\]$", ""));
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Reason.DNS, "cannot resolve host " + uri.getHost(), e);
        }
    }

    private static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 80 && "http".equals(uri.getScheme()))
                || (port == 443 && "https".equals(uri.getScheme()));
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
