package dev.arca.fetch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentDecoderTest {

    private static final byte[] TEXT = "<p>Hello, décodeur</p>".repeat(50).getBytes(StandardCharsets.UTF_8);

    @Test
    void decodesGzipAndBothDeflateForms() throws Exception {
        ContentDecoder decoder = new ContentDecoder(1 << 20);

        assertThat(decoder.decode(gzip(TEXT), "gzip")).isEqualTo(TEXT);
        assertThat(decoder.decode(gzip(TEXT), "x-gzip")).isEqualTo(TEXT);
        assertThat(decoder.decode(deflate(TEXT, false), "deflate")).isEqualTo(TEXT);
        assertThat(decoder.decode(deflate(TEXT, true), "deflate")).isEqualTo(TEXT);
        assertThat(decoder.decode(TEXT, "identity")).isEqualTo(TEXT);
        assertThat(decoder.decode(TEXT, null)).isEqualTo(TEXT);
    }

    @Test
    void undoesChainedCodingsInReverseOrder() throws Exception {
        byte[] twice = gzip(deflate(TEXT, false));

        assertThat(new ContentDecoder(1 << 20).decode(twice, "deflate, gzip")).isEqualTo(TEXT);
    }

    @Test
    void stopsGzipBombAtTheLimit() throws Exception {
        byte[] bomb = gzip(new byte[64 << 20]);
        assertThat(bomb.length).isLessThan(100_000);

        assertThatThrownBy(() -> new ContentDecoder(1 << 20).decode(bomb, "gzip"))
                .hasMessageContaining("expands past the size limit")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.TOO_LARGE);
    }

    @Test
    void reportsBrokenGzip() throws Exception {
        byte[] broken = Arrays.copyOf(gzip(TEXT), 30);

        assertThatThrownBy(() -> new ContentDecoder(1 << 20).decode(broken, "gzip"))
                .hasMessageStartingWith("broken gzip body")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.DECODING);
    }

    @Test
    void refusesUnknownCoding() {
        assertThatThrownBy(() -> new ContentDecoder(1 << 20).decode(TEXT, "zstd"))
                .hasMessage("unsupported Content-Encoding \"zstd\"");
    }

    private static byte[] gzip(byte[] in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(in);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] in, boolean raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            d.write(in);
        }
        return out.toByteArray();
    }
}
