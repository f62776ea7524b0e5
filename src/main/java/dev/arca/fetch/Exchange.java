package dev.arca.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP request and its response, as they crossed the wire: one hop of a {@link Capture}.
 *
 * <p>{@code body} holds the response body bytes as received, still in any Content-Encoding but
 * without chunked framing. {@code requestHead} and {@code responseHead} are the heads byte for
 * byte, which is what a WARC stores; the parsed fields are read from them.
 *
 * @param uri             the requested URL
 * @param date            when the request was sent
 * @param ipAddress       the server's address, or null when it is not known
 * @param protocol        the version in the status line, e.g. "HTTP/1.1" or "HTTP/1.0"
 * @param requestHeaders  the request header fields arca sent, in order
 * @param status          the response status code
 * @param responseHeaders the response header fields in the order received, names in their case
 * @param body            the response body as received
 * @param requestHead     the request line and fields as written to the wire, blank line included
 * @param responseHead    the status line and fields as received, blank line included; null when
 *                        the exchange was not read off the wire (a test's, or one rebuilt from parts)
 */
public record Exchange(
        URI uri,
        Instant date,
        InetAddress ipAddress,
        String protocol,
        List<Header> requestHeaders,
        int status,
        List<Header> responseHeaders,
        byte[] body,
        byte[] requestHead,
        byte[] responseHead) {

    public Exchange {
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
    }

    /** An exchange known only by its parts: the request head is the GET arca sends, the response head unknown. */
    public Exchange(URI uri, Instant date, InetAddress ipAddress, String protocol, List<Header> requestHeaders,
                    int status, List<Header> responseHeaders, byte[] body) {
        this(uri, date, ipAddress, protocol, requestHeaders, status, responseHeaders, body,
                requestHead(uri, requestHeaders), null);
    }

    /** The head of a GET request for {@code uri} with these fields, as arca writes it to the wire. */
    public static byte[] requestHead(URI uri, List<Header> headers) {
        URI ascii = URI.create(uri.toASCIIString());
        String target = ascii.getRawPath();
        if (target == null || target.isEmpty()) {
            target = "/";
        }
        if (ascii.getRawQuery() != null) {
            target += "?" + ascii.getRawQuery();
        }
        StringBuilder head = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
        for (Header h : headers) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
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
