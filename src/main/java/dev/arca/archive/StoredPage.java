package dev.arca.archive;

import dev.arca.bundle.BundleReader;
import dev.arca.store.StoreEntry;

import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * The newest stored capture of a page, as a crawl needs it to skip or refetch the page.
 *
 * @param entry the capture's bundle
 * @param title its article's title, or null
 */
public record StoredPage(StoreEntry entry, String title) {

    /**
     * The content hash of the capture in {@code previous}, to tell an unchanged article; null when
     * there is none or its bundle cannot be read, which is told to {@code unreadable}.
     */
    static String contentHash(StoreEntry previous, BiConsumer<StoreEntry, IOException> unreadable) {
        if (previous == null) {
            return null;
        }
        try (BundleReader reader = BundleReader.open(previous.bundle())) {
            return reader.info().contentHash();
        } catch (IOException e) {
            unreadable.accept(previous, e);
            return null;
        }
    }
}
