package dev.arca.extract;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlCharsetTest {

    private static final Charset CP1252 = HtmlCharset.WINDOWS_1252;

    private static byte[] cp1252(String s) {
        return s.getBytes(CP1252);
    }

    @Test
    void byteOrderMarkWinsOverEverything() {
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "<meta charset=iso-8859-1>caf\u00e9".getBytes(StandardCharsets.UTF_8));
        assertThat(HtmlCharset.detect(body, "text/html; charset=windows-1251")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(HtmlCharset.decode(body, null)).isEqualTo("<meta charset=iso-8859-1>caf\u00e9");
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "hi".getBytes(StandardCharsets.UTF_16LE));
        assertThat(HtmlCharset.decode(utf16, null)).isEqualTo("hi");
    }

    @Test
    void contentTypeHeaderComesBeforeMeta() {
        byte[] body = cp1252("<meta charset=utf-8><p>Gr\u00fc\u00dfe</p>");
        assertThat(HtmlCharset.detect(body, "text/html; charset=\"ISO-8859-1\"")).isEqualTo(CP1252);
    }

    @Test
    void latin1AndAsciiLabelsReadAsWindows1252() {
        assertThat(HtmlCharset.fromLabel("ISO-8859-1")).isEqualTo(CP1252);
        assertThat(HtmlCharset.fromLabel("us-ascii")).isEqualTo(CP1252);
        assertThat(HtmlCharset.fromLabel("latin1")).isEqualTo(CP1252);
        byte[] quote = {'<', 'p', '>', (byte) 0x93, 'h', 'i', (byte) 0x94};
        assertThat(HtmlCharset.decode(quote, "text/html; charset=iso-8859-1")).isEqualTo("<p>\u201chi\u201d");
    }

    @Test
    void metaCharsetAndHttpEquivAreHonoured() {
        byte[] koi = "<html><head><meta charset=\"koi8-r\"></head>".getBytes(StandardCharsets.US_ASCII);
        assertThat(HtmlCharset.detect(koi, null)).isEqualTo(Charset.forName("KOI8-R"));
        byte[] equiv = cp1252("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
                + "<p>Stra\u00dfe</p>");
        assertThat(HtmlCharset.decode(equiv, null)).endsWith("<p>Stra\u00dfe</p>");
    }

    @Test
    void unknownLabelFallsThroughToSniffing() {
        byte[] body = "<meta charset=x-no-such-charset><p>na\u00efve</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(HtmlCharset.detect(body, "text/html; charset=bogus")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void sniffsUtf8ElseWindows1252() {
        assertThat(HtmlCharset.detect("<p>\u00fcber</p>".getBytes(StandardCharsets.UTF_8), null))
                .isEqualTo(StandardCharsets.UTF_8);
        assertThat(HtmlCharset.detect(cp1252("<p>\u00fcber</p>"), null)).isEqualTo(CP1252);
        assertThat(HtmlCharset.detect(new byte[0], null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void metaThatContradictsTheBytesIsIgnored() {
        byte[] mislabelledUtf8 = "<meta charset=utf-8><p>caf\u00e9</p>".getBytes(CP1252);
        assertThat(HtmlCharset.detect(mislabelledUtf8, null)).isEqualTo(CP1252);
        byte[] mislabelledLatin = "<meta charset=iso-8859-1><p>caf\u00e9 \u20ac</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(HtmlCharset.detect(mislabelledLatin, null)).isEqualTo(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
