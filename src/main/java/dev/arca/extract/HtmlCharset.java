package dev.arca.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the character encoding of an HTML response the way browsers do, so that the bytes a
 * server sent are read as their author meant them.
 *
 * <p>Order (WHATWG "encoding sniffing", simplified): a byte-order mark; the {@code charset} of
 * the Content-Type header; a {@code <meta charset>} or {@code http-equiv} declaration in the
 * first bytes; then sniffing: valid UTF-8 is UTF-8, anything else windows-1252. Labels that
 * browsers read as windows-1252 (ISO-8859-1, US-ASCII, latin1) are mapped to it, and an unknown
 * label falls through to the next step. A {@code <meta>} declaration that contradicts the bytes
 * (UTF-8 declared on bytes that are not UTF-8, or another charset declared on text that is
 * valid multi-byte UTF-8) is ignored: such pages are mislabelled far more often than not.
 * Used by the fetch stage as well as by the extractor.
 */
public final class HtmlCharset {

    /** windows-1252: what browsers use for ISO-8859-1, ASCII and unlabelled legacy pages. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final int PRESCAN_BYTES = 4096;
    private static final Pattern HEADER_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([^\"';,\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META =
            Pattern.compile("<meta\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_DECL =
            Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']+)", Pattern.CASE_INSENSITIVE);

    private HtmlCharset() {
    }

    /**
     * The charset to decode {@code body} with.
     *
     * @param body        the response body (may be empty, never null)
     * @param contentType the Content-Type header value, or null
     */
    public static Charset detect(byte[] body, String contentType) {
        Charset bom = fromBom(body);
        if (bom != null) {
            return bom;
        }
        Charset header = contentType == null ? null : fromLabel(headerCharset(contentType));
        if (header != null) {
            return header;
        }
        Utf8 utf8 = Utf8.check(body);
        Charset declared = fromLabel(declaredCharset(body));
        if (declared != null && agrees(declared, utf8)) {
            return declared;
        }
        return utf8 == Utf8.INVALID ? WINDOWS_1252 : StandardCharsets.UTF_8;
    }

    /** Length of the byte-order mark at the start of {@code body}, 0 when there is none. */
    public static int bomLength(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            return 3;
        }
        return fromBom(body) != null ? 2 : 0;
    }

    /**
     * Decodes {@code body} with the charset {@link #detect} would choose, dropping any byte-order
     * mark. Where sniffing is needed it decodes as UTF-8 once and judges the result, instead of
     * checking the bytes and then decoding them again.
     */
    public static String decode(byte[] body, String contentType) {
        Charset bom = fromBom(body);
        if (bom != null) {
            int skip = bomLength(body);
            return new String(body, skip, body.length - skip, bom);
        }
        Charset header = contentType == null ? null : fromLabel(headerCharset(contentType));
        if (header != null) {
            return new String(body, header);
        }
        Charset declared = fromLabel(declaredCharset(body));
        String utf8 = new String(body, StandardCharsets.UTF_8);
        Utf8 verdict = judge(utf8, body.length);
        if (declared != null && agrees(declared, verdict)) {
            return declared.equals(StandardCharsets.UTF_8) ? utf8 : new String(body, declared);
        }
        return verdict == Utf8.INVALID ? new String(body, WINDOWS_1252) : utf8;
    }

    /** {@link Utf8#check} on the UTF-8 decoding of {@code byteLength} bytes, by its replacement characters. */
    private static Utf8 judge(String decoded, int byteLength) {
        int invalid = 0;
        for (int i = decoded.indexOf('\uFFFD'); i >= 0; i = decoded.indexOf('\uFFFD', i + 1)) {
            invalid++;
        }
        // each multi-byte character shortens the string by one to three chars; a rough count suffices
        int multi = Math.max(0, (byteLength - decoded.length() + invalid * 2) / 2);
        if (invalid > 0) {
            return multi >= 20 * invalid ? Utf8.MULTIBYTE : Utf8.INVALID;
        }
        return decoded.length() == byteLength ? Utf8.ASCII : Utf8.MULTIBYTE;
    }

    /** A charset for a label as browsers understand it, or null when the label is unknown. */
    static Charset fromLabel(String label) {
        if (label == null) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT);
        switch (l) {
            case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii",
                    "ansi_x3.4-1968", "cp1252", "windows-1252", "x-cp1252", "cp819", "ibm819":
                return WINDOWS_1252;
            case "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
                return StandardCharsets.UTF_8;
            case "utf-16", "utf-16le", "utf-16be", "unicode":
                // a meta or header declaring UTF-16 on bytes without a BOM is read as UTF-8
                return StandardCharsets.UTF_8;
            case "x-sjis", "shift-jis", "sjis":
                l = "shift_jis";
                break;
            case "gb2312", "chinese", "x-gbk":
                l = "gbk";
                break;
            default:
                break;
        }
        try {
            return Charset.isSupported(l) ? Charset.forName(l) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean agrees(Charset declared, Utf8 utf8) {
        if (declared.equals(StandardCharsets.UTF_8)) {
            return utf8 != Utf8.INVALID;
        }
        return utf8 != Utf8.MULTIBYTE;
    }

    private static Charset fromBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static String headerCharset(String contentType) {
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    /** The charset named by an XML declaration or a meta tag near the start of the bytes. */
    static String declaredCharset(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_DECL.matcher(head);
        if (xml.find()) {
            return xml.group(1);
        }
        Matcher m = META.matcher(head);
        while (m.find()) {
            String attrs = m.group(1);
            String lower = attrs.toLowerCase(Locale.ROOT);
            int cs = lower.indexOf("charset");
            if (cs < 0) {
                continue;
            }
            Matcher v = HEADER_CHARSET.matcher(attrs);
            if (v.find()) {
                return v.group(1);
            }
        }
        return null;
    }

    /** What a UTF-8 validity check found. */
    enum Utf8 {
        ASCII, MULTIBYTE, INVALID;

        /**
         * Checks the bytes as UTF-8. A few stray invalid sequences among many valid multi-byte
         * ones still count as UTF-8: a page that is mostly UTF-8 reads better as UTF-8.
         */
        static Utf8 check(byte[] b) {
            int multi = 0;
            int invalid = 0;
            int i = 0;
            int n = b.length;
            while (i < n) {
                int c = b[i] & 0xff;
                if (c < 0x80) {
                    i++;
                    continue;
                }
                int len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
                if (c >= 0xF5) {
                    len = 0;
                }
                boolean ok = len > 0 && i + len <= n;
                for (int k = 1; ok && k < len; k++) {
                    ok = (b[i + k] & 0xC0) == 0x80;
                }
                if (ok) {
                    multi++;
                    i += len;
                } else {
                    invalid++;
                    i++;
                }
            }
            if (invalid > 0) {
                return multi >= 20 * invalid ? MULTIBYTE : INVALID;
            }
            return multi > 0 ? MULTIBYTE : ASCII;
        }
    }
}
