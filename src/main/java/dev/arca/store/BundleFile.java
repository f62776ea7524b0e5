package dev.arca.store;

import java.nio.file.Path;

/**
 * A bundle as its month directory shows it: the facts an index compares to notice that a bundle
 * was added, removed or replaced behind arca's back.
 *
 * @param month the month directory, e.g. "2024/03"
 * @param id    the capture ID, the file name without ".wacz"
 * @param size  the file size in bytes
 * @param mtime the modification time in microseconds since the epoch
 */
public record BundleFile(String month, String id, long size, long mtime) {

    /** The bundle's path in the store at {@code root}. */
    public Path path(Path root) {
        return root.resolve(month).resolve(id + Store.SUFFIX);
    }

    /** The bundle as a store entry. */
    public StoreEntry entry(Path root) {
        return new StoreEntry(id, CaptureIds.captured(id), path(root), size);
    }

    /** True when {@code size} and {@code mtime} still describe this file. */
    public boolean sameAs(long otherSize, long otherMtime) {
        return size == otherSize && mtime == otherMtime;
    }
}
