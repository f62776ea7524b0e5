package dev.arca.fetch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class HostSchedulerTest {

    @Test
    void neverLeasesOneHostTwiceAtOnceButRunsHostsInParallel() throws Exception {
        HostScheduler<String> scheduler = new HostScheduler<>(Duration.ZERO, 100);
        for (int i = 0; i < 12; i++) {
            scheduler.submit("h" + (i % 3), "item" + i);
        }
        scheduler.close();
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger maxPerHost = new AtomicInteger();
        AtomicInteger overall = new AtomicInteger();
        AtomicInteger maxOverall = new AtomicInteger();
        List<String> done = new CopyOnWriteArrayList<>();
        runWorkers(4, () -> {
            HostScheduler.Lease<String> lease;
            while ((lease = scheduler.take()) != null) {
                int mine = inFlight.computeIfAbsent(lease.host(), h -> new AtomicInteger()).incrementAndGet();
                maxPerHost.accumulateAndGet(mine, Math::max);
                maxOverall.accumulateAndGet(overall.incrementAndGet(), Math::max);
                Thread.sleep(30);
                overall.decrementAndGet();
                inFlight.get(lease.host()).decrementAndGet();
                done.add(lease.item());
                scheduler.finish(lease, true);
            }
        });
        assertThat(done).hasSize(12);
        assertThat(maxPerHost.get()).isEqualTo(1);
        assertThat(maxOverall.get()).isGreaterThan(1);
    }

    @Test
    void restsAHostForTheDelayWhileOtherHostsGoAhead() throws Exception {
        HostScheduler<String> scheduler = new HostScheduler<>(Duration.ofMillis(400), 100);
        scheduler.submit("a", "a1");
        scheduler.submit("a", "a2");
        scheduler.submit("b", "b1");
        scheduler.close();

        HostScheduler.Lease<String> a1 = scheduler.take();
        assertThat(a1.item()).isEqualTo("a1");
        long finished = System.nanoTime();
        scheduler.finish(a1, true);
        HostScheduler.Lease<String> b1 = scheduler.take();
        assertThat(b1.item()).as("b goes ahead while a rests").isEqualTo("b1");
        assertThat(elapsedMillis(finished)).isLessThan(300);
        scheduler.finish(b1, true);
        HostScheduler.Lease<String> a2 = scheduler.take();
        assertThat(a2.item()).isEqualTo("a2");
        assertThat(elapsedMillis(finished)).isGreaterThanOrEqualTo(400);
        scheduler.finish(a2, true);
        assertThat(scheduler.take()).isNull();
    }

    @Test
    void freesHostAtOnceWhenNoRequestWasMade() throws Exception {
        HostScheduler<String> scheduler = new HostScheduler<>(Duration.ofSeconds(30), 100);
        scheduler.submit("a", "a1");
        scheduler.submit("a", "a2");
        scheduler.finish(scheduler.take(), false);
        long start = System.nanoTime();
        assertThat(scheduler.take().item()).isEqualTo("a2");
        assertThat(elapsedMillis(start)).isLessThan(5_000);
    }

    @Test
    void followsInputOrderAmongFreeHosts() throws Exception {
        HostScheduler<String> scheduler = new HostScheduler<>(Duration.ZERO, 100);
        for (String s : List.of("c1", "a1", "b1", "a2", "c2")) {
            scheduler.submit(s.substring(0, 1), s);
        }
        scheduler.close();
        List<String> order = new ArrayList<>();
        HostScheduler.Lease<String> lease;
        while ((lease = scheduler.take()) != null) {
            order.add(lease.item());
            scheduler.finish(lease, true);
        }
        assertThat(order).containsExactly("c1", "a1", "b1", "a2", "c2");
    }

    @Test
    void retryGoesFirstForItsHostAfterTheWait() throws Exception {
        HostScheduler<String> scheduler = new HostScheduler<>(Duration.ZERO, 100);
        scheduler.submit("a", "a1");
        scheduler.submit("a", "a2");
        scheduler.close();
        HostScheduler.Lease<String> first = scheduler.take();
        long retried = System.nanoTime();
        scheduler.retry(first, "a1 again", Duration.ofMillis(300));
        HostScheduler.Lease<String> next = scheduler.take();
        assertThat(next.item()).isEqualTo("a1 again");
        assertThat(elapsedMillis(retried)).isGreaterThanOrEqualTo(300);
        scheduler.finish(next, true);
        HostScheduler.Lease<String> last = scheduler.take();
        assertThat(last.item()).isEqualTo("a2");
        scheduler.finish(last, true);
        assertThat(scheduler.take()).isNull();
    }

    @Test
    void reserveWaitsForTheHostLikeAnyRequest() throws Exception {
        HostScheduler<String> scheduler = new HostScheduler<>(Duration.ofMillis(300), 100);
        scheduler.submit("a", "a1");
        HostScheduler.Lease<String> first = scheduler.take();
        long finished = System.nanoTime(); // before finish(): the delay runs from a moment inside it
        scheduler.finish(first, true);
        HostScheduler.Lease<String> feed = scheduler.reserve("a");
        assertThat(elapsedMillis(finished)).isGreaterThanOrEqualTo(300);
        assertThat(feed.item()).isNull();
        scheduler.finish(feed, true);
    }

    @Test
    void submitWaitsWhileFull() throws Exception {
        HostScheduler<String> scheduler = new HostScheduler<>(Duration.ZERO, 2);
        scheduler.submit("a", "1");
        scheduler.submit("b", "2");
        CountDownLatch submitted = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            try {
                scheduler.submit("c", "3");
                submitted.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        assertThat(submitted.await(300, TimeUnit.MILLISECONDS)).as("blocked while full").isFalse();
        scheduler.take();
        assertThat(submitted.await(10, TimeUnit.SECONDS)).as("goes on once an item is taken").isTrue();
        producer.join();
    }

    @Test
    void takeWaitsForLeasedItemsThatMayComeBack() throws Exception {
        HostScheduler<String> scheduler = new HostScheduler<>(Duration.ZERO, 10);
        scheduler.submit("a", "a1");
        scheduler.close();
        HostScheduler.Lease<String> lease = scheduler.take();
        List<String> taken = new CopyOnWriteArrayList<>();
        Thread worker = new Thread(() -> {
            try {
                HostScheduler.Lease<String> l;
                while ((l = scheduler.take()) != null) {
                    taken.add(l.item());
                    scheduler.finish(l, true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        Thread.sleep(100);
        assertThat(worker.isAlive()).isTrue();
        scheduler.retry(lease, "a1 retried", Duration.ZERO);
        worker.join(10_000);
        assertThat(worker.isAlive()).isFalse();
        assertThat(taken).containsExactly("a1 retried");
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void runWorkers(int n, Work work) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                try {
                    work.run();
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertThat(errors).isEmpty();
    }

    private static long elapsedMillis(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}
