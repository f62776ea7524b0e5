package dev.arca.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StoreLockTest {

    @TempDir
    Path dir;

    @Test
    void oneHolderAtATimeAndTheHolderIsNamed() throws Exception {
        Store store = new Store(dir.resolve("store"));
        try (StoreLock first = store.tryLock().orElseThrow()) {
            assertThat(first).isNotNull();
            assertThat(store.tryLock()).isEmpty();
            assertThat(store.lockHolder()).contains(Long.toString(ProcessHandle.current().pid()));
        }
        Optional<StoreLock> again = store.tryLock();
        assertThat(again).isPresent();
        again.get().close();
    }

    @Test
    void lockWaitsForTheHolder() throws Exception {
        Store store = new Store(dir.resolve("store"));
        StoreLock held = store.tryLock().orElseThrow();
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(300);
                held.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        releaser.start();
        try (StoreLock mine = store.lock()) {
            assertThat(mine).isNotNull();
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(250);
        }
        releaser.join();
    }
}
