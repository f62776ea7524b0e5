package dev.arca.fetch;

import org.apache.commons.compress.compressors.brotli.BrotliCompressorInputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

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

    private byte[] decodeOne(byte[] body, String coding) throws FetchException {
        try {
            switch (coding) {
                case "gzip":
                case "x-gzip":
                    return readLimited(new GZIPInputStream(new ByteArrayInputStream(body)), coding);
                case "deflate":
                    return inflate(body);
                case "br":
                    return readLimited(new BrotliCompressorInputStream(new ByteArrayInputStream(body)), coding);
                default:
                    throw new FetchException(FetchException.Reason.DECODING,
                            "unsupported Content-Encoding \"" + coding + "\"");
            }
        } catch (FetchException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FetchException(FetchException.Reason.DECODING,
                    "broken " + coding + " body: " + describe(e), e);
        }
    }

    /** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate; accept both. */
    private byte[] inflate(byte[] body) throws IOException, FetchException {
        try {
            return readLimited(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(false)), "deflate");
        } catch (ZipException e) {
            return readLimited(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)), "deflate");
        }
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
                            "body expands past --max-size (" + maxSize + " bytes) when decoded from " + coding);
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
