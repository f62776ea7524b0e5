package dev.arca.fetch;

import org.apache.commons.compress.compressors.brotli.BrotliCompressorInputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes the Content-Encoding of a response body: gzip, deflate and brotli, in any chain.
 *
 * <p>Decoding stops as soon as the output passes the size limit, so a small compressed body that
 * would expand to gigabytes (a "gzip bomb") costs no more than the limit.
 */
public final class ContentDecoder {

    private final long maxSize;

    /** A decoder whose output may not exceed {@code maxSize} bytes. */
    public ContentDecoder(long maxSize) {
        this.maxSize = maxSize;
    }

    /**
     * Decodes {@code body} from the codings named in a Content-Encoding header value, applied in
     * the order listed. A null or empty header means the body is not encoded.
     */
    public byte[] decode(byte[] body, String contentEncoding) throws FetchException {
        byte[] decoded = body;
        List<String> codings = codings(contentEncoding);
        for (int i = codings.size() - 1; i >= 0; i--) {
            decoded = decodeOne(decoded, codings.get(i));
        }
        return decoded;
    }

    private static List<String> codings(String header) {
        List<String> codings = new ArrayList<>();
        if (header == null) {
            return codings;
        }
        for (String part : header.split(",")) {
            String coding = part.trim().toLowerCase(Locale.ROOT);
            if (!coding.isEmpty() && !coding.equals("identity")) {
                codings.add(coding);
            }
        }
        return codings;
    }

    /**
     * Decodes a stream as it is read, for bodies too large to hold: the codings named in a
     * Content-Encoding value, undone in reverse order. The caller bounds how much it reads.
     */
    public static InputStream decoding(InputStream body, String contentEncoding) throws IOException {
        InputStream in = body;
        List<String> codings = codings(contentEncoding);
        for (int i = codings.size() - 1; i >= 0; i--) {
            in = decoder(in, codings.get(i));
        }
        return in;
    }

    private byte[] decodeOne(byte[] body, String coding) throws FetchException {
        try {
            return readLimited(decoder(new ByteArrayInputStream(body), coding), coding);
        } catch (FetchException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FetchException(FetchException.Reason.DECODING,
                    "broken " + coding + " body: " + describe(e), e);
        }
    }

    private static InputStream decoder(InputStream in, String coding) throws IOException {
        switch (coding) {
            case "gzip":
            case "x-gzip":
                return new GZIPInputStream(in, 1 << 14);
            case "deflate":
                return inflating(in);
            case "br":
                return new BrotliCompressorInputStream(in);
            default:
                throw new FetchException(FetchException.Reason.DECODING,
                        "unsupported Content-Encoding \"" + coding + "\"");
        }
    }

    /** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate; accept both. */
    private static InputStream inflating(InputStream body) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body, 2);
        byte[] head = in.readNBytes(2);
        in.unread(head);
        boolean zlib = head.length == 2 && (head[0] & 0x0f) == 8 && ((head[0] & 0xff) << 8 | (head[1] & 0xff)) % 31 == 0;
        return new InflaterInputStream(in, new Inflater(!zlib));
    }

    private byte[] readLimited(InputStream in, String coding) throws IOException, FetchException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > maxSize) {
                    throw new FetchException(FetchException.Reason.TOO_LARGE,
                            "body expands past " + FetchException.SIZE_LIMIT + " (" + Sizes.human(maxSize) + ") when decoded from " + coding,
                            FetchException.Setting.MAX_SIZE, null);
                }
            }
            return out.toByteArray();
        }
    }

    private static String describe(Exception e) {
        if (e instanceof EOFException) {
            return "unexpected end of stream";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
