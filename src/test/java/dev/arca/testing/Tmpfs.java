package dev.arca.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small real file system for tests of full disks: a tmpfs mounted in a private mount namespace
 * ({@code unshare -m}), so nothing outlives the script that uses it. Only where the machine
 * allows mounting (root in a namespace-capable container); tests skip elsewhere.
 */
public final class Tmpfs {

    private Tmpfs() {
    }

    /** Whether a tmpfs can be mounted here; {@code dir} is a scratch directory. */
    public static boolean available(Path dir) throws IOException, InterruptedException {
        Path probe = Files.createTempDirectory(dir, "probe");
        return Jar.run(List.of("unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs " + probe), dir).status() == 0;
    }

    /**
     * Runs {@code script} in a private mount namespace where {@code $FS} is a fresh tmpfs of
     * {@code size} (such as "2m") on a new directory under {@code dir}, and ARCA runs the packaged jar.
     */
    public static Jar.Run run(Path dir, String size, String script) throws IOException, InterruptedException {
        Path fs = Files.createTempDirectory(dir, "fs");
        String arca = String.join(" ", Jar.command());
        String body = "FS='" + fs + "'; mount -t tmpfs -o size=" + size + " tmpfs \"$FS\" && " + script.replace("ARCA", arca);
        return Jar.run(List.of("unshare", "-m", "sh", "-c", body), dir);
    }
}
