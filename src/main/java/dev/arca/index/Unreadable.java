package dev.arca.index;

import java.nio.file.Path;

/**
 * A bundle in the store that could not be read, so it has no place in listings or search results.
 * Commands report these every time rather than leave a gap nobody notices.
 *
 * @param bundle the file
 * @param reason what was wrong with it
 */
public record Unreadable(Path bundle, String reason) {
}
