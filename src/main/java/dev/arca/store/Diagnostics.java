package dev.arca.store;

import java.util.function.Consumer;

/**
 * Where the store and what is derived from it (the index) tell the person waiting what they are
 * doing behind their back: progress, such as waiting for another writer or bringing the index up to
 * date, and problems worked around (an unreadable bundle, a damaged index moved aside). They never
 * print; the command line decides how these look.
 *
 * @param notes    progress, which {@code --quiet} silences
 * @param warnings problems, which are always shown
 */
public record Diagnostics(Consumer<String> notes, Consumer<String> warnings) {

    /** Says nothing: for libraries and tools that only want the data. */
    public static final Diagnostics NONE = new Diagnostics(m -> { }, m -> { });

    /** Progress, which {@code --quiet} silences. */
    public void note(String message) {
        notes.accept(message);
    }

    /** A problem worked around, which is always shown. */
    public void warn(String message) {
        warnings.accept(message);
    }
}
