package dev.arca.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * A bundle being written: a hidden {@code .<id>.wacz.tmp} in its month directory, which its writer
 * holds an OS lock on from the moment it creates it until it has renamed or removed it. The lock
 * tells a live writer's file from a dead one's: the operating system drops it when the writer dies,
 * even by {@code kill -9}, so a temporary file that can be locked was left by a crash, while one that
 * cannot is being written right now and is waited for, never removed.
 */
final class PendingBundle implements Closeable {

    private static final String SUFFIX = Store.SUFFIX + Store.TEMP_SUFFIX;

    private final OpenMonth dir;
    private final String name;
    private final FileChannel channel;
    private final Object fileKey;
    private boolean committed;

    private PendingBundle(OpenMonth dir, String name, FileChannel channel, Object fileKey) {
        this.dir = dir;
        this.name = name;
        this.channel = channel;
        this.fileKey = fileKey;
    }

    /** True for the name of a temporary bundle file. */
    static boolean isPending(String name) {
        return name.startsWith(".") && name.endsWith(SUFFIX);
    }

    /**
     * Creates and locks the temporary file for {@code id} in {@code dir}; empty when the name is
     * taken by another writer, or when a run clearing crashed writes removed the new file before it
     * was locked (either way, the caller moves on to another ID).
     */
    static Optional<PendingBundle> create(OpenMonth dir, String id) throws IOException {
        String name = "." + id + SUFFIX;
        FileChannel channel;
        try {
            channel = dir.createNew(name);
        } catch (FileAlreadyExistsException e) {
            return Optional.empty();
        }
        try {
            Object created = dir.fileKey(name);
            channel.lock();
            if (created != null && created.equals(dir.fileKey(name))) {
                return Optional.of(new PendingBundle(dir, name, channel, created));
            }
        } catch (OverlappingFileLockException e) {
            // being cleared by another store in this process
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return Optional.empty();
    }

    /** Where the bundle's bytes go; closing the stream is left to {@link #close()}. */
    OutputStream output() {
        return Channels.newOutputStream(channel);
    }

    /** Forces the bytes to disk and renames the file to {@code target}, still holding the lock. */
    void commit(String target) throws IOException {
        channel.force(true);
        dir.rename(name, target);
        committed = true;
        dir.sync();
    }

    /** Removes the file unless it was committed, then lets go of it. */
    @Override
    public void close() throws IOException {
        try (channel) {
            if (!committed && fileKey.equals(dir.fileKey(name))) {
                dir.delete(name);
            }
        }
    }

    /**
     * Removes the temporary file {@code name} from {@code dir} if its writer is gone. While a live
     * writer holds it, this waits (after calling {@code waiting}) until that writer has finished.
     *
     * @return true when the file was a crash's leftover and is removed
     */
    static boolean removeIfAbandoned(OpenMonth dir, String name, Runnable waiting) throws IOException {
        Object before = dir.fileKey(name);
        if (before == null) {
            return false;
        }
        FileChannel channel;
        try {
            channel = dir.openExisting(name);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            if (dir.attributes(name).isSymbolicLink()) {
                return dir.delete(name); // not a writer's file at all: the link goes, what it points to stays
            }
            throw e;
        }
        try (channel) {
            try {
                if (channel.tryLock() == null) {
                    waiting.run();
                    channel.lock();
                }
            } catch (OverlappingFileLockException e) {
                return false; // being written in this process
            }
            // the writer may have renamed or removed it while we waited
            return before.equals(dir.fileKey(name)) && dir.delete(name);
        }
    }
}
