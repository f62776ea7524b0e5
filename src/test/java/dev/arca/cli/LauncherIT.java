package dev.arca.cli;

import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/arca} as a user runs it: from another directory, through a symlink, as a new process. */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin", "arca").toAbsolutePath();

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    private Run run(Path command, Path cwd, String... args) throws IOException, InterruptedException {
        List<String> argv = new java.util.ArrayList<>(List.of(command.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile());
        pb.environment().put("ARCA_STORE", dir.resolve("store").toString());
        Path err = dir.resolve("stderr.txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out, Files.readString(err));
    }

    @Test
    void runsFromAnyDirectoryAndThroughASymlink() throws Exception {
        Path link = dir.resolve("bin/arca");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, LAUNCHER);

        Run direct = run(LAUNCHER, dir, "--version");
        Run linked = run(link, Path.of("/"), "--version");

        assertThat(direct.status()).as(direct.err()).isZero();
        assertThat(direct.out()).matches("arca \\S+\\n");
        assertThat(direct.err()).doesNotContain("building");
        assertThat(linked.status()).as(linked.err()).isZero();
        assertThat(linked.out()).isEqualTo(direct.out());
    }

    @Test
    void fetchesThroughTheLauncher() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.html("/story.html", Fixtures.text("story.html"));

            Run fetched = run(LAUNCHER, dir, "fetch", server.url("/story.html"));

            assertThat(fetched.status()).as(fetched.err()).isZero();
            assertThat(fetched.out()).matches("[0-9a-z]{11}\\t.*\\t" + java.util.regex.Pattern.quote(server.url("/story.html")) + "\\n");
            Run listed = run(LAUNCHER, dir, "list", "--json");
            assertThat(listed.out()).contains(fetched.out().split("\t")[0]);
        }
    }

    @Test
    void failsWithOneLineAndStatusTwoOnUsageError() throws Exception {
        Run r = run(LAUNCHER, dir, "fetch");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("arca: nothing to fetch: give URLs, -i FILE, --feed URL or --sitemap URL\n").doesNotContain("Exception");
    }
}
