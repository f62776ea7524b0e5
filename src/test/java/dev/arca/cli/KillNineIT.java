package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.bundle.BundleCheck;
import dev.arca.bundle.BundleVerifier;
import dev.arca.testing.Cli;
import dev.arca.testing.Jar;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of a running {@code arca fetch} at random moments, fifty times: whatever the
 * moment, no file under a bundle name fails verification, list ignores the temporary file of the
 * interrupted write, every capture announced on stdout is in the store, and running the same
 * command again completes the work.
 */
class KillNineIT {

    private static final int TRIALS = 50;
    private static final int PAGES = 12;
    // no politeness delay between the pages of one host: a run is work from end to end, so the kills
    // land in fetching, extracting and writing rather than in sleeps between requests
    private static final long SEED = Long.getLong("arca.kill.seed", 20261127L);

    private static LoopbackServer server;
    private static final List<String> URLS = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void serveSite() {
        server = new LoopbackServer();
        Random random = new Random(SEED);
        for (int i = 0; i < PAGES; i++) {
            StringBuilder html = new StringBuilder("<title>Page " + i + "</title>");
            int paragraphs = i % 3 == 0 ? 4000 : 50;  // some pages large enough that writing the bundle takes a while
            for (int p = 0; p < paragraphs; p++) {
                html.append("<p>Paragraph ").append(p).append(" of page ").append(i).append(' ')
                        .append(Long.toHexString(random.nextLong())).append("</p>\n");
            }
            byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
            int delay = i % 4 == 1 ? 100 + random.nextInt(200) : 0;
            String path = "/page" + i + ".html";
            server.handle(path, exchange -> {
                sleep(delay);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            URLS.add(server.url(path));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void survivesFiftyKillsAtRandomMoments() throws Exception {
        long full = timeOneFullRun();
        Random random = new Random(SEED);
        int midWrite = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Path home = Files.createDirectories(dir.resolve("trial" + trial));
            long delay = (long) (random.nextDouble() * full);
            List<String> announced = killAfter(home.resolve("store"), delay, home);
            String context = "trial " + trial + " (seed " + SEED + ", killed after " + delay + " ms)";

            List<Path> bundles = files(home.resolve("store"), ".wacz");
            List<Path> temporaries = files(home.resolve("store"), ".tmp");
            midWrite += temporaries.isEmpty() ? 0 : 1;
            for (Path bundle : bundles) {
                BundleCheck check = BundleVerifier.verify(bundle);
                assertThat(check.ok()).as(context + ": " + bundle + ": " + check.problem()).isTrue();
            }
            Cli cli = new Cli(home);
            if (Files.isDirectory(cli.store())) {
                Cli.Result list = cli.run("list", "--json");
                assertThat(list.status()).as(context).isZero();
                assertThat(list.err()).as(context).isEmpty();
                assertThat(list.lines()).as(context).hasSize(bundles.size());
                Set<String> listed = new HashSet<>();
                list.lines().forEach(l -> listed.add(json(l).get("id").asText()));
                assertThat(listed).as(context + ": announced captures are stored").containsAll(announced);
            } else {
                assertThat(announced).as(context).isEmpty();
            }

            Cli.Result rerun = cli.run(Stream.concat(Stream.of("fetch", "--delay", "0"), URLS.stream()).toArray(String[]::new));
            assertThat(rerun.status()).as(context + ": " + rerun.err()).isZero();
            Set<String> archived = new HashSet<>();
            cli.run("list", "--json").lines().forEach(l -> archived.add(json(l).get("url").asText()));
            assertThat(archived).as(context + ": the re-run completed the work").containsAll(URLS);
            assertThat(cli.run("verify").status()).as(context).isZero();
        }
        System.out.println("kill -9 trials: " + TRIALS + ", killed while a bundle was being written: " + midWrite);
    }

    /** Runs the whole fetch once and returns how long it took, to spread the kills over it. */
    private long timeOneFullRun() throws Exception {
        Path home = Files.createDirectories(dir.resolve("calibration"));
        long start = System.nanoTime();
        Jar.Run run = Jar.run(fetchCommand(home.resolve("store")), home);
        assertThat(run.status()).as(run.err()).isZero();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static List<String> fetchCommand(Path store) {
        List<String> args = new ArrayList<>(List.of("--store", store.toString(), "fetch", "--json", "--delay", "0"));
        args.addAll(URLS);
        return Jar.command(args.toArray(String[]::new));
    }

    /** Starts the fetch, kills it with SIGKILL after {@code delay} ms, and returns the IDs it had announced. */
    private static List<String> killAfter(Path store, long delay, Path home) throws Exception {
        Path out = home.resolve("stdout.jsonl");
        Process p = new ProcessBuilder(fetchCommand(store)).redirectOutput(out.toFile())
                .redirectError(home.resolve("stderr.txt").toFile()).start();
        if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();  // SIGKILL on Unix
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.endsWith("}")) {
                JsonNode json = json(line);
                if (json.get("status").asText().equals("archived")) {
                    ids.add(json.get("id").asText());
                }
            }
        }
        return ids;
    }

    private static List<Path> files(Path store, String suffix) throws IOException {
        if (!Files.exists(store)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(store)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
