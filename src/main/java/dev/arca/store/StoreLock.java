package dev.arca.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * The store's lock, an OS lock on {@code <store>/.lock} held for a whole run that adds bundles, so
 * that two runs never both decide that the same URL is missing. The operating system drops it when
 * the process dies, even by {@code kill -9}, so a crash never leaves the store locked. The file holds
 * the holder's process ID, for messages.
 */
public final class StoreLock implements AutoCloseable {

    static final String FILE_NAME = ".lock";
    private static final Duration POLL = Duration.ofMillis(200);

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock if no other process holds it. */
    static Optional<StoreLock> tryAcquire(Path root) throws IOException {
        FileChannel channel;
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(root.resolve(FILE_NAME),
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (FileSystemException e) {
            throw new StoreException("cannot write to the store " + root + ": " + Store.writeFailure(e)
                    + "; nothing was stored (choose a writable store with --store or ARCA_STORE)", e);
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return Optional.of(new StoreLock(channel, lock));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
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
        try {
            String pid = Files.readString(root.resolve(FILE_NAME), StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? Optional.empty() : Optional.of(pid);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another run inside this JVM
        }
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            lock.release();
        }
    }
}
