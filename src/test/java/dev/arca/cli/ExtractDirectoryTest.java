package dev.arca.cli;

import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code extract --input-dir --output-dir}: the same tree of results, written like restore's files. */
class ExtractDirectoryTest {

    @TempDir
    Path home;

    @Test
    void writesTheSameTreeAndFollowsNoLinkBelowTheOutput() throws IOException {
        Path in = home.resolve("pages");
        Files.createDirectories(in.resolve("a/b"));
        Files.createDirectories(in.resolve("evil"));
        Files.writeString(in.resolve("top.html"), Fixtures.text("story.html"));
        Files.writeString(in.resolve("a/b/deep.htm"), Fixtures.text("story.html"));
        Files.writeString(in.resolve("evil/page.html"), Fixtures.text("story.html"));
        Path out = Files.createDirectories(home.resolve("out"));
        Path outside = Files.createDirectories(home.resolve("outside"));
        Files.createSymbolicLink(out.resolve("evil"), outside);

        Cli.Result r = new Cli(home).run("extract", "--input-dir", in.toString(), "--output-dir", out.toString(),
                "--format", "markdown");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("arca: extract " + in.resolve("evil/page.html") + ": refusing to write "
                + out.resolve("evil") + ": it is a symbolic link, and arca does not follow links where it writes\n");
        assertThat(out.resolve("top.md")).content().contains("harbour bridge");
        assertThat(out.resolve("a/b/deep.md")).isRegularFile();
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }
}
