package dev.arca.cli;

import dev.arca.testing.Jar;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A store whose {@code index.sqlite} this user cannot write (another user's file, or one made
 * read-only), in a store that is otherwise writable: every reading command works from an index in
 * memory and says so in one line. Root ignores file permissions, so as root the commands run as
 * {@code nobody} (with setpriv) on a file root owns.
 */
class UnwritableIndexIT {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path dir;

    @Test
    void readingCommandsWorkFromAnIndexInMemoryWithOneHint() throws Exception {
        Path store = dir.resolve("store");
        String id;
        try (LoopbackServer server = new LoopbackServer()) {
            server.html("/story.html", "<title>Harbour story</title><p>The harbour bridge reopened.</p>");
            Jar.Run fetch = Jar.arca(store, dir, "fetch", server.url("/story.html"));
            assertThat(fetch.status()).as(fetch.err()).isZero();
            id = fetch.out().substring(0, 11);
        }
        Path index = store.resolve("index.sqlite");
        if (ROOT) {
            assumeTrue(Jar.run(asNobody(List.of("true")), dir).status() == 0, "needs setpriv to run as nobody");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (Stream<Path> all = Files.walk(store)) {
                for (Path p : all.filter(Files::isDirectory).toList()) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx")); // a store this user may write
                }
            }
            Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("rw-r--r--"));
            // nobody may not reach the checkout (a clone in a mktemp -d directory is root's alone)
            Files.copy(Jar.JAR, dir.resolve(Jar.JAR.getFileName()));
        } else {
            Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("r--r--r--"));
        }
        byte[] before = Files.readAllBytes(index);
        String hint = "arca: the index file " + index + " is not writable by this user, so the index is kept in memory for"
                + " this run (make it writable, or delete it, to keep the index on disk)\n";

        for (String[] command : new String[][]{{"list"}, {"search", "harbour"}, {"stats"}}) {
            Jar.Run r = run(store, command);
            assertThat(r.status()).as(String.join(" ", command) + ": " + r.err()).isZero();
            assertThat(r.err()).as(String.join(" ", command)).isEqualTo(hint);
            assertThat(r.out()).as(String.join(" ", command)).isNotEmpty();
        }
        Jar.Run show = run(store, "show", id);
        assertThat(show.status()).as(show.err()).isZero();
        assertThat(show.out()).contains("Harbour story");
        assertThat(Files.readAllBytes(index)).isEqualTo(before);
    }

    private Jar.Run run(Path store, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("--store", store.toString()));
        argv.addAll(List.of(args));
        List<String> command = Jar.command(argv.toArray(String[]::new));
        if (!ROOT) {
            return Jar.run(command, dir);
        }
        String copy = dir.resolve(Jar.JAR.getFileName()).toString();
        return Jar.run(asNobody(command.stream().map(arg -> arg.equals(Jar.JAR.toString()) ? copy : arg).toList()), dir);
    }

    private static List<String> asNobody(List<String> command) {
        List<String> argv = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "env", "HOME=/nonexistent", "XDG_CONFIG_HOME=/nonexistent")); // not root's home and configuration
        argv.addAll(command);
        return argv;
    }
}
