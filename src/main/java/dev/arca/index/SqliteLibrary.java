package dev.arca.index;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * Lets sqlite-jdbc load its native library from a directory arca keeps, instead of extracting it
 * from the jar on every run: a 1 MB copy, a byte-by-byte comparison and a {@code uname} subprocess,
 * which together cost a short command like {@code arca list} a good part of its time. Only when
 * the launcher names that directory with {@code -Darca.native.dir=DIR}; otherwise, and whenever
 * the copy cannot be trusted, sqlite-jdbc does what it always does.
 *
 * <p>A library is mapped into the JVM, so a damaged copy is not an error but a crash (a truncated
 * one is SIGBUS, on every run). So the copy is checked before it is loaded: its size and CRC-32
 * against those recorded when it was extracted (CRC-32 is native code, so the check costs about a
 * millisecond even before the JIT has warmed up), and a copy that does not match is extracted
 * again, to a temporary file renamed into place. The directory and the file must be this user's
 * (or root's), writable by no one else, and not symbolic links; otherwise the copy is not used.
 */
final class SqliteLibrary {

    static final String DIRECTORY_PROPERTY = "arca.native.dir";
    private static final String LIBRARY_NAME = System.mapLibraryName("sqlitejdbc");
    private static final String CHECK_NAME = LIBRARY_NAME + ".check";
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private static boolean prepared;

    private SqliteLibrary() {
    }

    /** Points sqlite-jdbc at a sound copy, extracting one if needed; call before the first connection. */
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
        try {
            Files.createDirectories(dir);
            requireOwnDirectory(dir.getParent());
            requireOwnDirectory(dir);
            if (!isIntact(dir)) {
                extract(dir);
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", LIBRARY_NAME);
        } catch (IOException | RuntimeException e) {
            // only a shortcut: without a sound copy, sqlite-jdbc extracts the library itself
        }
    }

    /** True when the copy in {@code dir} is the one extracted there, byte for byte as far as CRC-32 tells. */
    private static boolean isIntact(Path dir) throws IOException {
        Path library = dir.resolve(LIBRARY_NAME);
        String recorded;
        try {
            recorded = Files.readString(dir.resolve(CHECK_NAME), StandardCharsets.US_ASCII).strip();
            requireOwnFile(library);
        } catch (NoSuchFileException e) {
            return false;
        }
        try (InputStream in = Files.newInputStream(library, LinkOption.NOFOLLOW_LINKS)) {
            return recorded.equals(check(in));
        }
    }

    /** Extracts the library from sqlite-jdbc's jar into {@code dir}, then records its check. */
    private static void extract(Path dir) throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        String check;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new NoSuchFileException(resource);
            }
            Path temp = Files.createTempFile(dir, ".library", ".tmp");
            try {
                CheckedInputStream checked = new CheckedInputStream(in, new CRC32());
                Files.copy(checked, temp, StandardCopyOption.REPLACE_EXISTING);
                check = describe(Files.size(temp), checked.getChecksum().getValue());
                replace(temp, dir.resolve(LIBRARY_NAME));
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        Path temp = Files.createTempFile(dir, ".check", ".tmp");
        try {
            Files.writeString(temp, check + "\n", StandardCharsets.US_ASCII);
            replace(temp, dir.resolve(CHECK_NAME));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Forces {@code temp} to disk and renames it over {@code target}, readable by all. */
    private static void replace(Path temp, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.setPosixFilePermissions(temp, READABLE);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String check(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        for (int n; (n = in.read(buffer)) > 0; size += n) {
            crc.update(buffer, 0, n);
        }
        return describe(size, crc.getValue());
    }

    private static String describe(long size, long crc) {
        return size + " " + Long.toHexString(crc);
    }

    private static void requireOwnDirectory(Path dir) throws IOException {
        if (!requireOwn(dir).isDirectory()) {
            throw new IOException(dir + " is not a directory");
        }
    }

    private static void requireOwnFile(Path file) throws IOException {
        if (!requireOwn(file).isRegularFile()) {
            throw new IOException(file + " is not a file");
        }
    }

    /** The attributes of {@code path}, which must be no link, this user's or root's, and writable by no one else. */
    private static PosixFileAttributes requireOwn(Path path) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String owner = attributes.owner().getName();
        if (attributes.isSymbolicLink()
                || !(owner.equals(System.getProperty("user.name")) || owner.equals("root"))
                || attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
                || attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(path + " could be changed by another user");
        }
        return attributes;
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
