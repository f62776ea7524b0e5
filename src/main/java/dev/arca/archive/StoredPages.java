package dev.arca.archive;

import dev.arca.store.StoreEntry;

import java.io.IOException;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * "Is this page stored already?", which a crawl asks of every input before it fetches it. The
 * command line answers from the SQLite index; a library user may answer from a scan of the store,
 * a set in memory, or {@link #NONE}.
 */
@FunctionalInterface
public interface StoredPages {

    /** Nothing is stored: every page is fetched. */
    StoredPages NONE = (normalizedUrl, unreadable) -> Optional.empty();

    /**
     * The newest capture of the page at {@code normalizedUrl} (see {@code UrlNormalizer}), if any.
     * A bundle that cannot be read, and so might have been one, is passed to {@code unreadable}.
     */
    Optional<StoredPage> newest(String normalizedUrl, BiConsumer<StoreEntry, IOException> unreadable) throws IOException;
}
