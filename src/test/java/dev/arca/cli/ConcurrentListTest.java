package dev.arca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Readers are never blocked or misled by a long fetch, and two fetches can write at once. */
class ConcurrentListTest {

    private static final int PAGES = 24;

    @TempDir
    Path home;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void listAndSearchWorkWhileTwoFetchesWrite() throws Exception {
        Cli cli = new Cli(home);
        Files.createDirectories(cli.store()); // list explains a missing store instead of listing nothing
        byte[] story = Fixtures.bytes("story.html");
        try (LoopbackServer server = new LoopbackServer()) {
            // --quiet: the second run waits for the first one's store lock, and says so unless quiet
            List<String> first = new ArrayList<>(List.of("--quiet", "fetch"));
            List<String> second = new ArrayList<>(List.of("--quiet", "fetch"));
            for (int i = 0; i < PAGES; i++) {
                String path = "/page" + i + ".html";
                server.handle(path, exchange -> {
                    sleep(40); // a slow server keeps the fetch running while we list
                    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, story.length);
                    exchange.getResponseBody().write(story);
                });
                (i % 2 == 0 ? first : second).add(server.url(path));
            }
            ExecutorService writers = Executors.newFixedThreadPool(2);
            try {
                Future<Cli.Result> a = writers.submit(() -> cli.run(first.toArray(String[]::new)));
                Future<Cli.Result> b = writers.submit(() -> cli.run(second.toArray(String[]::new)));
                int lists = 0;
                int seen = 0;
                while (!a.isDone() || !b.isDone()) {
                    Cli.Result list = cli.run("list", "--json");
                    assertThat(list.status()).as(list.err()).isZero();
                    assertThat(list.err()).isEmpty();
                    assertThat(list.lines().size()).isGreaterThanOrEqualTo(seen);
                    for (String line : list.lines()) {
                        assertThat(new ObjectMapper().readTree(line).get("url").asText()).startsWith(server.url("/page"));
                    }
                    seen = list.lines().size();
                    Cli.Result search = cli.run("search", "harbour bridge");
                    assertThat(search.status()).as(search.err()).isZero();
                    lists++;
                }
                assertThat(a.get().status()).as(a.get().err()).isZero();
                assertThat(b.get().status()).as(b.get().err()).isZero();
                assertThat(a.get().err() + b.get().err()).isEmpty();
                assertThat(lists).isGreaterThan(1);
            } finally {
                writers.shutdownNow();
            }
        }
        Cli.Result after = cli.run("list", "--json");
        assertThat(after.lines()).hasSize(PAGES);
        assertThat(cli.run("search", "--json", "--limit", "100", "harbour bridge").lines()).hasSize(PAGES);
        assertThat(new String(cli.run("stats", "--json").outBytes(), StandardCharsets.UTF_8)).contains("\"captures\":" + PAGES);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
