package dev.arca.index;

import dev.arca.store.BundleFile;
import dev.arca.store.MonthDirectory;
import dev.arca.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The index's memory of the month directories: how each looked when the index last matched it,
 * and which of its bundles could not be read.
 */
final class MonthRows {

    /**
     * @param dirMtime    the directory's time then, or -1 when it could not vouch for the listing
     * @param fingerprint the bundles it held then
     */
    record State(long dirMtime, MonthFingerprint fingerprint) {
    }

    private final Connection connection;

    MonthRows(Connection connection) {
        this.connection = connection;
    }

    /** Every month the index has matched, by name. */
    Map<String, State> all() throws SQLException {
        Map<String, State> months = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT name, dir_mtime, files, fingerprint FROM month")) {
            while (r.next()) {
                months.put(r.getString(1), new State(r.getLong(2), new MonthFingerprint(r.getLong(3), r.getLong(4))));
            }
        }
        return months;
    }

    State get(String month) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT dir_mtime, files, fingerprint FROM month WHERE name = ?")) {
            s.setString(1, month);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new State(r.getLong(1), new MonthFingerprint(r.getLong(2), r.getLong(3))) : null;
            }
        }
    }

    /** Remembers that the index now matches {@code listing}. */
    void record(MonthDirectory.Listing listing) throws SQLException {
        record(listing.month().name(), new State(listing.dirMtime(), MonthFingerprint.of(listing.files())));
    }

    void record(String month, State state) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT OR REPLACE INTO month (name, dir_mtime, files, fingerprint) VALUES (?, ?, ?, ?)")) {
            s.setString(1, month);
            s.setLong(2, state.dirMtime());
            s.setLong(3, state.fingerprint().files());
            s.setLong(4, state.fingerprint().hash());
            s.executeUpdate();
        }
    }

    /** Forgets a month directory that no longer exists, with all its captures. */
    void forget(String month) throws SQLException {
        for (String sql : List.of(
                "DELETE FROM " + IndexSchema.TEXT + " WHERE rowid IN (SELECT rowid FROM capture WHERE month = ?)",
                "DELETE FROM capture WHERE month = ?",
                "DELETE FROM unreadable WHERE month = ?",
                "DELETE FROM month WHERE name = ?")) {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setString(1, month);
                s.executeUpdate();
            }
        }
    }

    /** The unreadable bundles of one month, by capture ID, with their sizes and times. */
    Map<String, CaptureRows.Known> unreadable(String month) throws SQLException {
        return CaptureRows.known(connection, "SELECT id, 0, size, mtime FROM unreadable WHERE month = ?", month);
    }

    void addUnreadable(BundleFile file, String reason) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT OR REPLACE INTO unreadable (month, id, size, mtime, reason) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, file.month());
            s.setString(2, file.id());
            s.setLong(3, file.size());
            s.setLong(4, file.mtime());
            s.setString(5, reason);
            s.executeUpdate();
        }
    }

    void removeUnreadable(String month, String id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM unreadable WHERE month = ? AND id = ?")) {
            s.setString(1, month);
            s.setString(2, id);
            s.executeUpdate();
        }
    }

    /** Every unreadable bundle in the store, oldest first. */
    List<Unreadable> allUnreadable(Path root) throws SQLException {
        List<Unreadable> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT month, id, reason FROM unreadable ORDER BY month, id")) {
            while (r.next()) {
                out.add(new Unreadable(root.resolve(r.getString(1)).resolve(r.getString(2) + Store.SUFFIX), r.getString(3)));
            }
        }
        return out;
    }

    /** Empties both tables, for a rebuild. */
    void deleteAll() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM month");
            s.execute("DELETE FROM unreadable");
        }
    }
}
