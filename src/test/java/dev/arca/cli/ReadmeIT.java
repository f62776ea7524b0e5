package dev.arca.cli;

import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README as a test, so it cannot rot: every {@code console}, {@code sh} and {@code cron}
 * block runs through {@code bin/arca} in a real shell, in order, each in a fresh copy of a home
 * directory holding the tour's captures. Console blocks also compare their output, after
 * normalising what changes between runs (IDs, capture times, durations, column widths).
 *
 * <p>The example sites ({@code example.com}, {@code .org}, {@code .net}) are a loopback server;
 * example IDs become the tour's real capture. Only the {@code mvn} lines are not run here: they
 * are what runs this test.
 */
class ReadmeIT {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern EXAMPLE_URL = Pattern.compile("https?://(example\\.(?:com|org|net))");
    private static final Pattern ID = Pattern.compile("\\b1[0-9a-hjkmnp-tv-z]{10}\\b");
    private static final Pattern ID_PREFIX = Pattern.compile("\\b1ngm3[0-9a-z]\\b");

    @TempDir
    static Path scratch;

    private static LoopbackServer server;
    private static Path template;
    private static String captureId;

    /** One fenced block of the README. */
    record Block(int line, String language, List<String> lines) {
        String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    @BeforeAll
    static void serveTheExampleSites() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        server = new LoopbackServer();
        server.handle("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.endsWith("robots.txt")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            } else if (path.endsWith("sitemap.xml")) {
                body = sitemap(path).getBytes(StandardCharsets.UTF_8);
                type = "application/xml";
            } else if (path.endsWith(".xml")) {
                body = feed(path).getBytes(StandardCharsets.UTF_8);
                type = "application/rss+xml";
            } else if (path.endsWith("/blog/")) {
                body = ("<!doctype html><title>Blog</title><link rel=\"alternate\" type=\"application/rss+xml\" href=\"feed.xml\">"
                        + "<p>Posts</p>").getBytes(StandardCharsets.UTF_8);
                type = "text/html; charset=utf-8";
            } else {
                body = Fixtures.bytes("story.html");
                type = "text/html; charset=utf-8";
            }
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }, true);
        template = scratch.resolve("template");
        Files.createDirectories(template.resolve("home"));
        Files.createDirectories(template.resolve("work/pages/2024"));
        Files.createSymbolicLink(template.resolve("home/arca"), ROOT);
        Files.write(template.resolve("work/saved-page.html"), Fixtures.bytes("story.html"));
        Files.write(template.resolve("work/pages/2024/bridge.html"), Fixtures.bytes("story.html"));
        Files.write(template.resolve("work/pages/cafe.htm"), Fixtures.bytes("latin1.html"));
        String list = "# articles to keep\n" + site("https://example.com/news/one") + "\n\n" + site("https://example.org/two") + "\n";
        Files.writeString(template.resolve("work/reading-list.txt"), list);
        Files.writeString(template.resolve("home/reading.txt"), list);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String feed(String path) {
        String base = server.url(path.substring(0, path.lastIndexOf('/')));
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title><link>" + base + "</link>"
                + "<description>d</description>"
                + "<item><title>One</title><link>" + base + "/news/feed-one</link></item>"
                + "<item><title>Two</title><link>" + base + "/news/feed-two</link></item></channel></rss>";
    }

    private static String sitemap(String path) {
        String base = server.url(path.substring(0, path.lastIndexOf('/')));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>" + base + "/news/mapped-one</loc><lastmod>2024-03-10</lastmod></url>"
                + "<url><loc>" + base + "/news/mapped-two</loc><lastmod>2024-03-02</lastmod></url></urlset>";
    }

    /** Example URLs point at the loopback server: https://example.com/x becomes http://127.0.0.1:PORT/example.com/x. */
    private static String site(String text) {
        return EXAMPLE_URL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(server.url("/" + m.group(1))));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandInTheReadmeRuns() throws IOException {
        List<Block> blocks = blocks(Files.readAllLines(ROOT.resolve("README.md")));
        assertThat(blocks).as("README code blocks").isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Block block : blocks) {
            switch (block.language()) {
                case "console" -> tests.add(DynamicTest.dynamicTest("line " + block.line() + ": console", () -> console(block)));
                case "sh" -> tests.add(DynamicTest.dynamicTest("line " + block.line() + ": sh", () -> script(block)));
                case "cron" -> tests.add(DynamicTest.dynamicTest("line " + block.line() + ": cron", () -> cron(block)));
                default -> {
                    // text, diagrams and configuration are shown, not run
                }
            }
        }
        return tests.stream();
    }

    static List<Block> blocks(List<String> readme) {
        List<Block> blocks = new ArrayList<>();
        String language = null;
        List<String> lines = null;
        int start = 0;
        for (int i = 0; i < readme.size(); i++) {
            Matcher fence = FENCE.matcher(readme.get(i));
            if (language == null && fence.matches()) {
                language = fence.group(1);
                lines = new ArrayList<>();
                start = i + 1;
            } else if (language != null && readme.get(i).strip().equals("```")) {
                blocks.add(new Block(start, language, lines));
                language = null;
            } else if (language != null) {
                lines.add(readme.get(i));
            }
        }
        return blocks;
    }

    /** A console block: "$ command" lines run in the tour's own home, and their output must match. */
    private void console(Block block) throws Exception {
        Path home = template.resolve("home");
        Path work = template.resolve("work");
        List<String> expected = new ArrayList<>();
        String command = null;
        for (String line : block.lines()) {
            if (line.startsWith("$ ")) {
                if (command != null) {
                    runAndCompare(command, expected, home, work, block);
                }
                command = line.substring(2);
                expected = new ArrayList<>();
            } else {
                expected.add(line);
            }
        }
        if (command != null) {
            runAndCompare(command, expected, home, work, block);
        }
    }

    private void runAndCompare(String command, List<String> expected, Path home, Path work, Block block) throws Exception {
        Run run = bash(prepare(command), home, work);
        assertThat(run.status()).as("README line %d: %s\n%s", block.line(), command, run.err()).isZero();
        if (captureId == null) {
            Matcher id = ID.matcher(run.out());
            if (id.find()) {
                captureId = id.group();
            }
        }
        if (System.getenv("README_RECORD") != null) {
            // README_RECORD=1 in the environment: write what the tour prints, to paste into the README
            Files.writeString(ROOT.resolve("target/readme-console.txt"), "$ " + command + "\n" + localize(run.out(), home),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            return;
        }
        assertThat(normalize(localize(run.out(), home))).as("output of README line %d: %s\n---- as run:\n%s----", block.line(),
                        command, localize(run.out(), home))
                .isEqualTo(normalize(String.join("\n", expected)));
    }

    /** An sh block: one bash script, in fresh copies of the tour's home and working directory. */
    private void script(Block block) throws Exception {
        if (block.lines().stream().anyMatch(l -> l.strip().startsWith("mvn ") || l.contains("bin/arca fetch"))) {
            // the build commands run this test, and the first block repeats the tour's fetch
            return;
        }
        Path copy = copyTemplate();
        Run run = bash("set -e -o pipefail\n" + prepare(block.text()), copy.resolve("home"), copy.resolve("work"));
        assertThat(run.status()).as("README block at line %d failed:\n%s\nstderr:\n%s", block.line(), block.text(), run.err()).isZero();
    }

    /** A cron block: each entry's command, as cron would run it, with a plain environment. */
    private void cron(Block block) throws Exception {
        for (String line : block.lines()) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String command = line.strip().split("\\s+", 6)[5];
            Path copy = copyTemplate();
            Run run = bash(prepare(command), copy.resolve("home"), copy.resolve("work"));
            assertThat(run.status()).as("cron entry at README line %d: %s\n%s", block.line(), command, run.err()).isZero();
        }
    }

    private String prepare(String text) {
        String withIds = captureId == null ? text
                : ID_PREFIX.matcher(ID.matcher(text).replaceAll(captureId)).replaceAll(captureId.substring(0, 6));
        return site(withIds);
    }

    /** The loopback addresses back to the example sites and the test's home to a user's, as a reader would see them. */
    private static String localize(String output, Path home) {
        String port = Integer.toString(server.port());
        return output.replace(home.toString(), "/home/you").replaceAll("http://127\\.0\\.0\\.1:" + port + "/(example\\.(?:com|org|net))", "https://$1")
                .replaceAll("\\b127\\.0\\.0\\.1:" + port + "\\b", "example.com")
                .replaceAll("(?<![\\w.])127\\.0\\.0\\.1(?![\\w.:])", "example.com");
    }

    /** What legitimately changes between runs: IDs, capture times and months, timings, column widths. */
    static String normalize(String text) {
        String out = ID.matcher(text).replaceAll("<id>");
        out = ID_PREFIX.matcher(out).replaceAll("<id>");
        out = out.replaceAll("20[2-9]\\d-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?Z?", "<now>");
        out = out.replaceAll("/\\d{4}/\\d{2}/<id>\\.wacz", "/<yyyy>/<mm>/<id>.wacz"); // a bundle's month folder
        out = out.replaceAll("\\d+(\\.\\d+)? ?(ms|s)\\b", "<time>");
        out = out.replaceAll("\\d+(\\.\\d+)? (B|KiB|MiB|GiB)\\b", "<size>");
        out = out.replaceAll("[ \\t]+", " ");
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }

    private static Path copyTemplate() throws IOException {
        Path copy = Files.createTempDirectory(scratch, "run");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = copy.resolve(template.relativize(from).toString());
                if (Files.isSymbolicLink(from)) {
                    Files.createSymbolicLink(to, Files.readSymbolicLink(from));
                } else if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return copy;
    }

    record Run(int status, String out, String err) {
    }

    private static Run bash(String script, Path home, Path work) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(work.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("ARCA_") || k.startsWith("XDG_"));
        env.put("HOME", home.toString());
        env.put("PATH", ROOT.resolve("bin") + ":" + System.getenv("PATH"));
        env.put("LANG", "C.UTF-8");
        Path err = Files.createTempFile(scratch, "stderr", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + script);
        }
        return new Run(p.exitValue(), out, Files.readString(err));
    }
}
