package dev.arca.archive;

import dev.arca.store.StoreEntry;

/**
 * The newest stored capture of a page, as a crawl needs it to skip or refetch the page.
 *
 * @param entry the capture's bundle
 * @param title its article's title, or null
 */
public record StoredPage(StoreEntry entry, String title) {
}
