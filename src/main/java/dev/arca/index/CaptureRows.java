package dev.arca.index;

import dev.arca.store.BundleFile;
import dev.arca.store.CaptureIds;
import dev.arca.store.Store;
import dev.arca.store.StoreEntry;
import dev.arca.bundle.CaptureInfo;
import dev.arca.bundle.CaptureWarning;
import dev.arca.extract.Article;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads and writes the rows of the {@code capture} table and its full-text twin. The one place that
 * knows which column holds which Article field.
 */
final class CaptureRows implements AutoCloseable {

    /**
     * The normalised URL of a row, stored only when it differs from the URL, as an expression over
     * the columns of {@code table} ("" for none, as in the index on it).
     */
    static String normalizedUrl(String table) {
        String prefix = table.isEmpty() ? "" : table + ".";
        return "coalesce(" + prefix + "normalized_url, " + prefix + "url)";
    }

    /** The capture columns every query selects, in the order {@link #read} expects them. */
    static final String COLUMNS = "c.month, c.id, c.size, c.url, c.normalized_url, c.canonical_url, c.title, c.byline,"
            + " c.authors, c.published, c.modified, c.site_name, c.site, c.language, c.description, c.lead_image, c.tags,"
            + " c.source_url, c.media_type, c.confidence, c.word_count, c.status, c.content_hash, c.warnings";

    /** How many columns {@link #COLUMNS} selects; a query's own columns come after them. */
    static final int COLUMN_COUNT = 24;

    /** Between a warning's step and message, and between two warnings, in the {@code warnings} column. */
    private static final String WARNING_PARTS = "\u001f";
    private static final String WARNING_SEPARATOR = "\u001e";

    private static final String LIST_SEPARATOR = "\u001f";

    private static final String INSERT = "INSERT INTO capture (month, id, size, mtime, captured, url, normalized_url,"
            + " canonical_url, title, byline, authors, published, modified, site_name, site, site_key, language, description,"
            + " lead_image, tags, source_url, media_type, confidence, word_count, status, content_hash, warnings)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_TEXT = "INSERT INTO " + IndexSchema.TEXT
            + " (rowid, " + IndexSchema.TEXT_COLUMNS + ") VALUES (?, ?, ?, ?, ?)";

    /** What the index holds of a bundle it has read: its row, and the file's size and time then. */
    record Known(long rowid, long size, long mtime) {
    }

    private final Connection connection;
    private PreparedStatement insert;
    private PreparedStatement insertText;
    private PreparedStatement lastRowid;
    private PreparedStatement delete;
    private PreparedStatement deleteText;

    CaptureRows(Connection connection) {
        this.connection = connection;
    }

    /** Adds the row and full text of a bundle the index has not seen. */
    void insert(BundleFile file, Article article, CaptureInfo info, List<CaptureWarning> warnings) throws SQLException {
        String site = Sites.of(article.url());
        if (insert == null) {
            insert = connection.prepareStatement(INSERT);
            insertText = connection.prepareStatement(INSERT_TEXT);
            lastRowid = connection.prepareStatement("SELECT last_insert_rowid()");
        }
        int i = 0;
        insert.setString(++i, file.month());
        insert.setString(++i, file.id());
        insert.setLong(++i, file.size());
        insert.setLong(++i, file.mtime());
        insert.setLong(++i, capturedMicros(file.id(), info.captured()));
        insert.setString(++i, article.url());
        insert.setString(++i, unlessSame(info.normalizedUrl(), article.url()));
        insert.setString(++i, canonical(article.canonicalUrl(), article.url()));
        insert.setString(++i, article.title());
        insert.setString(++i, article.byline());
        insert.setString(++i, joined(article.authors()));
        insert.setString(++i, article.published());
        insert.setString(++i, article.modified());
        insert.setString(++i, article.siteName());
        insert.setString(++i, site);
        insert.setString(++i, Sites.key(site));
        insert.setString(++i, article.language());
        insert.setString(++i, article.description());
        insert.setString(++i, article.leadImage());
        insert.setString(++i, joined(article.tags()));
        insert.setString(++i, article.sourceUrl());
        insert.setString(++i, article.mediaType());
        insert.setDouble(++i, article.confidence());
        insert.setInt(++i, article.wordCount());
        insert.setInt(++i, info.status());
        insert.setString(++i, info.contentHash());
        insert.setString(++i, warnings(warnings));
        insert.executeUpdate();
        long rowid;
        try (ResultSet r = lastRowid.executeQuery()) {
            r.next();
            rowid = r.getLong(1);
        }
        insertText.setLong(1, rowid);
        bindText(insertText, article.text(), article.title(), article.byline(), article.description());
        insertText.executeUpdate();
    }

    /** Binds parameters 2 to 5 to the {@link IndexSchema#TEXT_COLUMNS}, in their order. */
    static void bindText(PreparedStatement s, String text, String title, String byline, String description) throws SQLException {
        s.setString(2, text);
        s.setString(3, title);
        s.setString(4, byline);
        s.setString(5, description);
    }

    /** Removes a row and its full text. */
    void delete(long rowid) throws SQLException {
        if (delete == null) {
            delete = connection.prepareStatement("DELETE FROM capture WHERE rowid = ?");
            deleteText = connection.prepareStatement("DELETE FROM " + IndexSchema.TEXT + " WHERE rowid = ?");
        }
        delete.setLong(1, rowid);
        delete.executeUpdate();
        deleteText.setLong(1, rowid);
        deleteText.executeUpdate();
    }

    /** The row read from one bundle file, or null. */
    Known find(String month, String id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT rowid, size, mtime FROM capture WHERE month = ? AND id = ?")) {
            s.setString(1, month);
            s.setString(2, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Known(r.getLong(1), r.getLong(2), r.getLong(3)) : null;
            }
        }
    }

    /** The rows of one month directory, by capture ID. */
    Map<String, Known> inMonth(String month) throws SQLException {
        return known(connection, "SELECT id, rowid, size, mtime FROM capture WHERE month = ?", month);
    }

    /** Runs a query of (id, rowid, size, mtime) for one month, by capture ID. */
    static Map<String, Known> known(Connection connection, String sql, String month) throws SQLException {
        Map<String, Known> known = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, month);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    known.put(r.getString(1), new Known(r.getLong(2), r.getLong(3), r.getLong(4)));
                }
            }
        }
        return known;
    }

    /** Empties the table and the full-text index, for a rebuild. */
    void deleteAll() throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute("DELETE FROM capture");
            s.execute("INSERT INTO " + IndexSchema.TEXT + " (" + IndexSchema.TEXT + ") VALUES ('delete-all')");
        }
    }

    /** The capture in the current row of {@code r}, selected with {@link #COLUMNS}. */
    static IndexedCapture read(ResultSet r, Path root) throws SQLException {
        String month = r.getString(1);
        String id = r.getString(2);
        StoreEntry entry = new StoreEntry(id, CaptureIds.captured(id), root.resolve(month).resolve(id + Store.SUFFIX), r.getLong(3));
        String url = r.getString(4);
        String normalized = r.getString(5);
        String canonical = r.getString(6);
        Article article = new Article(url, canonical == null ? url : canonical.isEmpty() ? null : canonical, r.getString(7), r.getString(8), split(r.getString(9)),
                r.getString(10), r.getString(11), r.getString(12), r.getString(14), r.getString(15), r.getString(16),
                split(r.getString(17)), r.getString(18), r.getString(19), r.getDouble(20), r.getInt(21), "", "");
        return new IndexedCapture(entry, article, r.getString(13), normalized == null ? url : normalized, r.getInt(22),
                r.getString(23), warnings(r.getString(24)));
    }

    /** The precise capture time from capture.json, or the second in the ID if that is unreadable. */
    private static long capturedMicros(String id, String captured) {
        try {
            Instant instant = Instant.parse(captured);
            return TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1000;
        } catch (DateTimeParseException | NullPointerException e) {
            return TimeUnit.SECONDS.toMicros(CaptureIds.captured(id).getEpochSecond());
        }
    }

    private static String unlessSame(String value, String url) {
        return value != null && value.equals(url) ? null : value;
    }

    /** A canonical URL as stored: null when it is the URL, "" when the page had none. */
    private static String canonical(String canonical, String url) {
        return canonical == null ? "" : unlessSame(canonical, url);
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(LIST_SEPARATOR, values);
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement s : new PreparedStatement[]{insert, insertText, lastRowid, delete, deleteText}) {
            if (s != null) {
                s.close();
            }
        }
    }

    /** The warnings as one column: null for none, as most captures have. */
    private static String warnings(List<CaptureWarning> warnings) {
        if (warnings.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (CaptureWarning w : warnings) {
            // CaptureWarning keeps no control characters, so neither separator can be in a step or message
            out.append(out.length() == 0 ? "" : WARNING_SEPARATOR).append(w.step()).append(WARNING_PARTS).append(w.message());
        }
        return out.toString();
    }

    private static List<CaptureWarning> warnings(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        List<CaptureWarning> warnings = new ArrayList<>();
        for (String w : column.split(WARNING_SEPARATOR, -1)) {
            int at = w.indexOf(WARNING_PARTS);
            warnings.add(at < 0 ? new CaptureWarning(w, "") : new CaptureWarning(w.substring(0, at), w.substring(at + 1)));
        }
        return warnings;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(LIST_SEPARATOR, -1));
    }
}
