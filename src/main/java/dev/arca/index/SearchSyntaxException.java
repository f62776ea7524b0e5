package dev.arca.index;

import java.io.IOException;

/** A search query that is not valid FTS5 syntax: the user's mistake, to be told in one line. */
public final class SearchSyntaxException extends IOException {

    public SearchSyntaxException(String message) {
        super(message);
    }
}
