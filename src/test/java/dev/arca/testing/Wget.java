package dev.arca.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real GNU wget to write a WARC (WARC/1.0) of pages on a loopback server; skips the test without wget. */
public final class Wget {

    private Wget() {
    }

    /**
     * Fetches {@code urls} with their page requisites ({@code -p}) into {@code dir}, writing
     * {@code dir/name.warc.gz}, or {@code dir/name.warc} when {@code compressed} is false.
     */
    public static Path warc(Path dir, String name, boolean compressed, String... urls) throws IOException, InterruptedException {
        Path wget = Programs.find("wget").orElse(null);
        Assumptions.assumeTrue(wget != null, "wget is not installed");
        Files.createDirectories(dir);
        List<String> argv = new ArrayList<>(List.of(wget.toString(), "-q", "-p", "--no-config", "--tries=1",
                "--warc-file=" + name, "-P", dir.resolve(name + "-files").toString()));
        if (!compressed) {
            argv.add("--no-warc-compression");
        }
        argv.addAll(List.of(urls));
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("wget timed out");
        }
        Path warc = dir.resolve(name + (compressed ? ".warc.gz" : ".warc"));
        if (!Files.isRegularFile(warc)) {
            throw new IOException("wget wrote no WARC (exit " + p.exitValue() + "): " + out);
        }
        return warc;
    }
}
