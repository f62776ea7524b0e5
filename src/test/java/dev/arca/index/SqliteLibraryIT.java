package dev.arca.index;

import dev.arca.testing.Jar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copy of SQLite's native library that bin/arca keeps (-Darca.native.dir): a damaged copy is
 * found before the JVM maps it, and replaced; loading a truncated one crashed the JVM with SIGBUS on
 * every run, leaving hs_err files behind.
 */
class SqliteLibraryIT {

    @TempDir
    Path dir;

    @Test
    void aTruncatedLibraryIsExtractedAgainInsteadOfCrashingTheJvm() throws Exception {
        Path cache = dir.resolve("native");
        Jar.Run first = list(cache);
        assertThat(first.status()).as(first.err()).isZero();
        Path library = library(cache);
        byte[] healthy = Files.readAllBytes(library);

        try (FileChannel channel = FileChannel.open(library, StandardOpenOption.WRITE)) {
            channel.truncate(healthy.length / 2);
        }
        Jar.Run second = list(cache);

        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.err()).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("hs_err"));
        }
        assertThat(Files.readAllBytes(library(cache))).as("repaired").isEqualTo(healthy);
    }

    @Test
    void aLibraryWithFlippedBytesIsExtractedAgain() throws Exception {
        Path cache = dir.resolve("native");
        assertThat(list(cache).status()).isZero();
        Path library = library(cache);
        byte[] healthy = Files.readAllBytes(library);
        byte[] damaged = healthy.clone();
        for (int i = 4096; i < damaged.length; i += 8192) {
            damaged[i] ^= (byte) 0xff;
        }
        Files.write(library, damaged);

        Jar.Run again = list(cache);

        assertThat(again.status()).as(again.err()).isZero();
        assertThat(Files.readAllBytes(library(cache))).isEqualTo(healthy);
    }

    /** {@code arca list} on an empty store, which opens its index. */
    private Jar.Run list(Path cache) throws Exception {
        Files.createDirectories(dir.resolve("store"));
        List<String> argv = new ArrayList<>(Jar.command("--store", dir.resolve("store").toString(), "list"));
        argv.add(1, "-Darca.native.dir=" + cache);
        return Jar.run(argv, dir);
    }

    private static Path library(Path cache) throws Exception {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(p -> p.getFileName().toString().equals(System.mapLibraryName("sqlitejdbc"))).findFirst().orElseThrow();
        }
    }
}
