package dev.arca.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A store problem the user can fix: an unknown or ambiguous ID, a store path that is not a
 * usable directory. The message says what is wrong; when the fix is to use another store, the
 * {@link #kind()} says so, and the front end says how to choose one.
 */
public final class StoreException extends IOException {

    /** A problem with the store as a whole, which choosing another store would solve. */
    public enum Kind {
        /** Nothing has been archived at the store's path. */
        NO_STORE,
        /** The store's path is a file. */
        NOT_A_DIRECTORY,
        /** The store cannot be written. */
        NOT_WRITABLE
    }

    private final List<String> candidates;
    private final Kind kind;

    public StoreException(String message) {
        this(message, List.of());
    }

    public StoreException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** A problem of kind {@code kind} (null for none), caused by {@code cause} (or null). */
    public StoreException(String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.candidates = List.of();
        this.kind = kind;
    }

    public StoreException(String message, List<String> candidates) {
        super(message);
        this.candidates = List.copyOf(candidates);
        this.kind = null;
    }

    /** What kind of problem with the whole store this is, if it is one. */
    public Optional<Kind> kind() {
        return Optional.ofNullable(kind);
    }

    /** The IDs the user may have meant, for unknown or ambiguous IDs. */
    public List<String> candidates() {
        return candidates;
    }
}
