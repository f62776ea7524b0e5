package dev.arca.fetch;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one URL over HTTP/1.1 or HTTP/2 and returns the {@link Capture}: every hop of the
 * redirect chain as received, and the final body decoded.
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
    private final HttpClient client;

    public Fetcher(FetchOptions options) {
        this.options = options;
        this.client = newClient(options);
    }

    private static HttpClient newClient(FetchOptions options) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.timeout());
        if (options.insecure()) {
            // read once by the JDK's HTTP client, so it must be set before the first client exists
            System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
            builder.sslContext(trustingEverything());
        }
        return builder.build();
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
            Exchange hop = exchange(current, deadline);
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

    private Exchange exchange(URI uri, Instant deadline) throws FetchException {
        Duration remaining = remaining(deadline);
        InetAddress address = resolve(uri);
        List<Header> requestHeaders = new ArrayList<>(List.of(
                new Header("Host", hostHeader(uri)),
                new Header("User-Agent", options.userAgent()),
                new Header("Accept", ACCEPT),
                new Header("Accept-Language", ACCEPT_LANGUAGE),
                new Header("Accept-Encoding", ACCEPT_ENCODING)));
        requestHeaders.addAll(options.headers());
        String cookie = Cookie.header(options.cookies(), uri);
        if (cookie != null) {
            requestHeaders.add(new Header("Cookie", cookie));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(remaining)
                // HTTP/2 only where TLS negotiates it; a cleartext upgrade attempt would add headers we do not record
                .version("https".equals(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
        for (Header h : requestHeaders.subList(1, requestHeaders.size())) {
            request.header(h.name(), h.value());
        }
        Instant date = Instant.now();
        BoundedBodySubscriber[] body = new BoundedBodySubscriber[1];
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(), info -> {
            body[0] = new BoundedBodySubscriber(options.maxSize());
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > options.maxSize()) {
                body[0].fail(new FetchException(FetchException.Reason.TOO_LARGE, "response declares "
                        + Sizes.human(declared) + ", more than " + FetchException.SIZE_LIMIT + " (" + Sizes.human(options.maxSize()) + ")",
                        FetchException.Setting.MAX_SIZE, null));
            }
            return body[0];
        });
        HttpResponse<byte[]> response = await(future, body, deadline, uri);
        return new Exchange(uri, date, address, protocolName(response.version()), requestHeaders,
                response.statusCode(), responseHeaders(response), response.body());
    }

    private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> future,
                                       BoundedBodySubscriber[] body, Instant deadline, URI uri) throws FetchException {
        try {
            return future.get(Math.max(1, remaining(deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            FetchException timeout = timedOut();
            if (body[0] != null) {
                body[0].fail(timeout);
            }
            future.cancel(true);
            throw timeout;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Reason.TIMEOUT, "interrupted", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), uri);
        }
    }

    private FetchException timedOut() {
        return new FetchException(FetchException.Reason.TIMEOUT,
                "timed out after " + seconds(options.timeout()) + " s", FetchException.Setting.TIMEOUT, null);
    }

    /** "2" for two seconds, "1.5" for one and a half. */
    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private Duration remaining(Instant deadline) throws FetchException {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw timedOut();
        }
        return left;
    }

    private static InetAddress resolve(URI uri) throws FetchException {
        try {
            return InetAddress.getByName(uri.getHost().replaceAll("^\\[|\\]$", ""));
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Reason.DNS, "cannot resolve host " + uri.getHost(), e);
        }
    }

    private FetchException translate(Throwable cause, URI uri) {
        Throwable t = cause;
        while (t != null) {
            if (t instanceof FetchException fe) {
                return fe;
            }
            if (t instanceof HttpConnectTimeoutException) {
                return new FetchException(FetchException.Reason.TIMEOUT, "connect to " + authority(uri) + " timed out", cause);
            }
            if (t instanceof HttpTimeoutException) {
                return timedOut();
            }
            if (t instanceof ConnectException) {
                return new FetchException(FetchException.Reason.CONNECT, "cannot connect to " + authority(uri)
                        + ": connection refused", cause);
            }
            if (t instanceof UnknownHostException) {
                return new FetchException(FetchException.Reason.DNS, "cannot resolve host " + uri.getHost(), cause);
            }
            if (t instanceof SSLException) {
                return tlsFailure(t, uri, cause);
            }
            t = t.getCause();
        }
        String message = rootMessage(cause);
        if (message.startsWith("Invalid status line") || message.startsWith("Bad status line")) {
            return new FetchException(FetchException.Reason.PROTOCOL,
                    "exchange with " + authority(uri) + " failed: the server did not answer in HTTP", cause);
        }
        if (message.contains("EOF") || message.contains("closed") || message.contains("content-length")) {
            return new FetchException(FetchException.Reason.PROTOCOL,
                    "connection to " + authority(uri) + " closed before the response was complete", cause);
        }
        return new FetchException(FetchException.Reason.PROTOCOL, "exchange with " + authority(uri) + " failed: " + message, cause);
    }

    /** A TLS failure in words a user can act on; the JDK's own are class names and jargon. */
    private static FetchException tlsFailure(Throwable t, URI uri, Throwable cause) {
        String prefix = "TLS handshake with " + authority(uri) + " failed: ";
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.security.cert.CertificateException) {
                String why = c.getMessage() != null && c.getMessage().startsWith("No subject alternative")
                        ? "the certificate is not for " + uri.getHost() : "the certificate is not trusted";
                return new FetchException(FetchException.Reason.TLS,
                        prefix + why, FetchException.Setting.CERTIFICATES, cause);
            }
        }
        String root = rootMessage(t);
        String why = root.contains("Unsupported or unrecognized SSL message") || root.contains("plaintext")
                ? "the server did not answer in TLS" : root;
        return new FetchException(FetchException.Reason.TLS, prefix + why, cause);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static String authority(URI uri) {
        return uri.getRawAuthority();
    }

    private static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 80 && "http".equals(uri.getScheme()))
                || (port == 443 && "https".equals(uri.getScheme()));
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static String protocolName(HttpClient.Version version) {
        return version == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
    }

    private static List<Header> responseHeaders(HttpResponse<?> response) {
        List<Header> headers = new ArrayList<>();
        for (Map.Entry<String, List<String>> field : response.headers().map().entrySet()) {
            if (field.getKey().startsWith(":")) {
                continue; // HTTP/2 pseudo-header, already in the status line
            }
            for (String value : field.getValue()) {
                headers.add(new Header(field.getKey(), value));
            }
        }
        return headers;
    }

    private static SSLContext trustingEverything() {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // --insecure: every certificate is accepted
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // --insecure: every certificate is accepted
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }
}
