package dev.arca.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.testing.ArcaProcess;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.PendingWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two arca runs against one store, each in a JVM of its own: what happens to the store's lock when
 * rsync replaces or deletes {@code .lock} in the middle of a run, and to a live writer's temporary
 * file when another run clears the files that crashed writers left.
 */
class ConcurrentRunsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger secondRequests = new AtomicInteger();
    private LoopbackServer server;

    @TempDir
    Path home;

    @BeforeEach
    void serve() {
        server = new LoopbackServer();
        server.html("/first.html", "<title>First</title><p>The first story.</p>");
        server.html("/third.html", "<title>Third</title><p>The third story.</p>");
        server.handle("/second.html", exchange -> {
            if (secondRequests.incrementAndGet() == 1) {
                await(release); // the first run's request hangs until the test lets it go
            }
            LoopbackServer.sendHtml(exchange, "<title>Second</title><p>The second story.</p>");
        });
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"replaced", "deleted"})
    void aRunWhoseLockFileIsReplacedStopsStoringSoThatTwoRunsNeverWriteAtOnce(String what) throws Exception {
        Path store = home.resolve("store");
        String first = server.url("/first.html");
        String second = server.url("/second.html");
        String third = server.url("/third.html");
        ArcaProcess a = ArcaProcess.start(home, "a", "fetch", "--delay", "0", first, second);
        waitUntil(() -> bundles(store).size() == 1 && secondRequests.get() == 1, a);

        Path lock = store.resolve(".lock");
        if (what.equals("replaced")) { // as rsync does: a new file, renamed over the old name
            Path copy = Files.writeString(store.resolve(".lock.XXXXXX"), "4242\n");
            Files.move(copy, lock, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(lock);
        }
        ArcaProcess b = ArcaProcess.start(home, "b", "fetch", "--delay", "0", first, second, third);
        int bStatus = b.waitFor(60);
        release.countDown();
        int aStatus = a.waitFor(60);

        assertThat(bStatus).as(b.err()).isZero();
        assertThat(b.out().lines()).as("b skips what a stored and stores the rest")
                .anyMatch(l -> l.endsWith("\tFirst\t" + first + "\tskipped"))
                .anyMatch(l -> l.endsWith("\tSecond\t" + second)).anyMatch(l -> l.endsWith("\tThird\t" + third));
        assertThat(aStatus).as(a.err()).isEqualTo(1);
        assertThat(a.out()).contains("\tFirst\t" + first).doesNotContain("\tSecond\t");
        assertThat(a.err().lines()).containsExactly("arca: fetch " + second + ": the store's lock file " + lock + " was replaced"
                + " while this run held it, so another run may be writing now; this run stores nothing more (nothing was stored;"
                + " run it again to finish)", a.err().lines().toList().get(1));
        assertThat(a.err().lines().toList().get(1)).startsWith("archived 1, unchanged 0, skipped 0, failed 1 in ");
        Cli.Result list = new Cli(home).run("list", "--json");
        List<String> urls = list.lines().stream().map(l -> json(l, "url")).sorted().toList();
        assertThat(urls).as("each page stored once").containsExactly(first, second, third);
    }

    @Test
    void aLiveWritersTemporaryFileIsWaitedForAndNeverRemoved() throws Exception {
        Cli scratch = new Cli(home.resolve("scratch"));
        assertThat(scratch.run("fetch", server.url("/third.html")).status()).isZero();
        Path made = scratch.bundles().get(0);
        Path month = Files.createDirectories(home.resolve("store").resolve(scratch.store().relativize(made.getParent())));
        String name = made.getFileName().toString();
        Path crashed = Files.writeString(month.resolve(".1aaaaaaaaaa.wacz.tmp"), "left by a kill -9");
        Path temp = month.resolve("." + name + ".tmp");

        try (PendingWriter writer = PendingWriter.start(temp, month.resolve(name), Files.readAllBytes(made))) {
            ArcaProcess b = ArcaProcess.start(home, "b", "fetch", "--delay", "0", server.url("/first.html"));
            waitUntil(() -> b.err().contains("waiting for another arca to finish writing " + temp), b);

            assertThat(temp).as("the live writer's file").exists();
            assertThat(writer.finish()).as("the writer renamed its file into place").isZero();
            assertThat(b.waitFor(60)).as(b.err()).isZero();
        }
        assertThat(month.resolve(name)).hasSameBinaryContentAs(made);
        assertThat(crashed).as("a crashed writer's file").doesNotExist();
        Cli.Result list = new Cli(home).run("list", "--json");
        assertThat(list.lines().stream().map(l -> json(l, "url"))).containsExactlyInAnyOrder(server.url("/first.html"), server.url("/third.html"));
    }

    private static List<Path> bundles(Path store) {
        return new Cli(store.getParent()).bundles();
    }

    /** Polls {@code condition} until it holds; fails at once if {@code run} ended first, or after 60 s. */
    private static void waitUntil(BooleanSupplier condition, ArcaProcess run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(run.isAlive()).as("the run ended first: " + run.err()).isTrue();
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static String json(String line, String field) {
        try {
            return JSON.readTree(line).get(field).asText();
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
