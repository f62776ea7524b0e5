package dev.arca.bundle;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random ZIP and WARC bytes: the reader and the verifier report damage as a
 * {@link BundleException}, never any other exception, and verify always returns a result. Run
 * longer with {@code JAZZER_FUZZ=1 mvn test -Dtest=BundleReaderFuzzTest#...}.
 */
class BundleReaderFuzzTest {

    private static final Path FILE = tempFile();

    private static Path tempFile() {
        try {
            Path file = Files.createTempFile("arca-fuzz", ".wacz");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void readsAnyZipBytes(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);

        BundleCheck check = BundleVerifier.verify(FILE);

        assertThat(check.ok() || check.problem() != null).isTrue();
        try (BundleReader reader = BundleReader.open(FILE)) {
            reader.article();
            reader.records();
            reader.copyOriginal(OutputStream.nullOutputStream());
        } catch (BundleException e) {
            assertThat(e.problem()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "5m")
    void checksAnyWarcBytes(byte[] warc) {
        try {
            WarcCheck.Result result = WarcCheck.read(Path.of("fuzz.wacz"), new ByteArrayInputStream(warc), warc.length);
            assertThat(result.records()).isNotEmpty();
        } catch (BundleException e) {
            assertThat(e.problem()).isNotBlank();
        } catch (IOException e) {
            throw new AssertionError("only BundleException may escape", e);
        }
    }
}
