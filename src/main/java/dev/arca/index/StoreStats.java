package dev.arca.index;

import java.time.Instant;
import java.util.List;

/**
 * The size and span of a store, for {@code arca stats}.
 *
 * @param captures   readable bundles
 * @param sites      distinct sites among them
 * @param totalSize  bytes of all readable bundles
 * @param oldest     the first capture, or null in an empty store
 * @param newest     the last capture, or null in an empty store
 * @param unreadable bundles that could not be read
 * @param indexSize  bytes of the index file and its write-ahead log
 * @param months     captures per month, oldest first
 */
public record StoreStats(long captures, long sites, long totalSize, Instant oldest, Instant newest, long unreadable,
                         long indexSize, List<Month> months) {

    public StoreStats {
        months = List.copyOf(months);
    }

    /**
     * @param month    "yyyy-mm", in UTC
     * @param captures captures made that month
     */
    public record Month(String month, long captures) {
    }
}
