package dev.arca.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random config file bytes: reading never fails, and every problem is one line that names a line
 * of the file. Run longer with {@code JAZZER_FUZZ=1 mvn test -Dtest=ConfigFileFuzzTest}.
 */
class ConfigFileFuzzTest {

    private static final Path FILE = tempFile();

    private static Path tempFile() {
        try {
            Path file = Files.createTempFile("arca-fuzz", ".properties");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void readsOrReportsAnyBytes(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);

        ConfigFile config = ConfigFile.read(FILE);

        int lines = 1;
        for (byte b : bytes) {
            lines += b == '\n' || b == '\r' ? 1 : 0;
        }
        for (ConfigFile.Problem problem : config.problems()) {
            assertThat(problem.toString()).startsWith(FILE.toString()).doesNotContain("\n").doesNotContain("\r");
            assertThat(problem.line()).isBetween(0, lines);
        }
        for (ConfigFile.Setting setting : config.settings().values()) {
            assertThat(setting.key()).isNotBlank().doesNotContain("=");
            assertThat(setting.value()).isNotBlank();
        }
    }
}
