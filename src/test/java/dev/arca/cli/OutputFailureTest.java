package dev.arca.cli;

import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write to stdout that fails is an error, not exit 0: a disk that fills after a short write, and
 * a reader that closed the pipe, simulated in-process by a stream that fails after N bytes.
 */
class OutputFailureTest {

    @TempDir
    Path home;

    private Cli cli;
    private LoopbackServer server;

    @BeforeEach
    void sample() {
        cli = new Cli(home);
        new SampleCaptures(cli.store());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Standard output that takes {@code capacity} bytes, then fails as the operating system would. */
    private static final class FailingStdout extends OutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private final int capacity;
        private final String reason;
        boolean failed;
        int writesAfterFailure;

        FailingStdout(int capacity, String reason) {
            this.capacity = capacity;
            this.reason = reason;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (failed) {
                writesAfterFailure++;
            }
            int room = Math.min(len, capacity - written.size());
            written.write(b, off, room);
            if (room < len) {
                failed = true;
                throw new IOException(reason); // a short write, then the error, as FileOutputStream reports them
            }
        }
    }

    @Test
    void shortWriteIsOneLineAndExitOneAndStopsAtOnce() {
        FailingStdout stdout = new FailingStdout(100, "No space left on device");

        Cli.Result r = cli.runWithOutput(stdout, "list", "--json");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("arca: cannot write to standard output: No space left on device\n");
        assertThat(stdout.written.size()).isEqualTo(100);
        assertThat(stdout.writesAfterFailure).as("writes after the failure").isZero();
    }

    @Test
    void everyCommandThatPrintsFailsTheSameWay() {
        String id = cli.run("list", "--format", "tsv", "--fields", "id", "--limit", "1").lines().get(1);
        for (String[] args : new String[][]{{"list"}, {"list", "--format", "csv"}, {"search", "bridge"}, {"show", id},
                {"stats"}, {"verify"}, {"config"}, {"completion", "bash"}, {"restore", id, "--as", "original"},
                {"restore", id, "--as", "warc"}, {"--help"}, {"--version"}, {"list", "--help"}}) {
            Cli.Result r = cli.runWithOutput(new FailingStdout(10, "No space left on device"), args);

            assertThat(r.status()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", args)).isEqualTo("arca: cannot write to standard output: No space left on device\n");
        }
    }

    @Test
    void closedPipeStopsQuietlyWithTheStatusOfSigpipe() {
        FailingStdout stdout = new FailingStdout(50, "Broken pipe");

        Cli.Result r = cli.runWithOutput(stdout, "list", "--format", "tsv");

        assertThat(r.status()).isEqualTo(ExitCodes.PIPE_CLOSED).isEqualTo(141);
        assertThat(r.err()).isEmpty();
        assertThat(stdout.written.size()).isEqualTo(50);
        assertThat(stdout.writesAfterFailure).isZero();
    }

    @Test
    void extractToAFullStdoutFails() throws IOException {
        Path page = Files.writeString(home.resolve("page.html"), Fixtures.text("story.html"));

        Cli.Result r = cli.runWithOutput(new FailingStdout(0, "No space left on device"), "extract", page.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("arca: cannot write to standard output: No space left on device\n");
    }

    @Test
    void fetchStopsTakingInputsOnceStdoutFailed() throws IOException {
        server = new LoopbackServer();
        for (int i = 0; i < 40; i++) {
            server.html("/p" + i + ".html", "<title>Page " + i + "</title><p>Story number " + i
                    + " of a long reading list, with enough words in it to be an article.</p>");
        }
        Path list = home.resolve("list.txt");
        Files.writeString(list, IntStream.range(0, 40).mapToObj(i -> server.url("/p" + i + ".html"))
                .collect(Collectors.joining("\n")), StandardCharsets.UTF_8);

        Cli.Result r = cli.runWithOutput(new FailingStdout(0, "No space left on device"), "fetch", "--jobs", "1",
                "--delay", "0", "-i", list.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("arca: cannot write to standard output: No space left on device\n");
        assertThat(server.requests().stream().filter(s -> s.path().startsWith("/p")).count())
                .as("pages fetched after stdout failed").isLessThan(10);
    }
}
