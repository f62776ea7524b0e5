package dev.arca.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpillBufferTest {

    @TempDir
    Path tmp;

    private List<Path> spilled() throws Exception {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        }
    }

    @Test
    void bytesPastTheThresholdGoToAFileThatCloseDeletesWithTheSameSizeAndDigests() throws Exception {
        byte[] data = new byte[10_000];
        new Random(1).nextBytes(data);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (SpillBuffer buffer = new SpillBuffer(4096, tmp)) {
            buffer.write(data, 0, 3000);
            assertThat(spilled()).isEmpty();
            buffer.write(data, 3000, data.length - 3000);
            assertThat(spilled()).hasSize(1);
            buffer.finish();
            buffer.writeTo(copy);

            CRC32 crc = new CRC32();
            crc.update(data);
            assertThat(buffer.size()).isEqualTo(data.length);
            assertThat(buffer.crc()).isEqualTo(crc.getValue());
            assertThat(buffer.sha256()).isEqualTo(Digests.sha256(data));
            assertThatThrownBy(() -> buffer.write(1)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(copy.toByteArray()).isEqualTo(data);
        assertThat(spilled()).isEmpty();
    }

    @Test
    void aSmallWarcStaysInMemory() throws Exception {
        try (SpillBuffer buffer = new SpillBuffer(1024, tmp)) {
            buffer.write(new byte[] {1, 2, 3}, 0, 3);
            buffer.finish();
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            buffer.writeTo(copy);
            assertThat(copy.toByteArray()).containsExactly(1, 2, 3);
            assertThat(spilled()).isEmpty();
        }
    }
}
