package dev.arca.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Headless Chromium (Debian's {@code chromium}) opening a file, for tests of what a restored page does. */
public final class Chromium {

    private Chromium() {
    }

    /** The browser's path, when it is installed. */
    public static Optional<String> find() {
        return Programs.find("chromium", "chromium-browser").map(Path::toString);
    }

    /**
     * Opens {@code page} with a fresh profile under {@code home} and returns the DOM after scripts (if
     * any) ran, half a second after the browser ended, so that a late request still reaches a test's server.
     */
    public static String dumpDom(Path page, Path home) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(home.resolve("chromium-profile"));
        Process p = new ProcessBuilder(find().orElseThrow(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + profile, "--virtual-time-budget=3000", "--dump-dom", page.toUri().toString())
                .redirectError(home.resolve("chromium.log").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("chromium did not end within 2 minutes");
        }
        Thread.sleep(500);
        return dom;
    }
}
