package dev.arca.index;

import dev.arca.bundle.ArticleText;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Highlighted passages for search hits. The index keeps no text (the bundles do, and a second
 * copy would more than double its size), so the few hits shown are read back from their bundles
 * into a small in-memory full-text table, where SQLite's own {@code snippet()} finds the passage
 * with the same tokenizer and query semantics as the search itself.
 */
final class Snippets {

    static final String OPEN = "[";
    static final String CLOSE = "]";
    private static final String ELLIPSIS = "…";
    private static final int WORDS = 24;
    private static final String TABLE = "temp.snippet_text";

    private final Connection connection;

    Snippets(Connection connection) {
        this.connection = connection;
    }

    /** The snippet for each bundle by rowid, for those that could still be read and matched. */
    Map<Long, String> of(String query, Map<Long, Path> bundles) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS " + TABLE + " USING fts5(" + IndexSchema.TEXT_COLUMNS + ", "
                    + IndexSchema.TOKENIZE + ")");
            s.execute("DELETE FROM " + TABLE);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + TABLE + " (rowid, " + IndexSchema.TEXT_COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, Path> bundle : bundles.entrySet()) {
                ArticleText article = read(bundle.getValue());
                if (article != null) {
                    insert.setLong(1, bundle.getKey());
                    CaptureRows.bindText(insert, article.text(), article.title(), article.byline(), article.description());
                    insert.executeUpdate();
                }
            }
        }
        Map<Long, String> snippets = new HashMap<>();
        String name = TABLE.substring(TABLE.indexOf('.') + 1);
        try (PreparedStatement select = connection.prepareStatement("SELECT rowid, snippet(" + name + ", -1, '" + OPEN + "', '"
                + CLOSE + "', '" + ELLIPSIS + "', " + WORDS + ") FROM " + TABLE + " WHERE " + name + " MATCH ?")) {
            select.setString(1, query);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    snippets.put(r.getLong(1), r.getString(2));
                }
            }
        }
        return snippets;
    }

    private static ArticleText read(Path bundle) {
        try {
            return ArticleText.read(bundle);
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return null; // removed, damaged or too much for this heap since it was indexed: the hit just has no snippet
        }
    }
}
