package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.bundle.BundleReader;
import dev.arca.testing.ArcaProcess;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackCliTest;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Two processes on one store, and a kill -9 halfway: the store stays whole and the next run finishes the job. */
class BatchSafetyTest extends LoopbackCliTest {

    @Test
    void secondRunWaitsForTheLockOrExitsThreeWithNoWait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.handle("/slow", exchange -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LoopbackServer.sendHtml(exchange, BatchFetchTest.article("Slow story", "It took its time."));
        });
        server.handle("/other", exchange -> LoopbackServer.sendHtml(exchange, BatchFetchTest.article("Other story", "Quick.")));

        ArcaProcess first = ArcaProcess.start(home, "first", "fetch", "--delay", "0", server.url("/slow"));
        waitUntil(() -> server.requests().stream().anyMatch(r -> r.path().equals("/slow")), "the first run to fetch");

        ArcaProcess impatient = ArcaProcess.start(home, "impatient", "fetch", "--no-wait", server.url("/other"));
        assertThat(impatient.waitFor(60)).as(impatient.err()).isEqualTo(3);
        assertThat(impatient.err()).contains("is in use by another arca run (pid " + first.pid() + ")")
                .contains("--no-wait");
        assertThat(impatient.out()).isEmpty();

        ArcaProcess patient = ArcaProcess.start(home, "patient", "fetch", "--json", "--delay", "0",
                server.url("/slow"), server.url("/other"));
        waitUntil(() -> patient.err().contains("waiting for it to finish"), "the second run to wait");
        assertThat(server.requests().stream().filter(r -> r.path().equals("/other"))).isEmpty();

        release.countDown();
        assertThat(first.waitFor(60)).as(first.err()).isZero();
        assertThat(patient.waitFor(60)).as(patient.err()).isZero();
        List<String> statuses = new ArrayList<>();
        for (String line : patient.out().split("\n")) {
            JsonNode json = new ObjectMapper().readTree(line);
            statuses.add(json.get("url").asText().replaceAll(".*/", "") + " " + json.get("status").asText());
        }
        assertThat(statuses).containsExactlyInAnyOrder("slow skipped", "other archived");
        assertThat(server.requests().stream().filter(r -> r.path().equals("/slow"))).hasSize(1);
    }

    @Test
    void killNineLeavesNoPartialBundleAndTheNextRunFinishes() throws Exception {
        int pages = 30;
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            String path = "/story/" + i;
            server.handle(path, exchange -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                LoopbackServer.sendHtml(exchange, BatchFetchTest.article("Story " + path, ("Paragraph of " + path + ". ").repeat(200)));
            });
            list.append(server.url(path)).append('\n');
        }
        Path listFile = home.resolve("list.txt");
        Files.writeString(listFile, list);

        ArcaProcess run = ArcaProcess.start(home, "killed", "fetch", "--jobs", "2", "--delay", "0", "-i", listFile.toString());
        waitUntil(() -> cli.bundles().size() >= 5, "five bundles");
        run.kill();

        List<Path> survivors = cli.bundles();
        assertThat(survivors.size()).isBetween(5, pages);
        for (Path bundle : survivors) {
            try (BundleReader reader = BundleReader.open(bundle)) {
                assertThat(reader.info().url()).as(bundle.toString()).contains("/story/");
                assertThat(reader.article().text()).contains("Paragraph of");
            }
        }

        Cli.Result resumed = cli.run("fetch", "--json", "--delay", "0", "-i", listFile.toString());

        assertThat(resumed.status()).as(resumed.err()).isZero();
        long skipped = resumed.lines().stream().filter(l -> l.contains("\"status\":\"skipped\"")).count();
        long archived = resumed.lines().stream().filter(l -> l.contains("\"status\":\"archived\"")).count();
        assertThat(skipped).isEqualTo(survivors.size());
        assertThat(archived).isEqualTo(pages - survivors.size());
        Set<String> urls = new HashSet<>();
        for (Path bundle : cli.bundles()) {
            try (BundleReader reader = BundleReader.open(bundle)) {
                assertThat(urls.add(reader.info().normalizedUrl())).as("one bundle per URL").isTrue();
            }
        }
        assertThat(urls).hasSize(pages);
        try (Stream<Path> files = Files.walk(home.resolve("store"))) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).as("stale temporaries").isEmpty();
        }
    }


    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
