package dev.arca.bundle;

import dev.arca.fetch.Exchange;
import dev.arca.fetch.Header;
import dev.arca.fetch.ReasonPhrases;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Serialises an {@link Exchange} back into the HTTP/1.1 messages a WARC stores.
 *
 * <p>The HTTP client removed chunked framing, so the body no longer matches a
 * {@code Transfer-Encoding} or a stale {@code Content-Length}. Those fields are kept under
 * {@code X-Arca-Orig-*} names and a true {@code Content-Length} is added, so that replay tools
 * read the stored body exactly.
 */
final class HttpMessages {

    static final String ORIGINAL_PREFIX = "X-Arca-Orig-";

    private HttpMessages() {
    }

    static byte[] request(Exchange exchange) {
        String target = exchange.uri().getRawPath();
        if (target == null || target.isEmpty()) {
            target = "/";
        }
        if (exchange.uri().getRawQuery() != null) {
            target += "?" + exchange.uri().getRawQuery();
        }
        StringBuilder head = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
        appendFields(head, exchange.requestHeaders());
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] response(Exchange exchange) {
        byte[] body = exchange.body();
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(exchange.status()).append(' ')
                .append(ReasonPhrases.of(exchange.status())).append("\r\n");
        boolean lengthMatches = false;
        for (Header h : exchange.responseHeaders()) {
            boolean keep = !h.name().equalsIgnoreCase("Transfer-Encoding");
            if (h.name().equalsIgnoreCase("Content-Length")) {
                keep = !lengthMatches && h.value().strip().equals(Integer.toString(body.length));
                lengthMatches |= keep;
            }
            head.append(keep ? "" : ORIGINAL_PREFIX).append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        if (!lengthMatches) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void appendFields(StringBuilder head, List<Header> fields) {
        for (Header h : fields) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
    }
}
