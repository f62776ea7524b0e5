package dev.arca.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code <yyyy>/<mm>} directory of the store opened for writing without following symbolic
 * links: the year and the month are opened as directories that must not be links, and every file
 * operation is then made relative to the open month ({@code openat}, {@code renameat},
 * {@code unlinkat}), so a link planted in the store, or swapped in while a bundle is written, never
 * sends a write outside it. Where the platform cannot open directories that way, each operation
 * checks the path instead.
 */
final class OpenMonth implements Closeable {

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path path;
    private final SecureDirectoryStream<Path> dir;

    private OpenMonth(Path path, SecureDirectoryStream<Path> dir) {
        this.path = path;
        this.dir = dir;
    }

    /**
     * Opens {@code root/month} ("yyyy/mm"), creating the year and the month when {@code create}.
     *
     * @throws StoreException when the year or the month is a symbolic link or not a directory
     * @throws NoSuchFileException when it does not exist and {@code create} is false
     */
    static OpenMonth open(Path root, String month, boolean create) throws IOException {
        String[] parts = month.split("/");
        Path yearPath = root.resolve(parts[0]);
        Path monthPath = yearPath.resolve(parts[1]);
        if (create) {
            createDirectory(yearPath);
        }
        try (DirectoryStream<Path> top = Files.newDirectoryStream(root)) {
            if (!(top instanceof SecureDirectoryStream<Path> secureRoot)) {
                requireRealDirectory(yearPath);
                if (create) {
                    createDirectory(monthPath);
                }
                requireRealDirectory(monthPath);
                return new OpenMonth(monthPath, null);
            }
            try (SecureDirectoryStream<Path> year = openChild(secureRoot, yearPath)) {
                if (create) {
                    requireRealDirectory(yearPath); // the year we opened is the one the month goes in
                    createDirectory(monthPath);
                }
                return new OpenMonth(monthPath, openChild(year, monthPath));
            }
        }
    }

    Path path() {
        return path;
    }

    /** A new file, created here and never through a link; fails when the name is taken. */
    FileChannel createNew(String name) throws IOException {
        return channel(name, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** An existing file opened for reading and writing (and so for locking), unless it is a link. */
    FileChannel openExisting(String name) throws IOException {
        return channel(name, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** The identity (device and inode) of the file under {@code name}, not following a link; null when there is none. */
    Object fileKey(String name) throws IOException {
        try {
            return attributes(name).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The attributes of {@code name} itself, a link rather than what it points to. */
    BasicFileAttributes attributes(String name) throws IOException {
        if (dir == null) {
            return Files.readAttributes(path.resolve(name), BasicFileAttributes.class, NO_FOLLOW);
        }
        return dir.getFileAttributeView(Path.of(name), BasicFileAttributeView.class, NO_FOLLOW).readAttributes();
    }

    /** Renames {@code from} to {@code to} inside this directory (like rename(2), replacing what is called {@code to}). */
    void rename(String from, String to) throws IOException {
        if (dir == null) {
            Files.move(path.resolve(from), path.resolve(to), StandardCopyOption.ATOMIC_MOVE);
        } else {
            dir.move(Path.of(from), dir, Path.of(to));
        }
    }

    /** Deletes {@code name} (a link itself, never what it points to); false when it was not there. */
    boolean delete(String name) throws IOException {
        try {
            if (dir == null) {
                Files.delete(path.resolve(name));
            } else {
                dir.deleteFile(Path.of(name));
            }
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** The names in this directory. */
    List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        if (dir == null) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(path)) {
                files.forEach(file -> names.add(file.getFileName().toString()));
            }
        } else {
            dir.forEach(file -> names.add(file.getFileName().toString()));
        }
        return names;
    }

    /** Forces the directory itself to disk, so that a rename survives a crash. */
    void sync() {
        try (FileChannel self = dir == null ? FileChannel.open(path, StandardOpenOption.READ)
                : (FileChannel) dir.newByteChannel(Path.of("."), Set.of(StandardOpenOption.READ))) {
            self.force(true);
        } catch (IOException | RuntimeException e) {
            // some file systems cannot sync a directory; the rename itself is still atomic
        }
    }

    private FileChannel channel(String name, OpenOption... options) throws IOException {
        Set<OpenOption> set = new HashSet<>(List.of(options));
        set.add(LinkOption.NOFOLLOW_LINKS);
        if (dir == null) {
            return FileChannel.open(path.resolve(name), set);
        }
        SeekableByteChannel channel = dir.newByteChannel(Path.of(name), set);
        if (channel instanceof FileChannel file) {
            return file;
        }
        channel.close();
        throw new IOException("cannot open " + path.resolve(name) + " as a file channel");
    }

    private static SecureDirectoryStream<Path> openChild(SecureDirectoryStream<Path> parent, Path child) throws IOException {
        try {
            return parent.newDirectoryStream(child.getFileName(), NO_FOLLOW);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            requireRealDirectory(child); // says why: a link, or a file in the way
            throw e;
        }
    }

    private static void createDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            // there already, or something else is in the way: opening it says which
        }
    }

    /** Fails with one line unless {@code dir} is a directory and not a link to one. */
    private static void requireRealDirectory(Path dir) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(dir, BasicFileAttributes.class, NO_FOLLOW);
        if (attributes.isSymbolicLink()) {
            throw new StoreException(dir + " is a symbolic link; arca never writes through links in the store");
        }
        if (!attributes.isDirectory()) {
            throw new StoreException("cannot create " + dir + ": a file is in the way");
        }
    }

    @Override
    public void close() throws IOException {
        if (dir != null) {
            dir.close();
        }
    }
}
