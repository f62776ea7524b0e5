package dev.arca.store;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

/**
 * Lets sqlite-jdbc load its native library from a directory arca keeps, instead of extracting it
 * from the jar on every run: a 1 MB copy, a byte-by-byte comparison and a {@code uname} subprocess,
 * which together cost a short command like {@code arca list} a good part of its time. Only when
 * the launcher names that directory with {@code -Darca.native.dir=DIR}; otherwise, and whenever
 * the copy cannot be used, sqlite-jdbc does what it always does.
 */
final class SqliteLibrary {

    static final String DIRECTORY_PROPERTY = "arca.native.dir";
    private static final String LIBRARY_NAME = System.mapLibraryName("sqlitejdbc");

    private static boolean prepared;
    private static Path missing;

    private SqliteLibrary() {
    }

    /** Points sqlite-jdbc at the kept copy, if there is one; call before the first connection. */
    static synchronized void beforeFirstConnection() {
        if (prepared) {
            return;
        }
        prepared = true;
        String base = System.getProperty(DIRECTORY_PROPERTY);
        if (base == null || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        Path dir = Path.of(base, "sqlite-jdbc-" + version() + "-" + platform());
        if (Files.isRegularFile(dir.resolve(LIBRARY_NAME))) {
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", LIBRARY_NAME);
        } else {
            missing = dir;
        }
    }

    /** Keeps a copy of the library sqlite-jdbc just loaded the slow way, for the next run. */
    static synchronized void afterFirstConnection() {
        Path dir = missing;
        missing = null;
        if (dir == null) {
            return;
        }
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".library", ".tmp");
            try {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, dir.resolve(LIBRARY_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            // only a shortcut: without the copy, the next run extracts the library again
        }
    }

    private static String version() {
        Properties p = new Properties();
        try (InputStream in = SqliteLibrary.class.getResourceAsStream("sqlite-jdbc.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    private static String platform() {
        return (System.getProperty("os.name") + "-" + System.getProperty("os.arch")).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
    }
}
