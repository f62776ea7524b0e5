package dev.arca.fetch;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads the body of an HTTP/1.x response as its head frames it: chunked, by Content-Length, or
 * up to the end of the connection; never more than a limit.
 *
 * <p>The body comes back without chunked framing and still in its Content-Encoding.
 */
final class MessageBody {

    private static final int MAX_CHUNK_LINE = 4096;

    private final long limit;

    /** A reader that refuses bodies longer than {@code limit} bytes. */
    MessageBody(long limit) {
        this.limit = limit;
    }

    /**
     * The body that follows {@code head} on {@code in}.
     *
     * @throws EOFException   when the connection ends before the framing says the body does
     * @throws FetchException when the body is larger than the limit
     */
    byte[] read(ResponseHead head, InputStream in) throws IOException {
        if (!hasBody(head.status())) {
            return new byte[0];
        }
        String transfer = head.header("Transfer-Encoding").orElse("").toLowerCase(Locale.ROOT).strip();
        if (transfer.endsWith("chunked")) {
            return chunked(in);
        }
        long declared = declaredLength(head);
        if (declared > limit) {
            throw new FetchException(FetchException.Reason.TOO_LARGE, "response declares " + Sizes.human(declared)
                    + ", more than " + FetchException.SIZE_LIMIT + " (" + Sizes.human(limit) + ")",
                    FetchException.Setting.MAX_SIZE, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long copied = copy(in, out, declared >= 0 ? declared : Long.MAX_VALUE);
        if (declared >= 0 && copied < declared) {
            throw new EOFException("the connection closed after " + copied + " of " + declared + " bytes");
        }
        return out.toByteArray();
    }

    /** 1xx, 204 and 304 responses have no body whatever their fields say. */
    private static boolean hasBody(int status) {
        return status >= 200 && status != 204 && status != 304;
    }

    /** The Content-Length, or -1 when there is none or it is not a number. */
    private static long declaredLength(ResponseHead head) {
        String value = head.header("Content-Length").orElse("").strip();
        try {
            return value.isEmpty() ? -1 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String line = line(in);
            int extension = line.indexOf(';');
            String size = (extension >= 0 ? line.substring(0, extension) : line).strip();
            long length;
            try {
                length = Long.parseLong(size, 16);
            } catch (NumberFormatException e) {
                throw new ResponseHead.NotHttp("a broken chunk size \"" + size + "\"");
            }
            if (length < 0) {
                throw new ResponseHead.NotHttp("a broken chunk size \"" + size + "\"");
            }
            if (length == 0) {
                skipTrailer(in);
                return out.toByteArray();
            }
            if (copy(in, out, length) < length) {
                throw new EOFException("the connection closed inside a chunk");
            }
            line(in);
        }
    }

    private static void skipTrailer(InputStream in) throws IOException {
        while (!line(in).isEmpty()) {
            // trailer fields are not part of the body
        }
    }

    /** One line without its line end; a line longer than any real chunk line is an error. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("the connection closed inside the chunked framing");
            }
            if (line.length() >= MAX_CHUNK_LINE) {
                throw new ResponseHead.NotHttp("a chunk line longer than " + MAX_CHUNK_LINE + " bytes");
            }
            line.append((char) b);
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    /** Copies up to {@code count} bytes, failing once the body would pass the limit; returns how many. */
    private long copy(InputStream in, ByteArrayOutputStream out, long count) throws IOException {
        byte[] buffer = new byte[8192];
        long copied = 0;
        while (copied < count) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, count - copied));
            if (n < 0) {
                break;
            }
            if (out.size() + (long) n > limit) {
                throw new FetchException(FetchException.Reason.TOO_LARGE, "response is larger than "
                        + FetchException.SIZE_LIMIT + " (" + Sizes.human(limit) + ")", FetchException.Setting.MAX_SIZE, null);
            }
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }
}
