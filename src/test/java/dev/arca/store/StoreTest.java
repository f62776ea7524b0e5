package dev.arca.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreTest {

    @TempDir
    Path root;

    @Test
    void savesUnderYearAndMonthAtomically() throws Exception {
        Store store = new Store(root);

        StoreEntry entry = store.save(Instant.parse("2024-03-14T08:30:00Z"),
                (out, id) -> out.write(("bundle " + id).getBytes(StandardCharsets.UTF_8)));

        assertThat(entry.bundle()).isEqualTo(root.resolve("2024/03/" + entry.id() + ".wacz"));
        assertThat(entry.bundle()).hasContent("bundle " + entry.id());
        assertThat(entry.captured()).isEqualTo(Instant.parse("2024-03-14T08:30:00Z"));
        assertThat(files()).containsExactly(entry.bundle());
    }

    @Test
    void leavesNothingBehindWhenWritingFails() throws Exception {
        Store store = new Store(root);
        store.save(Instant.parse("2024-03-14T08:30:00Z"), (out, id) -> out.write(1));

        assertThatThrownBy(() -> store.save(Instant.parse("2024-03-15T08:30:00Z"), (out, id) -> {
            out.write(new byte[1000]);
            throw new IOException("No space left on device");
        })).hasMessage("cannot write a bundle in " + root.resolve("2024/03") + ": No space left on device; nothing was stored");

        assertThat(files()).hasSize(1);
        assertThat(store.entries()).hasSize(1);
    }

    @Test
    void removesPartialFileWhenTheDiskFillsAndKeepsEarlierBundles() throws Exception {
        Store healthy = new Store(root);
        StoreEntry earlier = healthy.save(Instant.parse("2024-03-14T08:30:00Z"), (out, id) -> out.write(new byte[5000]));
        Store full = new Store(root, Diagnostics.NONE, out -> new DiskFull(out, 70_000));

        assertThatThrownBy(() -> full.save(Instant.parse("2024-03-14T09:00:00Z"), (out, id) -> out.write(new byte[200_000])))
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot write a bundle in " + root.resolve("2024/03") + ": No space left on device; nothing was stored");

        assertThat(files()).containsExactly(earlier.bundle());
        assertThat(earlier.bundle()).hasSize(5000);
        assertThat(full.save(Instant.parse("2024-03-14T09:30:00Z"), (out, id) -> out.write(new byte[10])).size()).isEqualTo(10);
    }

    /** A file on a disk that fills up after {@code room} bytes, as FileChannel reports it. */
    private static final class DiskFull extends java.io.FilterOutputStream {
        private long room;

        DiskFull(java.io.OutputStream out, long room) {
            super(out);
            this.room = room;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > room) {
                out.write(b, off, (int) room);
                room = 0;
                throw new IOException("No space left on device");
            }
            room -= len;
            out.write(b, off, len);
        }
    }

    @Test
    void idsSortByTimeAndDecodeTheirSecond() {
        Instant t = Instant.parse("2026-11-27T12:00:00Z");

        assertThat(CaptureIds.next(t)).matches("[0-9a-z]{11}").satisfies(id -> assertThat(CaptureIds.isId(id)).isTrue());
        assertThat(CaptureIds.next(t).compareTo(CaptureIds.next(t.plusSeconds(1)))).isNegative();
        assertThat(CaptureIds.captured(CaptureIds.next(t))).isEqualTo(t);
        assertThat(CaptureIds.isId("1ngm35gdgzI")).isFalse();
    }

    @Test
    void storeKeepsIdsUniqueWhenManyCapturesShareASecond() throws Exception {
        Store store = new Store(root);
        Instant t = Instant.parse("2026-11-27T12:00:00Z");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1500; i++) {
            ids.add(store.save(t, (out, id) -> out.write(1)).id());
        }

        assertThat(ids).hasSize(1500);
        assertThat(store.entries()).hasSize(1500);
    }

    @Test
    void findsByUniquePrefixAndExplainsMisses() throws Exception {
        Store store = new Store(root);
        StoreEntry a = store.save(Instant.parse("2020-01-01T00:00:00Z"), (out, id) -> out.write(1));
        StoreEntry b = store.save(Instant.parse("2024-01-01T00:00:00Z"), (out, id) -> out.write(1));

        assertThat(store.find(a.id()).bundle()).isEqualTo(a.bundle());
        assertThat(store.find(b.id().substring(0, 6).toUpperCase()).id()).isEqualTo(b.id());
        assertThatThrownBy(() -> store.find("zzzzzz")).isInstanceOf(StoreException.class)
                .hasMessageContaining("no capture with ID \"zzzzzz\"");
        String shared = a.id().substring(0, 1);
        if (b.id().startsWith(shared)) {
            assertThatThrownBy(() -> store.find(shared)).hasMessageContaining("matches 2 captures");
        }
    }

    @Test
    void listsNewestFirstIgnoringTemporariesAndForeignFiles() throws Exception {
        Store store = new Store(root);
        StoreEntry old = store.save(Instant.parse("2020-01-01T00:00:00Z"), (out, id) -> out.write(1));
        StoreEntry recent = store.save(Instant.parse("2024-06-01T00:00:00Z"), (out, id) -> out.write(1));
        Files.writeString(root.resolve("2024/06/.1234567abcd.wacz.tmp"), "partial");
        Files.writeString(root.resolve("2024/06/notes.txt"), "mine");
        Files.createDirectories(root.resolve("misc"));

        List<StoreEntry> entries = store.entries();

        assertThat(entries).extracting(StoreEntry::id).containsExactly(recent.id(), old.id());
        assertThat(store.removeStaleTemporaries()).isEqualTo(1);
        assertThat(root.resolve("2024/06/notes.txt")).exists();
    }

    @Test
    void refusesStorePathThatIsAFile() throws Exception {
        Path file = root.resolve("store");
        Files.writeString(file, "x");

        assertThatThrownBy(() -> new Store(file).save(Instant.now(), (out, id) -> out.write(1)))
                .hasMessageContaining("is a file, not a directory");
    }

    /** Every file but the index, which is derived from the bundles. */
    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("index.sqlite")).toList();
        }
    }

    @Test
    void neverWritesThroughASymbolicLinkForAMonthOrAYear() throws Exception {
        Path outside = Files.createDirectories(root.resolve("../outside-" + root.getFileName()).normalize());
        Path store = Files.createDirectories(root.resolve("store"));
        Files.createDirectories(store.resolve("2024"));
        Files.createSymbolicLink(store.resolve("2024/03"), outside);
        Files.createSymbolicLink(store.resolve("2025"), outside);

        assertThatThrownBy(() -> new Store(store).save(Instant.parse("2024-03-14T08:30:00Z"), (out, id) -> out.write(1)))
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot write a bundle in " + store.resolve("2024/03") + ": " + store.resolve("2024/03")
                        + " is a symbolic link; arca never writes through links in the store; nothing was stored");
        assertThatThrownBy(() -> new Store(store).save(Instant.parse("2025-01-02T08:30:00Z"), (out, id) -> out.write(1)))
                .hasMessage("cannot write a bundle in " + store.resolve("2025/01") + ": " + store.resolve("2025")
                        + " is a symbolic link; arca never writes through links in the store; nothing was stored");
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void removesNothingThroughASymbolicLinkedMonth() throws Exception {
        Store store = new Store(root.resolve("store"));
        StoreEntry entry = store.save(Instant.parse("2024-03-14T08:30:00Z"), (out, id) -> out.write("bundle".getBytes(StandardCharsets.UTF_8)));
        Path outside = root.resolve("elsewhere");
        Files.move(root.resolve("store/2024/03"), outside);
        Files.createSymbolicLink(root.resolve("store/2024/03"), outside);

        assertThatThrownBy(() -> store.remove(entry)).isInstanceOf(StoreException.class)
                .hasMessage("cannot remove " + entry.bundle() + ": " + root.resolve("store/2024/03")
                        + " is a symbolic link; arca never writes through links in the store");
        assertThat(outside.resolve(entry.id() + ".wacz")).hasContent("bundle");
    }

    @Test
    void clearsAPlantedLinkNamedLikeATemporaryFileButNotWhatItPointsTo() throws Exception {
        Store store = new Store(root.resolve("store"));
        store.save(Instant.parse("2024-03-14T08:30:00Z"), (out, id) -> out.write(1));
        Path outside = Files.writeString(root.resolve("precious.txt"), "mine");
        Files.createSymbolicLink(root.resolve("store/2024/03/.1234567abcd.wacz.tmp"), outside);

        assertThat(store.removeStaleTemporaries()).isEqualTo(1);

        assertThat(root.resolve("store/2024/03/.1234567abcd.wacz.tmp")).doesNotExist();
        assertThat(outside).hasContent("mine");
    }
}
