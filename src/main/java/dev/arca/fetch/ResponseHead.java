package dev.arca.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status line and header fields of an HTTP/1.x response, byte for byte as the server sent
 * them, and parsed: names keep their case, fields their order, duplicates stay apart.
 *
 * @param bytes    the head as received, blank line included
 * @param protocol the version in the status line, e.g. "HTTP/1.0"
 * @param status   the status code
 * @param reason   the reason phrase as sent, possibly empty
 * @param headers  the header fields in the order received; a folded line is joined to its field
 */
record ResponseHead(byte[] bytes, String protocol, int status, String reason, List<Header> headers) {

    /** Heads larger than this are refused: no real server sends one, a broken one may never stop. */
    static final int MAX_BYTES = 1 << 20;

    private static final Pattern STATUS_LINE = Pattern.compile("(HTTP/\\d(?:\\.\\d)?) (\\d{3})(?: (.*))?");

    /** Thrown for bytes that are not an HTTP response head. */
    static final class NotHttp extends IOException {
        NotHttp(String message) {
            super(message);
        }
    }

    ResponseHead {
        headers = List.copyOf(headers);
    }

    /**
     * Reads one head from {@code in}, up to and including the blank line that ends it.
     *
     * @throws EOFException when the stream ends first
     * @throws NotHttp      when the bytes are not an HTTP/1.x status line and fields
     */
    static ResponseHead read(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        int length = 0;
        int lineStart = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the stream ended inside the response head");
            }
            if (length == buffer.length) {
                if (length >= MAX_BYTES) {
                    throw new NotHttp("the response head is larger than " + Sizes.human(MAX_BYTES));
                }
                buffer = Arrays.copyOf(buffer, length * 2);
            }
            buffer[length++] = (byte) b;
            if (length == 5 && !new String(buffer, 0, 5, StandardCharsets.ISO_8859_1).equals("HTTP/")) {
                throw new NotHttp("not an HTTP status line");
            }
            if (b == '\n') {
                int lineLength = length - lineStart;
                if (lineLength == 1 || (lineLength == 2 && buffer[length - 2] == '\r')) {
                    return parse(Arrays.copyOf(buffer, length));
                }
                lineStart = length;
            }
        }
    }

    private static ResponseHead parse(byte[] bytes) throws NotHttp {
        List<String> lines = lines(bytes);
        Matcher status = STATUS_LINE.matcher(lines.get(0));
        if (!status.matches()) {
            throw new NotHttp("not an HTTP status line");
        }
        List<Header> headers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            boolean folded = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (folded && !headers.isEmpty()) {
                Header last = headers.remove(headers.size() - 1);
                headers.add(new Header(last.name(), last.value() + " " + line.strip()));
            } else if (colon > 0) {
                headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
            }
        }
        String reason = status.group(3) == null ? "" : status.group(3);
        return new ResponseHead(bytes, status.group(1), Integer.parseInt(status.group(2)), reason, headers);
    }

    /** The lines of the head without their line ends, the closing blank line left out. */
    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        lines.subList(lines.size() - 2, lines.size()).clear();
        return lines;
    }

    /** The first field with this name, compared case-insensitively. */
    Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }
}
