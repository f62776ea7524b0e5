package dev.arca.bundle;

import dev.arca.fetch.Exchange;
import dev.arca.fetch.Header;
import dev.arca.fetch.ReasonPhrases;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The HTTP messages a WARC stores for an {@link Exchange}: the request as it went on the wire,
 * and the response head byte for byte as the server sent it, followed by the body.
 *
 * <p>The body is stored without chunked framing, so a head that says {@code Transfer-Encoding}, or
 * a {@code Content-Length} the body does not have, would make replay tools misread it. Such a head
 * is written again from the status line and fields as received, with those fields kept under
 * {@code X-Arca-Orig-*} names and a true {@code Content-Length} added. So is a head whose lines do
 * not end in CR LF, or one that was not read off the wire.
 */
final class HttpMessages {

    static final String ORIGINAL_PREFIX = "X-Arca-Orig-";

    private HttpMessages() {
    }

    static byte[] request(Exchange exchange) {
        return exchange.requestHead();
    }

    static byte[] response(Exchange exchange) {
        byte[] body = exchange.body();
        byte[] head = exchange.responseHead() != null && framesBody(exchange) && crlfLines(exchange.responseHead())
                ? exchange.responseHead() : rebuiltHead(exchange);
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + body.length);
        out.writeBytes(head);
        out.writeBytes(body);
        return out.toByteArray();
    }

    /**
     * True when the head frames the stored body: no Transfer-Encoding, and every Content-Length is
     * its length. A body without either ended with the connection, and ends with the record.
     */
    private static boolean framesBody(Exchange exchange) {
        String length = Integer.toString(exchange.body().length);
        for (Header h : exchange.responseHeaders()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (name.equals("transfer-encoding") || name.equals("content-length") && !h.value().strip().equals(length)) {
                return false;
            }
        }
        return true;
    }

    private static boolean crlfLines(byte[] head) {
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n' && (i == 0 || head[i - 1] != '\r')) {
                return false;
            }
        }
        return true;
    }

    private static byte[] rebuiltHead(Exchange exchange) {
        byte[] body = exchange.body();
        StringBuilder head = new StringBuilder(statusLine(exchange)).append("\r\n");
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
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The status line as received, or one made from the status code when none was. */
    private static String statusLine(Exchange exchange) {
        byte[] received = exchange.responseHead();
        if (received != null) {
            String text = new String(received, StandardCharsets.ISO_8859_1);
            String line = text.substring(0, text.indexOf('\n'));
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }
        return "HTTP/1.1 " + exchange.status() + " " + ReasonPhrases.of(exchange.status());
    }
}
