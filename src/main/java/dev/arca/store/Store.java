package dev.arca.store;

import dev.arca.bundle.BundleReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * A plain directory of bundles, {@code <store>/<yyyy>/<mm>/<id>.wacz}. The bundles are the truth:
 * anything else the store keeps can be rebuilt from them.
 *
 * <p>Bundles appear atomically: each is written to a hidden temporary file in its month directory,
 * forced to disk, then renamed, so a crash never leaves a partial file under a bundle name.
 */
public final class Store {

    static final String SUFFIX = ".wacz";
    static final String TEMP_SUFFIX = ".tmp";
    private static final int MAX_ID_ATTEMPTS = 100_000;

    /** Writes a bundle's bytes; the store handles where and how atomically. */
    @FunctionalInterface
    public interface BundleContent {
        void writeTo(OutputStream out, String id) throws IOException;
    }

    private final Path root;
    private final UnaryOperator<OutputStream> files;

    public Store(Path root) {
        this(root, UnaryOperator.identity());
    }

    /** A store whose bundle files are written through {@code files}, for simulating a failing disk. */
    Store(Path root, UnaryOperator<OutputStream> files) {
        this.root = root;
        this.files = files;
    }

    public Path root() {
        return root;
    }

    /** True when the store directory exists. */
    public boolean exists() {
        return Files.isDirectory(root);
    }

    /**
     * Fails with a message that says what to do unless the store is a directory: for commands that
     * read a store, where a missing one is a mistaken path more often than an empty archive.
     */
    public void requireExists() throws StoreException {
        checkDirectory();
        if (!Files.isDirectory(root)) {
            throw new StoreException("no store at " + root + ": nothing has been archived there yet"
                    + " (fetch a page first, or choose another store with --store or ARCA_STORE)");
        }
    }

    /** Writes a new bundle for a capture made at {@code captured} and returns where it landed. */
    public StoreEntry save(Instant captured, BundleContent content) throws IOException {
        Path dir = monthDirectory(captured);
        createDirectories(dir);
        for (int attempt = 0; ; attempt++) {
            if (attempt == MAX_ID_ATTEMPTS) {
                throw new StoreException("cannot find a free capture ID in " + dir);
            }
            // a collision means the millisecond is crowded: move on to the next one, keeping the order
            String id = CaptureIds.next(captured.plusNanos(attempt / 16 * 1_000_000L));
            Path target = dir.resolve(id + SUFFIX);
            Path temp = dir.resolve("." + id + SUFFIX + TEMP_SUFFIX);
            FileChannel channel;
            try {
                channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue; // another writer holds this ID
            } catch (FileSystemException e) {
                throw cannotWrite(dir, e);
            }
            try {
                if (Files.exists(target)) {
                    channel.close();
                    Files.deleteIfExists(temp);
                    continue;
                }
                try (channel; OutputStream out = new BufferedOutputStream(files.apply(Channels.newOutputStream(channel)), 1 << 16)) {
                    content.writeTo(out, id);
                    out.flush();
                    channel.force(true);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                forceDirectory(dir);
                return new StoreEntry(id, CaptureIds.captured(id), target, Files.size(target));
            } catch (IOException | RuntimeException | Error e) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                if (e instanceof IOException io && !(e instanceof StoreException)) {
                    throw cannotWrite(dir, io);
                }
                throw e;
            }
        }
    }

    /** Every bundle in the store, newest first. Temporary and foreign files are ignored. */
    public List<StoreEntry> entries() throws IOException {
        List<StoreEntry> entries = new ArrayList<>();
        for (Path month : monthDirectories()) {
            for (Path file : children(month)) {
                String name = file.getFileName().toString();
                if (!name.endsWith(SUFFIX)) {
                    continue;
                }
                String id = name.substring(0, name.length() - SUFFIX.length());
                if (CaptureIds.isId(id) && Files.isRegularFile(file)) {
                    entries.add(new StoreEntry(id, CaptureIds.captured(id), file, Files.size(file)));
                }
            }
        }
        entries.sort(Comparator.comparing(StoreEntry::id).reversed());
        return entries;
    }

    /** The {@code <yyyy>/<mm>} directories that hold bundles. */
    public List<Path> monthDirectories() throws IOException {
        List<Path> months = new ArrayList<>();
        if (!Files.exists(root)) {
            return months;
        }
        checkDirectory();
        for (Path year : children(root)) {
            if (isNumberDir(year, 4)) {
                for (Path month : children(year)) {
                    if (isNumberDir(month, 2)) {
                        months.add(month);
                    }
                }
            }
        }
        return months;
    }

    /**
     * Every capture of the page at {@code normalizedUrl} (see {@code UrlNormalizer}), newest first.
     * Bundles that cannot be read are passed to {@code unreadable} and skipped.
     */
    public List<StoreEntry> snapshots(String normalizedUrl, BiConsumer<StoreEntry, IOException> unreadable) throws IOException {
        List<StoreEntry> found = new ArrayList<>();
        for (StoreEntry entry : entries()) {
            try (BundleReader reader = BundleReader.open(entry.bundle())) {
                if (normalizedUrl.equals(reader.info().normalizedUrl())) {
                    found.add(entry);
                }
            } catch (IOException e) {
                unreadable.accept(entry, e);
            }
        }
        return found;
    }

    /**
     * The capture named by an ID or a unique prefix of one.
     *
     * @throws StoreException when nothing or more than one capture matches; the message names
     *                        the candidates
     */
    public StoreEntry find(String idOrPrefix) throws IOException {
        requireExists();
        String wanted = idOrPrefix.strip().toLowerCase(Locale.ROOT);
        List<StoreEntry> all = entries();
        List<StoreEntry> matches = all.stream().filter(e -> e.id().startsWith(wanted)).toList();
        if (matches.size() == 1 && !wanted.isEmpty()) {
            return matches.get(0);
        }
        if (matches.isEmpty() || wanted.isEmpty()) {
            List<String> near = IdSuggestions.closest(wanted, all.stream().map(StoreEntry::id).toList(), 3);
            String hint = near.isEmpty() ? " (run 'arca list' to see the IDs)" : "; did you mean " + String.join(", ", near) + "?";
            throw new StoreException("no capture with ID \"" + idOrPrefix + "\" in " + root + hint, near);
        }
        List<String> ids = matches.stream().map(StoreEntry::id).toList();
        String shown = String.join(", ", ids.subList(0, Math.min(5, ids.size())))
                + (ids.size() > 5 ? " and " + (ids.size() - 5) + " more" : "");
        throw new StoreException("ID prefix \"" + idOrPrefix + "\" matches " + ids.size() + " captures: " + shown, ids);
    }

    /** Removes temporary files left by writers that died before renaming them. */
    public int removeStaleTemporaries(Instant olderThan) throws IOException {
        int removed = 0;
        for (Path month : monthDirectories()) {
            for (Path file : children(month)) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(TEMP_SUFFIX)
                        && Files.getLastModifiedTime(file).toInstant().isBefore(olderThan)
                        && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private Path monthDirectory(Instant captured) {
        ZonedDateTime utc = captured.atZone(ZoneOffset.UTC);
        return root.resolve(String.format(Locale.ROOT, "%04d", utc.getYear()))
                .resolve(String.format(Locale.ROOT, "%02d", utc.getMonthValue()));
    }

    private void createDirectories(Path dir) throws IOException {
        checkDirectory();
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw new StoreException("cannot write to the store " + root + ": permission denied");
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("cannot create " + dir + ": a file is in the way");
        } catch (FileSystemException e) {
            throw cannotWrite(dir, e);
        }
    }

    /** A failed write, said once with the operating system's reason ("No space left on device"). */
    private static StoreException cannotWrite(Path dir, IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        }
        return new StoreException("cannot write a bundle in " + dir + ": " + reason + "; nothing was stored", e);
    }

    private void checkDirectory() throws StoreException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new StoreException("the store " + root + " is a file, not a directory (choose another with --store or ARCA_STORE)");
        }
    }

    private static boolean isNumberDir(Path path, int digits) {
        String name = path.getFileName().toString();
        return name.length() == digits && name.chars().allMatch(Character::isDigit) && Files.isDirectory(path);
    }

    private static List<Path> children(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(out::add);
        } catch (NoSuchFileException e) {
            return out;
        }
        return out;
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the rename itself is still atomic
        }
    }
}
