package dev.arca.index;

import dev.arca.extract.Article;
import dev.arca.store.Diagnostics;
import dev.arca.store.Store;
import dev.arca.store.StoreEntry;
import dev.arca.testing.SyntheticBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The index of a store: snapshots of one page, and the store's changes followed as they happen. */
class StoreIndexTest {

    private static final String PAGE = "https://example.org/story";

    @TempDir
    Path root;

    @Test
    void snapshotsComeFromTheIndexNewestFirstAndReportUnreadableBundles() throws Exception {
        List<String> reported = new ArrayList<>();
        Store store = new Store(root);
        StoreIndex index = StoreIndex.of(store, Diagnostics.NONE);
        StoreEntry first = save(store, PAGE, PAGE + "?utm_source=x", "2024-01-05T10:00:00Z");
        save(store, "https://example.org/other", "https://example.org/other", "2024-01-06T10:00:00Z");
        StoreEntry second = save(store, PAGE, PAGE, "2024-02-01T10:00:00Z");
        Path junk = root.resolve("2024/02/1nf8w3k7qze.wacz");
        Files.writeString(junk, "not a bundle");

        List<StoreEntry> snapshots = index.snapshots(PAGE, (entry, e) -> reported.add(entry.id() + ": " + e.getMessage()))
                .stream().map(IndexedCapture::entry).toList();

        assertThat(snapshots).extracting(StoreEntry::id).containsExactly(second.id(), first.id());
        assertThat(snapshots.get(0).bundle()).isEqualTo(second.bundle());
        assertThat(reported).singleElement().asString().startsWith("1nf8w3k7qze: ");
        index.close();
    }

    /** The rows come from the store's events alone: no reader has compared the index with the directories. */
    @Test
    void theIndexFollowsTheStoresChangesWithoutAnyReader() throws Exception {
        Store store = new Store(root);
        try (StoreIndex index = StoreIndex.of(store, Diagnostics.NONE)) {
            save(store, PAGE, PAGE, "2024-01-05T10:00:00Z");
            StoreEntry second = save(store, PAGE, PAGE, "2024-01-06T10:00:00Z");
            assertThat(rows()).isEqualTo(2);
            store.remove(second);
        }
        assertThat(rows()).isEqualTo(1);
        assertThat(StoreIndex.of(new Store(root), Diagnostics.NONE).current().list(CaptureFilter.ALL, CaptureOrder.captured, null))
                .hasSize(1);
    }

    @Test
    void aStoreWithoutAnIndexWritesNoIndexFile() throws Exception {
        save(new Store(root), PAGE, PAGE, "2024-01-05T10:00:00Z");
        assertThat(root.resolve("index.sqlite")).doesNotExist();
    }

    private long rows() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("index.sqlite"));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM capture")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static StoreEntry save(Store store, String url, String requested, String when) throws IOException {
        Article article = new Article(url, url, "A story", "Ann Lee", List.of("Ann Lee"), null, null, null, "en", null,
                null, List.of(), null, "text/html", 0.9, 4, "Four words of text.", "<p>Four words of text.</p>");
        return SyntheticBundles.save(store, article, requested, Instant.parse(when));
    }
}
