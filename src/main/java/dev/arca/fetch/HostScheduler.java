package dev.arca.fetch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands out queued work so that each host sees at most one request at a time and a pause between
 * two of them, while the workers stay busy with other hosts instead of sleeping. Among the hosts
 * that are free, the item queued first goes first, so work follows the input order where
 * politeness allows.
 *
 * <p>At most {@code capacity} items wait at once: a producer reading a long list blocks in
 * {@link #submit} instead of filling memory.
 *
 * @param <T> the work item, e.g. a URL to fetch
 */
final class HostScheduler<T> {

    /** A host reserved for one request, and the item to request from it (null for {@link #reserve}). */
    public static final class Lease<T> {
        private final HostState<T> host;
        private final T item;
        private final long order;

        private Lease(HostState<T> host, T item, long order) {
            this.host = host;
            this.item = item;
            this.order = order;
        }

        public T item() {
            return item;
        }

        public String host() {
            return host.name;
        }
    }

    private record Queued<T>(T item, long order) {
    }

    private static final class HostState<T> {
        final String name;
        final ArrayDeque<Queued<T>> queue = new ArrayDeque<>();
        boolean busy;
        long readyAt;

        HostState(String name, long now) {
            this.name = name;
            this.readyAt = now;
        }

        boolean idleAt(long now) {
            return !busy && readyAt - now <= 0;
        }
    }

    private final long delayNanos;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, HostState<T>> hosts = new HashMap<>();
    private long nextOrder;
    private int queued;
    private int leased;
    private boolean closed;

    /**
     * @param delay    the pause between the end of one request to a host and the start of the next
     * @param capacity how many items may wait before {@link #submit} blocks
     */
    public HostScheduler(Duration delay, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.delayNanos = delay.toNanos();
        this.capacity = capacity;
    }

    /** Queues {@code item} for {@code host}, waiting while the scheduler is full. */
    public void submit(String host, T item) throws InterruptedException {
        lock.lock();
        try {
            while (queued >= capacity) {
                changed.await();
            }
            if (closed) {
                throw new IllegalStateException("scheduler is closed");
            }
            hostState(host).queue.addLast(new Queued<>(item, nextOrder++));
            queued++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next item whose host is free and rested, waiting until there is one; null once the
     * scheduler is closed and every item is finished.
     */
    public Lease<T> take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                HostState<T> best = null;
                long wait = Long.MAX_VALUE;
                for (Iterator<HostState<T>> it = hosts.values().iterator(); it.hasNext(); ) {
                    HostState<T> h = it.next();
                    if (h.queue.isEmpty()) {
                        if (h.idleAt(now)) {
                            it.remove(); // forgotten only once its pause is over
                        }
                    } else if (h.idleAt(now)) {
                        if (best == null || h.queue.peekFirst().order() < best.queue.peekFirst().order()) {
                            best = h;
                        }
                    } else if (!h.busy) {
                        wait = Math.min(wait, h.readyAt - now);
                    }
                }
                if (best != null) {
                    Queued<T> next = best.queue.pollFirst();
                    queued--;
                    changed.signalAll();
                    return lease(best, next.item(), next.order());
                }
                if (closed && queued == 0 && leased == 0) {
                    return null;
                }
                if (wait == Long.MAX_VALUE) {
                    changed.await();
                } else {
                    changed.awaitNanos(wait);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reserves {@code host} for a request that is not a queued item, such as a feed, waiting until
     * the host is free and rested. Give the lease back with {@link #finish}.
     */
    public Lease<T> reserve(String host) throws InterruptedException {
        lock.lock();
        try {
            HostState<T> h = hostState(host);
            long now = System.nanoTime();
            while (!h.idleAt(now)) {
                if (h.busy) {
                    changed.await();
                } else {
                    changed.awaitNanos(h.readyAt - now);
                }
                h = hostState(host);
                now = System.nanoTime();
            }
            return lease(h, null, -1);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Frees the lease's host. When {@code requested}, a request was made and the next one waits for
     * the delay; otherwise the host is free at once.
     */
    public void finish(Lease<T> lease, boolean requested) {
        release(lease, requested ? delayNanos : 0);
    }

    /**
     * Queues {@code item} again at the head of the lease's host, after a request that must be
     * repeated or followed by another: the host rests for {@code wait} or the delay, whichever is longer.
     */
    public void retry(Lease<T> lease, T item, Duration wait) {
        lock.lock();
        try {
            lease.host.queue.addFirst(new Queued<>(item, lease.order));
            queued++;
            release(lease, Math.max(delayNanos, wait.toNanos()));
        } finally {
            lock.unlock();
        }
    }

    /** No more items will be submitted; {@link #take} returns null once the last one is finished. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void release(Lease<T> lease, long restNanos) {
        lock.lock();
        try {
            HostState<T> h = lease.host;
            h.busy = false;
            h.readyAt = System.nanoTime() + restNanos;
            leased--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Lease<T> lease(HostState<T> h, T item, long order) {
        h.busy = true;
        leased++;
        return new Lease<>(h, item, order);
    }

    private HostState<T> hostState(String host) {
        return hosts.computeIfAbsent(host, name -> new HostState<>(name, System.nanoTime()));
    }
}
