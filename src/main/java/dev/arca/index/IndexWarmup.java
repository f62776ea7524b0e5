package dev.arca.index;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Loads SQLite (driver classes, native library) on a background thread while the command line is
 * still being parsed, so that a short command like {@code arca list} does not wait for both one
 * after the other. Only a head start: the first real connection waits for it if it is not done.
 */
public final class IndexWarmup {

    private IndexWarmup() {
    }

    /** Starts loading SQLite, for a command that is about to use the index. */
    public static void start() {
        Thread thread = new Thread(IndexWarmup::load, "arca-index-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void load() {
        try {
            SqliteLibrary.beforeFirstConnection();
            new SQLiteConfig();
            SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // the real connection will meet the same problem and report it
        }
    }
}
