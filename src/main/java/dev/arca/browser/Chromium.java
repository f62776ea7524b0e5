package dev.arca.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A headless Chromium that this process started, with a fresh profile of its own, and the
 * DevTools connection to it. Closing it ends the browser and every process it started, and
 * deletes the profile.
 */
public final class Chromium implements AutoCloseable {

    /** Where Debian's package puts it; {@code ARCA_CHROMIUM} names another. */
    static final Path DEBIAN = Path.of("/usr/bin/chromium");
    /** What to tell a user who has none. */
    public static final String INSTALL_HINT = "install it with 'apt-get install chromium'";
    /**
     * The most heap one page's scripts may take, in MiB: ample for any article, and a page that wants
     * more crashes its own renderer, failing that page alone, instead of taking the machine's memory.
     */
    static final int JS_HEAP_MIB = 512;
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final DevTools devTools;

    private Chromium(Process process, Path profile, DevTools devTools) {
        this.process = process;
        this.profile = profile;
        this.devTools = devTools;
    }

    /** The browser to run: {@code ARCA_CHROMIUM} of {@code env} when set, else Debian's, when it is an executable file. */
    public static Optional<Path> find(java.util.Map<String, String> env) {
        String named = env.get("ARCA_CHROMIUM");
        Path path = named == null || named.isBlank() ? DEBIAN : Path.of(named);
        return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    /** Starts the browser at {@code executable} and connects to it. */
    public static Chromium launch(Path executable) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("arca-chromium-");
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "--headless=new",
                "--remote-debugging-port=0", // the browser picks a free port and writes it to DevToolsActivePort
                "--user-data-dir=" + profile,
                "--no-first-run", "--no-default-browser-check", "--disable-sync", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
                "--metrics-recording-only", "--mute-audio", "--hide-scrollbars", "--password-store=basic",
                "--js-flags=--max-old-space-size=" + JS_HEAP_MIB,
                "--disable-dev-shm-usage", "--disable-features=Translate,MediaRouter,OptimizationHints",
                "about:blank"));
        if (isRoot()) {
            // Chromium refuses to start as root with its sandbox on: the sandbox needs an unprivileged user
            // to drop to. Containers and CI often run as root; there the container is the boundary.
            command.add(1, "--no-sandbox");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            URI url = devToolsUrl(process, profile);
            return new Chromium(process, profile, DevTools.connect(url, STARTUP));
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process);
            deleteTree(profile);
            throw e;
        }
    }

    DevTools devTools() {
        return devTools;
    }

    /** True while the browser runs and its connection is open. */
    public boolean isAlive() {
        return process.isAlive() && !devTools.isClosed();
    }

    /** The process IDs of the browser and every process it started, for measuring them. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    @Override
    public void close() {
        try {
            devTools.send(null, "Browser.close", null);
        } finally {
            devTools.close();
            stop(process);
            deleteTree(profile);
        }
    }

    /** The browser writes its port and path to {@code DevToolsActivePort} in the profile once it listens. */
    private static URI devToolsUrl(Process process, Path profile) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                    return URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
                }
            }
            if (!process.isAlive()) {
                throw new IOException("the browser exited with status " + process.exitValue() + " as it started: "
                        + lastLine(profile.resolve("chromium.log")));
            }
            Thread.sleep(25);
        }
        throw new IOException("the browser did not open its DevTools port within " + STARTUP.toSeconds() + " s");
    }

    private static String lastLine(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no output");
        } catch (IOException | RuntimeException e) {
            return "no output";
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Ends the browser and its children: gently, then by force. */
    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind costs disk, not data
        }
    }
}
