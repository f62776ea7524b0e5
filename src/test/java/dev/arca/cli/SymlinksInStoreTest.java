package dev.arca.cli;

import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Symbolic links planted in the store, as another user who can write there might plant them for a
 * root cron job: arca never writes through them, the file they point to stays as it was, byte for
 * byte, and the command says so in one line.
 */
class SymlinksInStoreTest {

    private static LoopbackServer server;

    @TempDir
    Path home;

    @BeforeAll
    static void serve() {
        server = new LoopbackServer();
        server.html("/story.html", "<title>Story</title><p>The story.</p>");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aLockFileLinkedElsewhereIsRefusedAndWhatItPointsToIsUntouched() throws Exception {
        Cli cli = new Cli(home);
        Path outside = Files.writeString(home.resolve("shadow"), "root:x:0:0::/root:/bin/sh\n");
        Files.createDirectories(cli.store());
        Files.createSymbolicLink(cli.store().resolve(".lock"), outside);

        Cli.Result fetch = cli.run("fetch", server.url("/story.html"));

        assertThat(fetch.status()).isEqualTo(1);
        assertThat(fetch.err()).isEqualTo("arca: the store's lock file " + cli.store().resolve(".lock") + " is a symbolic link;"
                + " arca never follows links in the store (remove it and arca makes a new one); nothing was stored\n");
        assertThat(Files.readString(outside, StandardCharsets.UTF_8)).isEqualTo("root:x:0:0::/root:/bin/sh\n");
        assertThat(cli.bundles()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.sqlite", "index.sqlite-wal", "index.sqlite-shm", "index.sqlite-journal"})
    void anIndexFileLinkedElsewhereIsKeptInMemoryAndWhatItPointsToIsUntouched(String name) throws Exception {
        Cli cli = new Cli(home);
        Path outside = Files.createFile(home.resolve("other-database"));
        Files.createDirectories(cli.store());
        Files.createSymbolicLink(cli.store().resolve(name), outside);
        String hint = "arca: the index file " + cli.store().resolve(name) + " is a symbolic link; arca never follows links in the"
                + " store, so the index is kept in memory for this run (remove the link and arca rebuilds the file)\n";

        Cli.Result fetch = cli.run("fetch", server.url("/story.html"));
        Cli.Result list = cli.run("list");
        Cli.Result search = cli.run("search", "story");
        Cli.Result show = cli.run("show", fetch.out().substring(0, 11));

        for (Cli.Result r : new Cli.Result[]{fetch, list, search}) {
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.err()).isEqualTo(hint);
        }
        assertThat(show.status()).as(show.err()).isZero(); // finds the bundle by its name, without the index
        assertThat(list.out()).contains("Story");
        assertThat(search.out()).contains("Story");
        assertThat(outside).isEmptyFile();
        assertThat(Files.isSymbolicLink(cli.store().resolve(name))).isTrue();
    }

    @Test
    void anIndexLinkedToAMissingFileCreatesNothingThere() throws Exception {
        Cli cli = new Cli(home);
        Path outside = home.resolve("elsewhere/index.sqlite");
        Files.createDirectories(outside.getParent());
        Files.createDirectories(cli.store());
        Files.createSymbolicLink(cli.store().resolve("index.sqlite"), outside);

        assertThat(cli.run("fetch", server.url("/story.html")).status()).isZero();

        try (var files = Files.list(outside.getParent())) {
            assertThat(files).isEmpty();
        }
    }
}
