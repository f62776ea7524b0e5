package dev.arca.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP request and its response, as they crossed the wire: one hop of a {@link Capture}.
 *
 * <p>{@code body} holds the response body bytes as received, still in any Content-Encoding but
 * without chunked framing, which the HTTP client removes.
 *
 * @param uri             the requested URL
 * @param date            when the request was sent
 * @param ipAddress       the server's address, or null when it is not known
 * @param protocol        "HTTP/1.1" or "HTTP/2"
 * @param requestHeaders  the request header fields arca sent, in order
 * @param status          the response status code
 * @param responseHeaders the response header fields, in the order the client reports them
 * @param body            the response body as received
 */
public record Exchange(
        URI uri,
        Instant date,
        InetAddress ipAddress,
        String protocol,
        List<Header> requestHeaders,
        int status,
        List<Header> responseHeaders,
        byte[] body) {

    public Exchange {
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
    }

    /** The first response header with this name, compared case-insensitively. */
    public Optional<String> responseHeader(String name) {
        return responseHeaders.stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(Header::value)
                .findFirst();
    }

    /** True for 3xx responses that carry a Location header. */
    public boolean isRedirect() {
        return status >= 300 && status < 400 && responseHeader("Location").isPresent();
    }
}
