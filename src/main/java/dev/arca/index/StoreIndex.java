package dev.arca.index;

import dev.arca.store.BundleFile;
import dev.arca.store.CaptureIds;
import dev.arca.store.Diagnostics;
import dev.arca.store.MonthDirectory;
import dev.arca.store.Store;
import dev.arca.store.StoreEntry;
import dev.arca.store.StoreListener;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The index of one store, {@code index.sqlite} beside its bundles, which answers listings and
 * searches (see {@link CaptureIndex}). It {@linkplain Store#subscribe follows the store's changes}:
 * writers update it right after each rename or removal; readers check it against the month
 * directories first, so bundles copied in or deleted behind arca's back, a crash between rename and
 * update, or a damaged index file are all repaired before an answer is given. The file is opened
 * only when first needed, so commands that never list or write pay nothing for it.
 */
public final class StoreIndex implements StoreListener, Closeable {

    private final Store store;
    private final Diagnostics diagnostics;
    private final Object lock = new Object();
    private IndexDatabase database;

    private StoreIndex(Store store, Diagnostics diagnostics) {
        this.store = store;
        this.diagnostics = diagnostics;
    }

    /** The index of {@code store}, subscribed to its changes; it reports progress and problems to {@code diagnostics}. */
    public static StoreIndex of(Store store, Diagnostics diagnostics) {
        StoreIndex index = new StoreIndex(store, diagnostics);
        store.subscribe(index);
        return index;
    }

    /**
     * The index, brought up to date with the bundles first: a cheap check of the month directories,
     * and a repair of those that changed (which reads only the bundles that are new to it).
     */
    public CaptureIndex current() throws IOException {
        synchronized (lock) {
            if (!Files.isDirectory(store.root())) {
                store.checkDirectory();
                IndexDatabase empty = IndexDatabase.inMemory();
                return new CaptureIndex(empty, new IndexSync(store, empty, diagnostics), store.root());
            }
            if (!Files.isWritable(store.root())) {
                return readOnly();
            }
            IndexDatabase db = database();
            IndexSync sync = new IndexSync(store, db, diagnostics);
            try {
                sync.refresh();
            } catch (SQLException e) {
                if (!IndexDatabase.isDamage(e)) {
                    throw db.failure("cannot update", e);
                }
                db.replaceDamaged(e);
                refresh(sync, db, "cannot rebuild");
            }
            return new CaptureIndex(db, sync, store.root());
        }
    }

    /**
     * A store that cannot be written keeps no index file: its bundles are read into an index in
     * memory, slower but never stale.
     */
    private CaptureIndex readOnly() throws IOException {
        IndexDatabase db = IndexDatabase.inMemory();
        IndexSync sync = new IndexSync(store, db, diagnostics);
        refresh(sync, db, "cannot build");
        return new CaptureIndex(db, sync, store.root());
    }

    /** Empties the index and reads every bundle into it again; returns how many were read. */
    public int rebuild() throws IOException {
        synchronized (lock) {
            store.create();
            IndexDatabase db = database();
            try {
                return new IndexSync(store, db, diagnostics).rebuild();
            } catch (SQLException e) {
                throw db.failure("cannot rebuild", e);
            }
        }
    }

    /**
     * Every capture of the page at {@code normalizedUrl} (see {@code UrlNormalizer}), newest first.
     * Any bundle of the store that cannot be read, and so might have been one of them, is passed to
     * {@code unreadable}.
     */
    public List<IndexedCapture> snapshots(String normalizedUrl, BiConsumer<StoreEntry, IOException> unreadable) throws IOException {
        CaptureIndex index = current();
        for (Unreadable bad : index.unreadable()) {
            String name = bad.bundle().getFileName().toString();
            String id = name.substring(0, name.length() - Store.SUFFIX.length());
            long size = Files.exists(bad.bundle()) ? Files.size(bad.bundle()) : 0;
            unreadable.accept(new StoreEntry(id, CaptureIds.captured(id), bad.bundle(), size), new IOException(bad.reason()));
        }
        return index.snapshots(normalizedUrl);
    }

    @Override
    public void added(BundleFile file) {
        update(file.month(), file.id(), (sync, month) -> sync.added(month, file));
    }

    @Override
    public void removed(String month, String id) {
        update(month, id, (sync, dir) -> sync.removed(dir, id));
    }

    /** A change a writer made to one month directory, for the index to take in. */
    @FunctionalInterface
    private interface Update {
        void apply(IndexSync sync, MonthDirectory month) throws SQLException, IOException;
    }

    /**
     * Takes in a bundle that just appeared or went. A failure here loses nothing: the bundle is
     * already safe (or gone), and the next reader repairs the index from the directory, so it is a
     * warning, not an error.
     */
    private void update(String monthName, String id, Update update) {
        MonthDirectory month = new MonthDirectory(monthName, store.root().resolve(monthName));
        synchronized (lock) {
            try {
                IndexDatabase db = database();
                try {
                    update.apply(new IndexSync(store, db, diagnostics), month);
                } catch (SQLException e) {
                    if (!IndexDatabase.isDamage(e)) {
                        throw db.failure("cannot update", e);
                    }
                    db.replaceDamaged(e);
                    update.apply(new IndexSync(store, db, diagnostics), month);
                }
            } catch (IOException | SQLException | RuntimeException e) {
                diagnostics.warn("the index was not updated for " + month.path().resolve(id + Store.SUFFIX) + " ("
                        + e.getMessage() + "); the next list or search will catch up");
            }
        }
    }

    /** Brings {@code db} up to date with the bundles, where a failure is final ({@code doing} names the step). */
    private static void refresh(IndexSync sync, IndexDatabase db, String doing) throws IOException {
        try {
            sync.refresh();
        } catch (SQLException e) {
            throw db.failure(doing, e);
        }
    }

    private IndexDatabase database() throws IOException {
        if (database == null) {
            database = IndexDatabase.open(store.root(), diagnostics);
        }
        return database;
    }

    /** Closes the index file, if it was opened. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (database != null) {
                database.close();
                database = null;
            }
        }
    }
}
