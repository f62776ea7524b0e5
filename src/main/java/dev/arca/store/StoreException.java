package dev.arca.store;

import java.io.IOException;
import java.util.List;

/**
 * A store problem the user can fix: an unknown or ambiguous ID, a store path that is not a
 * usable directory. The message says what to do.
 */
public final class StoreException extends IOException {

    private final List<String> candidates;

    public StoreException(String message) {
        this(message, List.of());
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.candidates = List.of();
    }

    public StoreException(String message, List<String> candidates) {
        super(message);
        this.candidates = List.copyOf(candidates);
    }

    /** The IDs the user may have meant, for unknown or ambiguous IDs. */
    public List<String> candidates() {
        return candidates;
    }
}
