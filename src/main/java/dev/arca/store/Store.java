package dev.arca.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A plain directory of bundles, {@code <store>/<yyyy>/<mm>/<id>.wacz}. The bundles are the truth:
 * anything else the store keeps can be rebuilt from them.
 *
 * <p>Bundles appear atomically: each is written to a hidden temporary file in its month directory,
 * forced to disk, then renamed, so a crash never leaves a partial file under a bundle name.
 *
 * <p>The store knows bundles as files: their names, sizes and times, never what is inside them.
 * What is derived from their contents, such as a search index, {@linkplain #subscribe subscribes}
 * to the store's changes and can always be rebuilt from the month directories.
 */
public final class Store {

    /** The file name suffix of a bundle. */
    public static final String SUFFIX = ".wacz";
    static final String TEMP_SUFFIX = ".tmp";
    private static final int MAX_ID_ATTEMPTS = 100_000;

    /** Writes a bundle's bytes; the store handles where and how atomically. */
    @FunctionalInterface
    public interface BundleContent {
        void writeTo(OutputStream out, String id) throws IOException;
    }

    private final Path root;
    private final Diagnostics diagnostics;
    private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
    private final UnaryOperator<OutputStream> files;
    private volatile StoreLock lock;

    /** A store that keeps quiet; see {@link #Store(Path, Diagnostics)}. */
    public Store(Path root) {
        this(root, Diagnostics.NONE, UnaryOperator.identity());
    }

    /** A store that reports what it waits for (another writer's bundle) to {@code diagnostics}. */
    public Store(Path root, Diagnostics diagnostics) {
        this(root, diagnostics, UnaryOperator.identity());
    }

    /** A store whose bundle files are written through {@code files}, for simulating a failing disk. */
    Store(Path root, Diagnostics diagnostics, UnaryOperator<OutputStream> files) {
        this.root = root;
        this.diagnostics = diagnostics;
        this.files = files;
    }

    /**
     * Calls {@code listener} after every bundle this store adds or removes, on the writer's thread;
     * a listener's failure is its own (it cannot undo a bundle that is already safe).
     */
    public void subscribe(StoreListener listener) {
        listeners.add(listener);
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
            throw new StoreException("no store at " + root + ": nothing has been archived there yet",
                    StoreException.Kind.NO_STORE, null);
        }
    }

    /**
     * Writes a new bundle for a capture made at {@code captured} and returns where it landed.
     * Writers hold the {@linkplain #lock() lock}, and before each rename check that they still do
     * (see {@link StoreLock#confirm()}). Nothing is written through a symbolic link (see {@link OpenMonth}).
     */
    public StoreEntry save(Instant captured, BundleContent content) throws IOException {
        String month = monthName(captured);
        Path dirPath = root.resolve(month);
        createDirectories(root);
        try (OpenMonth dir = openMonth(month, true)) {
            for (int attempt = 0; ; attempt++) {
                if (attempt == MAX_ID_ATTEMPTS) {
                    throw new StoreException("cannot find a free capture ID in " + dirPath);
                }
                // a collision means the millisecond is crowded: move on to the next one, keeping the order
                String id = CaptureIds.next(captured.plusNanos(attempt / 16 * 1_000_000L));
                String target = id + SUFFIX;
                Optional<PendingBundle> pending;
                try {
                    pending = PendingBundle.create(dir, id);
                } catch (IOException e) {
                    throw cannotWrite(dirPath, e);
                }
                if (pending.isEmpty()) {
                    continue; // another writer holds this ID
                }
                try (PendingBundle bundle = pending.get()) {
                    if (dir.fileKey(target) != null) {
                        continue;
                    }
                    OutputStream out = new BufferedOutputStream(files.apply(bundle.output()), 1 << 16);
                    content.writeTo(out, id);
                    out.flush();
                    confirmLock();
                    bundle.commit(target);
                } catch (StoreException e) {
                    throw e;
                } catch (IOException e) {
                    throw cannotWrite(dirPath, e);
                }
                Path bundle = dirPath.resolve(target);
                StoreEntry entry = new StoreEntry(id, CaptureIds.captured(id), bundle, Files.size(bundle));
                added(month, bundle, id);
                return entry;
            }
        }
    }

    /** Fails when a run that holds the lock lost it while it ran. */
    private void confirmLock() throws IOException {
        StoreLock held = lock;
        if (held != null) {
            held.confirm();
        }
    }

    /** The month directory {@code month} ("yyyy/mm"), opened so that nothing is written through a link. */
    private OpenMonth openMonth(String month, boolean create) throws IOException {
        Path dir = root.resolve(month);
        try {
            return OpenMonth.open(root, month, create);
        } catch (StoreException e) {
            throw new StoreException("cannot write a bundle in " + dir + ": " + e.getMessage() + "; nothing was stored", e);
        } catch (AccessDeniedException e) {
            throw new StoreException("cannot write to the store " + root + ": permission denied");
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw cannotWrite(dir, e);
        }
    }

    /** Every bundle in the store, newest first. Temporary and foreign files are ignored. */
    public List<StoreEntry> entries() throws IOException {
        List<StoreEntry> entries = new ArrayList<>();
        for (MonthDirectory month : months()) {
            for (Path file : children(month.path())) {
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

    /** The {@code <yyyy>/<mm>} directories that hold bundles, in no particular order. */
    public List<MonthDirectory> months() throws IOException {
        List<MonthDirectory> months = new ArrayList<>();
        if (!Files.exists(root)) {
            return months;
        }
        checkDirectory();
        for (Path year : children(root)) {
            if (isNumberDir(year, 4)) {
                for (Path month : children(year)) {
                    if (isNumberDir(month, 2)) {
                        months.add(new MonthDirectory(monthName(month), month));
                    }
                }
            }
        }
        return months;
    }

    /** Deletes a bundle; never through a symbolic link to somewhere else. */
    public void remove(StoreEntry entry) throws IOException {
        Path bundle = entry.bundle();
        Path relative = root.toAbsolutePath().normalize().relativize(bundle.toAbsolutePath().normalize());
        if (relative.getNameCount() != 3 || relative.startsWith("..")) {
            throw new StoreException(bundle + " is not in the store " + root);
        }
        String month = relative.getName(0) + "/" + relative.getName(1);
        try (OpenMonth dir = OpenMonth.open(root, month, false)) {
            if (!dir.delete(relative.getFileName().toString())) {
                throw new NoSuchFileException(bundle.toString());
            }
            dir.sync();
        } catch (StoreException e) {
            throw new StoreException("cannot remove " + bundle + ": " + e.getMessage(), e.kind().orElse(null), e);
        }
        for (StoreListener listener : listeners) {
            listener.removed(month, entry.id());
        }
    }

    /** Tells the listeners about a bundle that was just renamed into {@code month}. */
    private void added(String month, Path bundle, String id) throws IOException {
        if (listeners.isEmpty()) {
            return;
        }
        BasicFileAttributes attributes = Files.readAttributes(bundle, BasicFileAttributes.class);
        BundleFile file = new BundleFile(month, id, attributes.size(), attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS));
        for (StoreListener listener : listeners) {
            listener.added(file);
        }
    }

    private static String monthName(Path dir) {
        return dir.getParent().getFileName() + "/" + dir.getFileName();
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

    /**
     * Takes the store's lock if no other process holds it. Runs that add bundles hold it
     * throughout; see {@link StoreLock}.
     */
    public Optional<StoreLock> tryLock() throws IOException {
        checkDirectory();
        Optional<StoreLock> taken = StoreLock.tryAcquire(root);
        taken.ifPresent(held -> lock = held);
        return taken;
    }

    /** Takes the store's lock, waiting while another process holds it. */
    public StoreLock lock() throws IOException, InterruptedException {
        checkDirectory();
        StoreLock held = StoreLock.acquire(root);
        lock = held;
        return held;
    }

    /** The process ID of the run that holds the lock, when it wrote one. */
    public Optional<String> lockHolder() {
        return StoreLock.holder(root);
    }

    /**
     * Removes temporary files left by writers that died before renaming them. A live writer holds a
     * lock on its temporary file (see {@link PendingBundle}), so its file is never removed: this
     * waits until it is done. Call it with the store's lock held.
     */
    public int removeStaleTemporaries() throws IOException {
        int removed = 0;
        for (MonthDirectory month : months()) {
            try (OpenMonth dir = OpenMonth.open(root, month.name(), false)) {
                for (String name : dir.names()) {
                    if (PendingBundle.isPending(name) && PendingBundle.removeIfAbandoned(dir, name, () -> diagnostics.note(
                            "waiting for another arca to finish writing " + dir.path().resolve(name)))) {
                        removed++;
                    }
                }
            } catch (StoreException | NoSuchFileException e) {
                // a month that is a link, or gone: nothing of ours to clear there
            }
        }
        return removed;
    }

    /** "yyyy/mm" of a capture time, in UTC. */
    private static String monthName(Instant captured) {
        ZonedDateTime utc = captured.atZone(ZoneOffset.UTC);
        return String.format(Locale.ROOT, "%04d/%02d", utc.getYear(), utc.getMonthValue());
    }

    /** Creates the store directory if there is none yet. */
    public void create() throws IOException {
        createDirectories(root);
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
        return new StoreException("cannot write a bundle in " + dir + ": " + writeFailure(e) + "; nothing was stored", e);
    }

    /** The operating system's reason for a failed write, without the path it names. */
    public static String writeFailure(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Fails when the store's path is a file rather than a directory; a missing store passes. */
    public void checkDirectory() throws StoreException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new StoreException("the store " + root + " is a file, not a directory", StoreException.Kind.NOT_A_DIRECTORY, null);
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
}
