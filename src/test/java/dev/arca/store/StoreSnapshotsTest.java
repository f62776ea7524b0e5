package dev.arca.store;

import dev.arca.extract.Article;
import dev.arca.testing.SyntheticBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoreSnapshotsTest {

    private static final String PAGE = "https://example.org/story";

    @TempDir
    Path root;

    @Test
    void snapshotsComeFromTheIndexNewestFirstAndReportUnreadableBundles() throws Exception {
        List<String> reported = new ArrayList<>();
        try (Store store = new Store(root)) {
            StoreEntry first = save(store, PAGE, PAGE + "?utm_source=x", "2024-01-05T10:00:00Z");
            save(store, "https://example.org/other", "https://example.org/other", "2024-01-06T10:00:00Z");
            StoreEntry second = save(store, PAGE, PAGE, "2024-02-01T10:00:00Z");
            Path junk = root.resolve("2024/02/1nf8w3k7qze.wacz");
            Files.writeString(junk, "not a bundle");

            List<StoreEntry> snapshots = store.snapshots(PAGE, (entry, e) -> reported.add(entry.id() + ": " + e.getMessage()))
                    .stream().map(IndexedCapture::entry).toList();

            assertThat(snapshots).extracting(StoreEntry::id).containsExactly(second.id(), first.id());
            assertThat(snapshots.get(0).bundle()).isEqualTo(second.bundle());
            assertThat(reported).singleElement().asString().startsWith("1nf8w3k7qze: ");
        }
    }

    @Test
    void storeSaveKeepsTheIndexCurrentWithoutAnyReader() throws Exception {
        try (Store store = new Store(root)) {
            save(store, PAGE, PAGE, "2024-01-05T10:00:00Z");
            save(store, PAGE, PAGE, "2024-01-06T10:00:00Z");
        }
        try (Store store = new Store(root)) {
            assertThat(store.index().list(CaptureFilter.ALL, CaptureOrder.captured, null)).hasSize(2);
        }
    }

    private static StoreEntry save(Store store, String url, String requested, String when) throws IOException {
        Article article = new Article(url, url, "A story", "Ann Lee", List.of("Ann Lee"), null, null, null, "en", null,
                null, List.of(), null, "text/html", 0.9, 4, "Four words of text.", "<p>Four words of text.</p>");
        return SyntheticBundles.save(store, article, requested, Instant.parse(when));
    }
}
