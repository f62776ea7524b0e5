package dev.arca.cli;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.arca.cli.HistoryAndDiffTest.P1;
import static dev.arca.cli.HistoryAndDiffTest.P2;
import static dev.arca.cli.HistoryAndDiffTest.P3;
import static dev.arca.cli.HistoryAndDiffTest.page;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Cron section, end to end: its change-feed entries run exactly as written, in a real
 * shell through {@code bin/arca}, against a loopback page that changes between two runs. The first
 * run archives the page and reports nothing; after a correction the second reports it, and the
 * Atom entry writes a feed that ROME reads back.
 */
class CronPipelineIT {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path home;

    private final LoopbackServer server = new LoopbackServer();
    private final AtomicReference<String> story = new AtomicReference<>();
    private String url;

    @BeforeEach
    void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        server.handle("/news/bridge", exchange -> LoopbackServer.sendHtml(exchange, story.get()));
        url = server.url("/news/bridge");
        Files.createSymbolicLink(home.resolve("arca"), ROOT);
        Files.writeString(home.resolve("reading.txt"), "# watched stories\n" + url + "\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The commands of the README's cron entries that report changes, as cron runs them (field 6 on). */
    private static List<String> changeEntries() throws IOException {
        List<ReadmeIT.Block> blocks = ReadmeIT.blocks(Files.readAllLines(ROOT.resolve("README.md")));
        return blocks.stream().filter(b -> b.language().equals("cron")).flatMap(b -> b.lines().stream())
                .filter(l -> !l.isBlank() && !l.strip().startsWith("#") && l.contains(" changes --since "))
                .map(l -> l.strip().split("\\s+", 6)[5]).toList();
    }

    @Test
    void theReadmesCronEntriesMailAndPublishACorrection() throws Exception {
        List<String> entries = changeEntries();
        String mail = entries.stream().filter(e -> e.contains("fetch --refetch -i ")).findFirst().orElseThrow();
        String atom = entries.stream().filter(e -> e.contains("--format atom")).findFirst().orElseThrow();

        story.set(page("Bridge reopens", "Maria Okafor", "Local", P1, P2, P3));
        Run first = bash(mail);
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).as("a first capture is no change: nothing to mail").isEmpty();

        story.set(page("Bridge reopens early", "Maria Okafor", "Regional", P1, P2, P3.replace("48", "58")));
        Run second = bash(mail);
        assertThat(second.status()).as(second.err()).isZero();
        List<String> lines = second.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("  headline, body: +1 -1 words  Bridge reopens early  " + url);

        Run feed = bash(atom);
        assertThat(feed.status()).as(feed.err()).isZero();
        Feed parsed = (Feed) new WireFeedInput().build(new StringReader(Files.readString(home.resolve("changes.xml"))));
        assertThat(parsed.getEntries()).extracting(Entry::getTitle).containsExactly("Bridge reopens early");
    }

    record Run(int status, String out, String err) {
    }

    private Run bash(String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(home.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("ARCA_") || k.startsWith("XDG_"));
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        Path err = Files.createTempFile(home, "stderr", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Run(p.exitValue(), out, Files.readString(err));
    }
}
