package dev.arca.index;

import dev.arca.store.Diagnostics;
import dev.arca.store.StoreException;
import org.sqlite.SQLiteConfig;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The connection to {@code <store>/index.sqlite}: WAL mode so that readers never wait for a
 * writer, a busy timeout so that writers queue instead of failing, the schema, and what to do
 * when the file is not a healthy index (another version: emptied; damaged: moved aside). Since
 * the index is derived from the bundles, every one of those cases ends in a rebuild, never in an
 * error the user has to fix.
 */
final class IndexDatabase implements Closeable {

    static final String FILE_NAME = "index.sqlite";

    private static final int BUSY_TIMEOUT_MILLIS = 60_000;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final int SQLITE_OPEN_NOFOLLOW = 0x01000000;

    /** Database work that may also read bundles. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException, IOException;
    }

    private final Path file;
    private final Diagnostics diagnostics;
    private Connection connection;

    private IndexDatabase(Path file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    /**
     * Opens (creating or repairing as needed) the index file in {@code root}; or, when that file
     * or one of SQLite's companions beside it is a symbolic link or cannot be written by this user,
     * an index in memory, with a one-line hint: the store stays usable and nothing is written
     * through the link.
     */
    static IndexDatabase open(Path root, Diagnostics diagnostics) throws IOException {
        for (String name : List.of(FILE_NAME, FILE_NAME + "-wal", FILE_NAME + "-shm", FILE_NAME + "-journal")) {
            Path file = root.resolve(name);
            if (Files.isSymbolicLink(file)) {
                diagnostics.warn("the index file " + file + " is a symbolic link; arca never follows links in the store,"
                        + " so the index is kept in memory for this run (remove the link and arca rebuilds the file)");
                return inMemory();
            }
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(file)) {
                diagnostics.note("the index file " + file + " is not writable by this user, so the index is kept in memory"
                        + " for this run (make it writable, or delete it, to keep the index on disk)");
                return inMemory();
            }
        }
        IndexDatabase db = new IndexDatabase(root.resolve(FILE_NAME), diagnostics);
        db.connect();
        return db;
    }

    /** An empty index that lives in memory, for a store that does not exist yet. */
    static IndexDatabase inMemory() throws IOException {
        IndexDatabase db = new IndexDatabase(null, Diagnostics.NONE);
        db.connect();
        return db;
    }

    Path file() {
        return file;
    }

    Connection connection() {
        return connection;
    }

    private void connect() throws IOException {
        try {
            connection = openConnection();
            ensureSchema();
        } catch (SQLException e) {
            if (file == null || !isDamage(e)) {
                closeQuietly();
                throw failure("cannot open", e);
            }
            replaceDamaged(e);
        }
    }

    /**
     * Moves a damaged file aside, with its WAL, and starts an empty index in its place; the caller
     * rebuilds it from the bundles.
     */
    void replaceDamaged(SQLException damage) throws IOException {
        closeQuietly();
        Path aside = file.resolveSibling(FILE_NAME + ".corrupt");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(file.resolveSibling(FILE_NAME + "-wal"));
        Files.deleteIfExists(file.resolveSibling(FILE_NAME + "-shm"));
        diagnostics.warn("the index " + file + " was damaged (" + reason(damage) + "); moved it to "
                + aside.getFileName() + " and rebuilding it from the bundles");
        try {
            connection = openConnection();
            ensureSchema();
        } catch (SQLException e) {
            closeQuietly();
            throw failure("cannot create", e);
        }
    }

    private Connection openConnection() throws SQLException {
        SqliteLibrary.beforeFirstConnection();
        // SQLITE_OPEN_NOFOLLOW: SQLite itself refuses a link in the path, even one swapped in after
        // the check in open(); the store's own path is resolved first, since the user may link to it
        Properties flags = new Properties();
        flags.setProperty(SQLiteConfig.Pragma.OPEN_MODE.pragmaName, Integer.toString(new SQLiteConfig().getOpenModeFlags() | SQLITE_OPEN_NOFOLLOW));
        SQLiteConfig config = new SQLiteConfig(flags);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Connection c = config.createConnection(file == null ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + realPath(file));
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA auto_vacuum = INCREMENTAL"); // takes effect in a new file only
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute("PRAGMA temp_store = MEMORY");
            s.execute("PRAGMA cache_size = -32000");
            s.execute("PRAGMA mmap_size = 268435456");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** {@code file} in its directory's real path, so that the only link SQLite could meet is one planted in the store. */
    private static Path realPath(Path file) throws SQLException {
        try {
            return file.getParent().toRealPath().resolve(file.getFileName());
        } catch (IOException e) {
            throw new SQLException("cannot resolve " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    private void ensureSchema() throws SQLException {
        if (version() == IndexSchema.VERSION) {
            return;
        }
        try {
            write(() -> {
                if (version() != IndexSchema.VERSION) {
                    dropEverything();
                    try (Statement s = connection.createStatement()) {
                        for (String sql : IndexSchema.CREATE) {
                            s.execute(sql);
                        }
                    }
                }
                return null;
            });
        } catch (IOException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    private int version() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    /** Drops every table of an older or newer index: virtual tables first, then what is left. */
    private void dropEverything() throws SQLException {
        for (boolean virtual : new boolean[]{true, false}) {
            List<String> tables = new ArrayList<>();
            try (Statement s = connection.createStatement();
                 ResultSet r = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                while (r.next()) {
                    String sql = r.getString(2);
                    if (!virtual || (sql != null && sql.startsWith("CREATE VIRTUAL"))) {
                        tables.add(r.getString(1));
                    }
                }
            }
            try (Statement s = connection.createStatement()) {
                for (String table : tables) {
                    s.execute("DROP TABLE IF EXISTS \"" + table.replace("\"", "\"\"") + "\"");
                }
            }
        }
    }

    /** Runs {@code work} in a write transaction, waiting for other writers up to the busy timeout. */
    <T> T write(Work<T> work) throws SQLException, IOException {
        execute("BEGIN IMMEDIATE");
        return commitOrRollBack(work);
    }

    /** Runs {@code work} in a write transaction only if no other writer holds the file right now. */
    boolean writeIfFree(Work<?> work) throws SQLException, IOException {
        execute("PRAGMA busy_timeout = 0");
        try {
            execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            if (primaryCode(e) == SQLITE_BUSY) {
                return false;
            }
            throw e;
        } finally {
            execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
        }
        commitOrRollBack(work);
        return true;
    }

    /** Finishes the transaction just begun: commits what {@code work} did, or rolls it back if it failed. */
    private <T> T commitOrRollBack(Work<T> work) throws SQLException, IOException {
        boolean committed = false;
        try {
            T result = work.run();
            execute("COMMIT");
            committed = true;
            return result;
        } finally {
            if (!committed) {
                rollbackQuietly();
            }
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** Gives free pages back to the file system (the file has auto_vacuum = INCREMENTAL). */
    void releaseFreePages() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("PRAGMA incremental_vacuum"); // executeUpdate steps it to the end; execute frees one page
        }
    }

    private void rollbackQuietly() {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            // no transaction left to roll back: SQLite already ended it
        }
    }

    /** True for errors that mean the file is not a usable database: rebuild it. */
    static boolean isDamage(SQLException e) {
        int code = primaryCode(e);
        return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    }

    private static int primaryCode(SQLException e) {
        return e.getErrorCode() & 0xff;
    }

    /** A one-line IOException for a database failure, in words a user can act on. */
    IOException failure(String doing, SQLException e) {
        String where = file == null ? "the index" : "the index " + file;
        if (primaryCode(e) == SQLITE_BUSY) {
            return new StoreException(where + " is busy: another arca has been writing it for over "
                    + BUSY_TIMEOUT_MILLIS / 1000 + " s (a reindex?); try again when it is done");
        }
        IOException failure = new IOException(doing + " " + where + ": " + reason(e));
        failure.initCause(e);
        return failure;
    }

    /** SQLite's own words, without the driver's "[SQLITE_ERROR] SQL error or missing database (...)" wrapper. */
    static String reason(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int open = message.indexOf(" (");
        if (message.startsWith("[") && open > 0 && message.endsWith(")")) {
            return message.substring(open + 2, message.length() - 1);
        }
        return message;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            // closing a connection we are giving up on; nothing more to do
        }
    }

    @Override
    public void close() throws IOException {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("cannot close", e);
        } finally {
            connection = null;
        }
    }
}
