package dev.arca.cli;

import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved pages and stdin: web archives are refused, and --max-size bounds what is read. */
class LocalInputsTest {

    @TempDir
    static Path archives;

    @TempDir
    Path home;

    /** A real WACZ made by arca, the gzipped WARC inside it, and that WARC uncompressed. */
    @BeforeAll
    static void makeArchives() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.html("/story.html", Fixtures.text("story.html"));
            Cli cli = new Cli(archives.resolve("home"));
            Cli.Result r = cli.run("fetch", "--ignore-robots", server.url("/story.html"));
            assertThat(r.status()).as(r.err()).isZero();
            Files.copy(cli.bundles().get(0), archives.resolve("capture.wacz"));
        }
        try (ZipFile zip = new ZipFile(archives.resolve("capture.wacz").toFile())) {
            Files.copy(zip.getInputStream(zip.getEntry("archive/data.warc.gz")), archives.resolve("capture.warc.gz"));
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archives.resolve("capture.warc.gz")))) {
            Files.copy(in, archives.resolve("capture.warc"));
        }
        Files.copy(archives.resolve("capture.wacz"), archives.resolve("wacz-named.html"));
        Files.copy(archives.resolve("capture.warc.gz"), archives.resolve("warc-gz-named.html"));
        Files.copy(archives.resolve("capture.warc"), archives.resolve("warc-named.htm"));
    }

    @ParameterizedTest
    @CsvSource({
            "capture.wacz,       a WACZ file",
            "capture.warc.gz,    a WARC file (gzip-compressed)",
            "capture.warc,       a WARC file",
            "wacz-named.html,    a WACZ file",
            "warc-gz-named.html, a WARC file (gzip-compressed)",
            "warc-named.htm,     a WARC file"})
    void fetchOfAWebArchiveIsRefusedAndStoresNothing(String name, String kind) {
        Path file = archives.resolve(name);
        Cli cli = new Cli(home);

        Cli.Result r = cli.run("fetch", file.toString(), "--url", "https://example.com/page");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("-\t\t" + file + "\tfailed: " + file + " is " + kind
                + ", not a saved web page; a web archive is imported (arca import), not taken as a page\n");
        assertThat(cli.bundles()).isEmpty();
    }

    /** A web archive named as one is read for its pages (see ImportCommandTest); one named as a page is refused. */
    @ParameterizedTest
    @CsvSource({"wacz-named.html, a WACZ file", "warc-gz-named.html, a WARC file (gzip-compressed)"})
    void extractOfAWebArchiveNamedAsAPageIsRefused(String name, String kind) throws Exception {
        Path file = archives.resolve(name);
        Cli cli = new Cli(home);

        Cli.Result fromFile = cli.run("extract", file.toString());
        Cli.Result fromStdin = cli.runWithInput(Files.readAllBytes(file), "extract", "-");

        assertThat(fromFile.status()).isEqualTo(1);
        assertThat(fromFile.out()).isEmpty();
        assertThat(fromFile.err()).startsWith("arca: " + file + " is " + kind + ", not a saved web page;");
        assertThat(fromStdin.status()).isEqualTo(1);
        assertThat(fromStdin.err()).startsWith("arca: stdin is " + kind + ", not a saved web page;");
    }

    @Test
    void stdinOverMaxSizeIsRefusedAfterReadingNoMoreThanTheLimit() {
        CountingStream stdin = new CountingStream(64 << 20);

        Cli.Result r = new Cli(home).runWithInput(stdin, "extract", "-", "--max-size", "1M");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("arca: stdin is larger than --max-size (1 MiB)\n");
        assertThat(stdin.read).isLessThan(2 << 20);
    }

    @Test
    void stdinWithinMaxSizeIsExtracted() {
        Cli.Result r = new Cli(home).runWithInput(Fixtures.bytes("story.html"), "extract", "-", "--max-size", "1M",
                "--format", "text");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isNotEmpty();
    }

    @Test
    void filesOverMaxSizeAreRefusedByFetchExtractAndInputDir() throws Exception {
        Path pages = Files.createDirectories(home.resolve("pages"));
        Path big = pages.resolve("big.html");
        Files.write(big, ("<html><body><p>" + "word ".repeat(1000) + "</p></body></html>").getBytes());
        Cli cli = new Cli(home);

        Cli.Result fetch = cli.run("fetch", big.toString(), "--max-size", "1k");
        Cli.Result extract = cli.run("extract", big.toString(), "--max-size", "1k");
        Cli.Result dir = cli.run("extract", "--input-dir", pages.toString(), "--output-dir", home.resolve("out").toString(),
                "--max-size", "1k");

        String message = big + " is larger than --max-size (1 KiB)";
        assertThat(fetch.status()).isEqualTo(1);
        assertThat(fetch.err()).isEqualTo("arca: fetch " + big + ": " + message + "\n");
        assertThat(cli.bundles()).isEmpty();
        assertThat(extract.status()).isEqualTo(1);
        assertThat(extract.err()).isEqualTo("arca: " + message + "\n");
        assertThat(dir.status()).isEqualTo(1);
        assertThat(dir.err()).isEqualTo("arca: extract " + big + ": " + message + "\n");
    }

    /** A sparse 10 GiB file: refused from its size, without reading it. */
    @Test
    void hugeFileIsRefusedWithoutBeingRead() throws Exception {
        Path huge = home.resolve("huge.html");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(10L << 30);
        }
        Cli cli = new Cli(home);

        long start = System.nanoTime();
        Cli.Result fetch = cli.run("fetch", huge.toString());
        Cli.Result extract = cli.run("extract", huge.toString());

        assertThat(fetch.err()).isEqualTo("arca: fetch " + huge + ": " + huge + " is larger than --max-size (50 MiB)\n");
        assertThat(extract.err()).isEqualTo("arca: " + huge + " is larger than --max-size (50 MiB)\n");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
    }

    /** Endless-looking stdin that counts what was read from it. */
    private static final class CountingStream extends InputStream {
        private final long length;
        long read;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return read < length ? (int) (read++ % 26) + 'a' : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - read);
            Arrays.fill(b, off, off + n, (byte) 'a');
            read += n;
            return n;
        }
    }
}
