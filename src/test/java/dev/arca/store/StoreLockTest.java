package dev.arca.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aDeletedLockFileIsPutBackAndTheRunGoesOn() throws Exception {
        Store store = new Store(dir.resolve("store"));
        try (StoreLock held = store.lock()) {
            Files.delete(store.root().resolve(".lock"));

            store.save(Instant.parse("2024-03-14T08:30:00Z"), (out, id) -> out.write(1));

            assertThat(store.root().resolve(".lock")).hasContent(Long.toString(ProcessHandle.current().pid()));
            assertThat(new Store(store.root()).tryLock()).as("the new file is locked").isEmpty();
            assertThat(store.entries()).hasSize(1);
        }
    }

    @Test
    void aRunWhoseLockFileWasReplacedStoresNothingMore() throws Exception {
        Store store = new Store(dir.resolve("store"));
        try (StoreLock held = store.lock()) {
            Path copy = Files.writeString(store.root().resolve(".lock.rsync"), "4242\n");
            Files.move(copy, store.root().resolve(".lock"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> store.save(Instant.parse("2024-03-14T08:30:00Z"), (out, id) -> out.write(1)))
                        .isInstanceOf(StoreException.class)
                        .hasMessage("the store's lock file " + store.root().resolve(".lock") + " was replaced while this run held it,"
                                + " so another run may be writing now; this run stores nothing more (nothing was stored; run it again to finish)");
            }
            assertThat(store.entries()).isEmpty();
            try (var files = Files.walk(store.root())) {
                assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
            }
        }
    }

    @Test
    void aLockFileThatIsASymbolicLinkIsRefusedAndItsTargetUntouched() throws Exception {
        Path outside = Files.writeString(dir.resolve("precious.txt"), "do not truncate me\n");
        Store store = new Store(Files.createDirectories(dir.resolve("store")));
        Files.createSymbolicLink(store.root().resolve(".lock"), outside);

        assertThatThrownBy(store::tryLock).isInstanceOf(StoreException.class)
                .hasMessage("the store's lock file " + store.root().resolve(".lock") + " is a symbolic link; arca never follows"
                        + " links in the store (remove it and arca makes a new one); nothing was stored");
        assertThat(Files.readString(outside, StandardCharsets.UTF_8)).isEqualTo("do not truncate me\n");
        assertThat(store.lockHolder()).isEmpty();
    }
}
