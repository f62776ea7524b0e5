package dev.arca.store;

import java.util.function.Consumer;

/**
 * Where the store tells the person waiting what it is doing behind their back: progress while it
 * brings the index up to date, and problems it worked around (an unreadable bundle, a damaged
 * index moved aside). The store never prints; the command line decides how these look.
 *
 * @param notes    progress, which {@code --quiet} silences
 * @param warnings problems, which are always shown
 */
public record Diagnostics(Consumer<String> notes, Consumer<String> warnings) {

    /** Says nothing: for libraries and tools that only want the data. */
    public static final Diagnostics NONE = new Diagnostics(m -> { }, m -> { });

    void note(String message) {
        notes.accept(message);
    }

    void warn(String message) {
        warnings.accept(message);
    }
}
