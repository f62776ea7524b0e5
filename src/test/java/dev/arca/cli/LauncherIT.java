package dev.arca.cli;

import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    /**
     * After a {@code git pull}, two commands start together while a third, started before, is
     * still running on the old jar: one of the two builds, the other waits for that build and uses
     * its jar, and the running command never sees its jar rewritten under it.
     */
    @Test
    void twoCommandsAfterAPullBuildOnceAndARunningCommandKeepsItsJar() throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("target", "arca.jar")), "needs the packaged jar");
        Path project = copyOfProject();
        Path launcher = project.resolve("bin/arca");
        CountDownLatch release = new CountDownLatch(1);
        try (LoopbackServer server = new LoopbackServer()) {
            server.handle("/slow.html", exchange -> {
                try {
                    release.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                LoopbackServer.sendHtml(exchange, "<title>Slow</title><p>A slow story.</p>");
            });
            Process running = start(launcher, "running", "fetch", server.url("/slow.html"));
            for (long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1); server.requests().isEmpty(); ) {
                assertThat(running.isAlive()).as(read("running.err")).isTrue();
                assertThat(System.nanoTime()).as("the running command never asked for its page").isLessThan(deadline);
                Thread.sleep(20);
            }

            // what a pull does: the file is written again, so the file system dates it, newer than the
            // jar and older than the build that follows (a time from this JVM's clock may be neither,
            // under faketime or a skewed clock)
            Path pulled = project.resolve("src/main/java/dev/arca/cli/Main.java");
            Files.write(pulled, Files.readAllBytes(pulled));
            Process one = start(launcher, "one", "--version");
            Process two = start(launcher, "two", "--version");
            assertThat(one.waitFor(10, TimeUnit.MINUTES) && two.waitFor(10, TimeUnit.MINUTES)).isTrue();
            release.countDown();
            assertThat(running.waitFor(2, TimeUnit.MINUTES)).isTrue();

            assertThat(one.exitValue()).as(read("one.err")).isZero();
            assertThat(two.exitValue()).as(read("two.err")).isZero();
            assertThat(read("one.out")).matches("arca \\S+\\n").isEqualTo(read("two.out"));
            assertThat(Stream.of(read("one.err"), read("two.err")).filter(err -> err.contains("arca: building "))).as("built once").hasSize(1);
            assertThat(read("one.err") + read("two.err")).contains("arca: waiting for another arca to finish building ");
            assertThat(running.exitValue()).as(read("running.err")).isZero();
            assertThat(read("running.out")).contains("\tSlow\t");
        }
    }

    /** The sources, the build files and the packaged jar, as a checkout whose jar is up to date. */
    private Path copyOfProject() throws IOException {
        Path project = dir.resolve("project");
        Path here = Path.of("").toAbsolutePath();
        for (String part : List.of("bin", "pom.xml", "src/main", "src/build")) {
            copyTree(here.resolve(part), project.resolve(part));
        }
        // offline, and without the CDS archive (half a minute more): the lock is what is tested
        Files.createDirectories(project.resolve(".mvn"));
        Files.writeString(project.resolve(".mvn/maven.config"), "-o\n-Dcds.skip=true\n");
        Files.createDirectories(project.resolve("target"));
        // copied last and without its attributes: the file system dates it newer than every source
        Files.copy(here.resolve("target/arca.jar"), project.resolve("target/arca.jar"));
        return project;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private Process start(Path launcher, String name, String... args) throws IOException {
        List<String> argv = new java.util.ArrayList<>(List.of(launcher.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
        pb.environment().put("ARCA_STORE", dir.resolve("store-" + name).toString());
        return pb.start();
    }

    private String read(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
