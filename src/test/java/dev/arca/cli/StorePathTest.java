package dev.arca.cli;

import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Store paths that cannot work: each command says what is wrong in one line and exits 1. */
class StorePathTest {

    @TempDir
    Path home;

    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void storeThatIsAFileFailsEveryCommandClearly() throws Exception {
        Path file = Files.writeString(home.resolve("store"), "not a directory");
        Cli cli = new Cli(home);
        server.html("/p", "<title>P</title><p>text</p>");
        String message = "the store " + file + " is a file, not a directory (choose another with --store or ARCA_STORE)";

        Cli.Result fetch = cli.run("fetch", server.url("/p"));
        assertThat(fetch.status()).isEqualTo(1);
        assertThat(fetch.err()).isEqualTo("arca: " + message + "\n");
        for (String[] args : new String[][]{{"list"}, {"verify"}, {"show", "1abc"}, {"restore", "1abc", "--as", "text"}}) {
            Cli.Result r = cli.run(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", args)).isEqualTo("arca: " + message + "\n");
        }
        assertThat(file).hasContent("not a directory");
    }

    @Test
    void missingStoreIsAnErrorForReadersAndCreatedByFetch() {
        Cli cli = new Cli(home);
        String message = "no store at " + cli.store() + ": nothing has been archived there yet"
                + " (fetch a page first, or choose another store with --store or ARCA_STORE)";

        for (String[] args : new String[][]{{"list"}, {"verify"}, {"show", "1abc"}}) {
            Cli.Result r = cli.run(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", args)).isEqualTo("arca: " + message + "\n");
        }

        server.html("/p", "<title>P</title><p>text</p>");
        assertThat(cli.run("fetch", server.url("/p")).status()).isZero();
        assertThat(cli.run("verify").status()).isZero();
    }
}
