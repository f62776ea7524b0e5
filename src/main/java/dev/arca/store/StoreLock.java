package dev.arca.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;

/**
 * The store's lock, an OS lock on {@code <store>/.lock} held for a whole run that adds bundles, so
 * that two runs never both decide that the same URL is missing. The operating system drops it when
 * the process dies, even by {@code kill -9}, so a crash never leaves the store locked. The file holds
 * the holder's process ID, for messages.
 *
 * <p>An OS lock belongs to a file, not to a name, and tools such as rsync replace or delete files
 * under their names. So the lock is only taken on the file that is at {@code .lock} before it is
 * opened and still there once it is locked, and the holder checks before every bundle it stores
 * ({@link #confirm()}) that the name still leads to its file: one that was deleted is put back and
 * locked again, while one that was replaced by another file may be another run's lock by now, so
 * the holder stores nothing more. The link is never followed: a {@code .lock} that is a symbolic
 * link is refused.
 */
public final class StoreLock implements AutoCloseable {

    static final String FILE_NAME = ".lock";
    private static final Duration POLL = Duration.ofMillis(200);

    private final Path file;
    private Held held;
    private String lost;
    private boolean closed;

    /** A lock on one particular file, known by its device and inode. */
    private record Held(FileChannel channel, FileLock lock, Object fileKey) {

        void release() throws IOException {
            try (channel) {
                lock.release();
            }
        }
    }

    private StoreLock(Path file, Held held) {
        this.file = file;
        this.held = held;
    }

    /** Takes the lock if no other process holds it. */
    static Optional<StoreLock> tryAcquire(Path root) throws IOException {
        Path file = root.resolve(FILE_NAME);
        try {
            Files.createDirectories(root);
        } catch (FileSystemException e) {
            throw cannotLock(root, e);
        }
        while (true) {
            ensureExists(root, file);
            Optional<Held> held = lockPresentFile(root, file);
            if (held == null) {
                continue; // replaced or removed while we locked it: lock what is there now
            }
            return held.map(h -> new StoreLock(file, h));
        }
    }

    /** Takes the lock, waiting as long as another process holds it. */
    static StoreLock acquire(Path root) throws IOException, InterruptedException {
        while (true) {
            Optional<StoreLock> lock = tryAcquire(root);
            if (lock.isPresent()) {
                return lock.get();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The process ID written by the current holder, or empty when unknown. */
    static Optional<String> holder(Path root) {
        Path file = root.resolve(FILE_NAME);
        try {
            if (Files.isSymbolicLink(file)) {
                return Optional.empty();
            }
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? Optional.empty() : Optional.of(pid);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks that {@code .lock} is still the file this lock holds, before a write that relies on
     * it. When it was deleted, a new one is made and locked; when another file took its place,
     * another run may hold that one, and this run has lost the store.
     *
     * @throws StoreException when the lock was lost; every later call throws the same
     */
    synchronized void confirm() throws IOException {
        if (closed) {
            return;
        }
        if (lost != null) {
            throw new StoreException(lost);
        }
        Object present = fileKey(file);
        if (held.fileKey().equals(present)) {
            return;
        }
        if (present == null) {
            Optional<Held> again = createAndLock(file.getParent(), file);
            if (again.isPresent()) {
                held.release();
                held = again.get();
                return;
            }
        }
        lost = "the store's lock file " + file + " was replaced while this run held it, so another run may"
                + " be writing now; this run stores nothing more (nothing was stored; run it again to finish)";
        throw new StoreException(lost);
    }

    /** Makes the lock file unless there is one; a symbolic link or anything but a file is refused. */
    private static void ensureExists(Path root, Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            requireRegularFile(file, attributes);
        } catch (NoSuchFileException e) {
            try {
                FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS).close();
            } catch (FileAlreadyExistsException raced) {
                // made by another run a moment ago
            } catch (FileSystemException denied) {
                throw cannotLock(root, denied);
            }
        }
    }

    /**
     * Locks the file at {@code file} if it is the same file before opening and after locking:
     * the held lock, empty when another process holds it, or null when the file changed meanwhile.
     */
    private static Optional<Held> lockPresentFile(Path root, Path file) throws IOException {
        Object before = fileKey(file);
        if (before == null) {
            return null;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (FileSystemException e) {
            requireRegularFile(file, Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)); // a link swapped in since: say so
            throw cannotLock(root, e);
        }
        return lockIfUnchanged(channel, before, file);
    }

    /** Creates a new lock file where there is none and locks it; empty when another process made one first. */
    private static Optional<Held> createAndLock(Path root, Path file) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (FileAlreadyExistsException e) {
            return Optional.empty();
        } catch (FileSystemException e) {
            throw cannotLock(root, e);
        }
        Object created = fileKey(file);
        Optional<Held> held = created == null ? null : lockIfUnchanged(channel, created, file);
        if (held == null) {
            channel.close();
            return Optional.empty();
        }
        return held;
    }

    /** Locks {@code channel} and keeps it when {@code file} still names the file known as {@code before}. */
    private static Optional<Held> lockIfUnchanged(FileChannel channel, Object before, Path file) throws IOException {
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            Object after = fileKey(file);
            if (!before.equals(after)) {
                lock.release();
                channel.close();
                return null;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return Optional.of(new Held(channel, lock, after));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The identity (device and inode) of the file at {@code file} itself, or null when there is none. */
    private static Object fileKey(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void requireRegularFile(Path file, BasicFileAttributes attributes) throws StoreException {
        if (attributes.isSymbolicLink()) {
            throw new StoreException("the store's lock file " + file + " is a symbolic link; arca never follows links"
                    + " in the store (remove it and arca makes a new one); nothing was stored");
        }
        if (!attributes.isRegularFile()) {
            throw new StoreException("the store's lock file " + file + " is not a file (remove it and arca makes a new one); nothing was stored");
        }
    }

    private static StoreException cannotLock(Path root, IOException e) {
        return new StoreException("cannot write to the store " + root + ": " + Store.writeFailure(e)
                + "; nothing was stored", StoreException.Kind.NOT_WRITABLE, e);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another run inside this JVM
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            held.release();
        }
    }
}
