package dev.arca.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A bundle file in the store, known from its name and size alone.
 *
 * @param id       the capture ID
 * @param captured the capture time, decoded from the ID (to about a millisecond)
 * @param bundle   the bundle's absolute path
 * @param size     its size in bytes
 */
public record StoreEntry(String id, Instant captured, Path bundle, long size) {
}
