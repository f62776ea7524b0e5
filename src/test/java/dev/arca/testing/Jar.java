package dev.arca.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code target/arca.jar} as its own process, for tests that need a real one. */
public final class Jar {

    public static final Path JAR = Path.of("target", "arca.jar").toAbsolutePath();

    /** The outcome of one process. */
    public record Run(int status, String out, String err) {
    }

    private Jar() {
    }

    /** The command line that runs arca with a small heap (128 MiB), as a constrained user would. */
    public static List<String> command(String... args) {
        return withHeap("128m", args);
    }

    /** The command line that runs arca with at most {@code heap} of heap, e.g. "32m". */
    public static List<String> withHeap(String heap, String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        argv.addAll(List.of(args));
        return argv;
    }

    /** Runs {@code argv} to completion and collects its output. */
    public static Run run(List<String> argv, Path workDir) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        try {
            return run(argv, workDir, out.toFile());
        } finally {
            Files.delete(out);
        }
    }

    /** Runs {@code argv} with its stdout going to {@code stdout}, such as /dev/full; the run's {@code out} is what that file holds. */
    public static Run run(List<String> argv, Path workDir, File stdout) throws IOException, InterruptedException {
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process p = new ProcessBuilder(argv).directory(workDir.toFile())
                .redirectOutput(stdout).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + argv);
        }
        String out = stdout.isFile() ? Files.readString(stdout.toPath(), StandardCharsets.UTF_8) : "";
        Run run = new Run(p.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(err);
        return run;
    }

    /** Runs arca with {@code args} and {@code --store store}. */
    public static Run arca(Path store, Path workDir, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("--store", store.toString()));
        argv.addAll(List.of(args));
        return run(command(argv.toArray(String[]::new)), workDir);
    }
}
