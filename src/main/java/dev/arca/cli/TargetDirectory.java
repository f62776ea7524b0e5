package dev.arca.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A directory that {@code restore -o} and {@code extract --output-dir} write files into. The
 * directory the user named is theirs and may be reached through links; below it nothing is
 * followed: a symbolic link where arca would make a directory or write a file is refused. Each
 * file is written under a temporary name, forced to disk and renamed, so it appears whole or not
 * at all, with the permissions the umask gives. The work is done relative to open directories
 * ({@link SecureDirectoryStream}: openat, renameat), so a link planted meanwhile is not followed either.
 */
final class TargetDirectory implements Closeable {

    /** What is written into a file. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);

    private final Path path;
    private final SecureDirectoryStream<Path> dir;

    private TargetDirectory(Path path, SecureDirectoryStream<Path> dir) {
        this.path = path;
        this.dir = dir;
    }

    /** The directory the user named, created if need be. */
    static TargetDirectory open(Path path) throws IOException {
        Path absolute = path.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot write into " + absolute + ": it is not a directory");
        } catch (IOException e) {
            throw new OutputFailure(absolute.toString(), e);
        }
        DirectoryStream<Path> stream = Files.newDirectoryStream(absolute);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return new TargetDirectory(absolute, secure);
        }
        stream.close();
        throw new IOException("cannot write into " + absolute + ": this file system cannot write without following "
                + "symbolic links");
    }

    /** Where this directory is. */
    Path path() {
        return path;
    }

    /** The directory {@code name} inside this one, created if need be; a symbolic link or a file there is refused. */
    TargetDirectory subdirectory(String name) throws IOException {
        Path child = path.resolve(checkName(name));
        try {
            Files.createDirectory(child);
        } catch (FileAlreadyExistsException e) {
            BasicFileAttributes existing = attributes(name);
            if (existing != null && existing.isSymbolicLink()) {
                throw symbolicLink(child);
            }
            if (existing != null && !existing.isDirectory()) {
                throw new IOException("cannot write into " + child + ": it is not a directory");
            }
        } catch (IOException e) {
            throw new OutputFailure(child.toString(), e);
        }
        try {
            return new TargetDirectory(child, dir.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS));
        } catch (FileSystemException e) {
            BasicFileAttributes now = attributes(name);
            throw now != null && now.isSymbolicLink() ? symbolicLink(child) : e; // swapped for a link meanwhile
        }
    }

    /**
     * Refuses to write {@code name} when a symbolic link or a directory is there, or, without
     * {@code force}, any file: the check to make for every file before writing the first.
     */
    void checkWritable(String name, boolean force) throws IOException {
        BasicFileAttributes existing = attributes(checkName(name));
        Path file = path.resolve(name);
        if (existing == null) {
            return;
        }
        if (existing.isSymbolicLink()) {
            throw symbolicLink(file);
        }
        if (existing.isDirectory()) {
            throw new IOException("cannot write " + file + ": it is a directory");
        }
        if (!force) {
            throw new FileAlreadyExistsException(file + " already exists (use --force to overwrite)");
        }
    }

    /** Writes the file {@code name} whole, or leaves nothing of it; returns its path. */
    Path write(String name, boolean force, Content content) throws IOException {
        checkWritable(name, force);
        Path file = path.resolve(name);
        Path temp = Path.of("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        SeekableByteChannel channel;
        try {
            channel = dir.newByteChannel(temp, CREATE);
        } catch (IOException e) {
            throw new OutputFailure(file.toString(), e);
        }
        try {
            try (CheckedOutput out = new CheckedOutput(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16),
                    file.toString())) {
                content.writeTo(out);
                out.flush();
                force(channel, file);
            }
            try {
                dir.move(temp, dir, Path.of(name)); // rename(2) replaces a link planted meanwhile, never follows it
            } catch (IOException e) {
                throw new OutputFailure(file.toString(), e);
            }
            return file;
        } catch (IOException | RuntimeException | Error e) {
            try {
                dir.deleteFile(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        dir.close();
    }

    /** Forces the file to disk: a disk that fills up late says so here, before the rename. */
    private static void force(SeekableByteChannel channel, Path file) {
        if (channel instanceof FileChannel disk) {
            try {
                disk.force(true);
            } catch (IOException e) {
                throw new OutputFailure(file.toString(), e);
            }
        }
    }

    private BasicFileAttributes attributes(String name) throws IOException {
        try {
            return dir.getFileAttributeView(Path.of(name), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String checkName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")) {
            throw new IllegalArgumentException("not a file name: " + name);
        }
        return name;
    }

    private static IOException symbolicLink(Path file) {
        return new IOException("refusing to write " + file + ": it is a symbolic link, and arca does not follow links "
                + "where it writes");
    }
}
