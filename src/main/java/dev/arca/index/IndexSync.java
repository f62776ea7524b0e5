package dev.arca.index;

import dev.arca.store.BundleFile;
import dev.arca.store.Diagnostics;
import dev.arca.store.MonthDirectory;
import dev.arca.store.Store;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps the index equal to the bundles on disk.
 *
 * <p>Readers call {@link #refresh()}: one stat per month directory, and a listing (names, sizes,
 * times) only of directories whose time moved. A month whose listing no longer matches the
 * fingerprint the index recorded is repaired in its own write transaction, listed again under the
 * lock, so two arcas repairing at once neither clash nor undo each other, and an interrupted
 * rebuild resumes where it stopped.
 *
 * <p>Writers call {@link #added} and {@link #removed} right after they change a directory: the
 * index takes the one bundle in or out and adjusts the fingerprint by that file alone, which costs
 * the same in a month of ten bundles or ten thousand.
 */
final class IndexSync {

    /** From this many bundles to read, say so on stderr: it will take a moment. */
    private static final int ANNOUNCE_FROM = 200;
    /** From this many bundles to read, load in bulk and compact afterwards. */
    private static final int BULK_FROM = 5000;

    private final Store store;
    private final IndexDatabase db;
    private final Diagnostics diagnostics;

    IndexSync(Store store, IndexDatabase db, Diagnostics diagnostics) {
        this.store = store;
        this.db = db;
        this.diagnostics = diagnostics;
    }

    /** Finds the months that changed since the index last matched them, and repairs them. */
    void refresh() throws SQLException, IOException {
        MonthRows months = new MonthRows(db.connection());
        Map<String, MonthRows.State> known = months.all();
        List<MonthDirectory> changed = new ArrayList<>();
        List<MonthDirectory.Listing> confirmed = new ArrayList<>();
        int files = 0;
        for (MonthDirectory dir : store.months()) {
            MonthRows.State state = known.remove(dir.name());
            if (state != null && state.dirMtime() >= 0 && state.dirMtime() == dir.mtime()) {
                continue;
            }
            MonthDirectory.Listing listing = dir.list();
            if (state != null && state.fingerprint().equals(MonthFingerprint.of(listing.files()))) {
                if (listing.dirMtime() >= 0) {
                    confirmed.add(listing);
                }
                continue;
            }
            changed.add(dir);
            files += listing.files().size();
        }
        if (!known.isEmpty()) {
            db.write(() -> {
                for (String gone : known.keySet()) {
                    months.forget(gone);
                }
                return null;
            });
        }
        if (!confirmed.isEmpty()) {
            // only spares the next check a listing: not worth waiting for another writer
            db.writeIfFree(() -> {
                for (MonthDirectory.Listing listing : confirmed) {
                    months.record(listing);
                }
                return null;
            });
        }
        repair(changed, files);
    }

    /** Empties the index and reads every bundle again. Returns the number of bundles read. */
    int rebuild() throws SQLException, IOException {
        db.write(() -> {
            new MonthRows(db.connection()).deleteAll();
            try (CaptureRows rows = new CaptureRows(db.connection())) {
                rows.deleteAll();
            }
            return null;
        });
        List<MonthDirectory> all = store.months();
        int files = 0;
        for (MonthDirectory dir : all) {
            files += dir.list().files().size();
        }
        int read = repair(all, files);
        if (files < BULK_FROM) {
            compact();
        }
        return read;
    }

    /** Takes in a bundle a writer just renamed into {@code dir}. */
    void added(MonthDirectory dir, BundleFile file) throws SQLException, IOException {
        db.write(() -> {
            MonthRows months = new MonthRows(db.connection());
            try (CaptureRows rows = new CaptureRows(db.connection())) {
                if (rows.find(dir.name(), file.id()) != null || months.unreadable(dir.name()).containsKey(file.id())) {
                    return null; // a reader's repair got here first, fingerprint and all
                }
                // written whole by this process a moment ago: hashing it all again would only cost time
                boolean[] retry = new boolean[1];
                new BundleLoads(store.root(), false).forEach(List.of(file), loaded -> retry[0] |= store(loaded, rows, months));
                if (retry[0]) {
                    readAgainLater(months, dir);
                    return null;
                }
            }
            adjust(months, dir, file, true);
            return null;
        });
    }

    /** Lets go of a bundle a writer just deleted from {@code dir}. */
    void removed(MonthDirectory dir, String id) throws SQLException, IOException {
        db.write(() -> {
            MonthRows months = new MonthRows(db.connection());
            CaptureRows.Known known;
            try (CaptureRows rows = new CaptureRows(db.connection())) {
                known = rows.find(dir.name(), id);
                if (known != null) {
                    rows.delete(known.rowid());
                }
            }
            if (known == null) {
                known = months.unreadable(dir.name()).get(id);
                if (known == null) {
                    return null; // a reader's repair got here first
                }
                months.removeUnreadable(dir.name(), id);
            }
            adjust(months, dir, new BundleFile(dir.name(), id, known.size(), known.mtime()), false);
            return null;
        });
    }

    /**
     * Moves the month's fingerprint by one file. The directory time is set to unknown, since it just
     * changed, so the next reader lists the directory once to confirm. A month the index never
     * matched gets a fingerprint no listing has, so the next reader repairs it whole; either way the
     * month is on record, so that readers notice if its directory disappears.
     */
    private static void adjust(MonthRows months, MonthDirectory dir, BundleFile file, boolean added) throws SQLException {
        MonthRows.State state = months.get(dir.name());
        MonthFingerprint fingerprint = state == null ? MonthFingerprint.UNKNOWN
                : added ? state.fingerprint().plus(file) : state.fingerprint().minus(file);
        months.record(dir.name(), new MonthRows.State(-1, fingerprint));
    }

    private int repair(List<MonthDirectory> changed, int files) throws SQLException, IOException {
        if (changed.isEmpty()) {
            return 0;
        }
        boolean announce = files >= ANNOUNCE_FROM;
        if (announce) {
            diagnostics.note("indexing " + changed.size() + " month directories (" + files + " bundles) of " + store.root() + "...");
        }
        long start = System.nanoTime();
        int read = 0;
        BundleLoads loads = new BundleLoads(store.root(), true);
        MonthRows months = new MonthRows(db.connection());
        boolean bulk = files >= BULK_FROM;
        if (bulk) {
            bulkLoading(true);
        }
        try (CaptureRows rows = new CaptureRows(db.connection())) {
            for (MonthDirectory dir : changed) {
                read += db.write(() -> repairMonth(dir, months, rows, loads));
            }
        } finally {
            if (bulk) {
                bulkLoading(false);
            }
        }
        if (bulk) {
            compact();
        }
        if (announce) {
            double seconds = (System.nanoTime() - start) / 1e9;
            diagnostics.note(String.format(Locale.ROOT, "indexed %d bundles in %.1f s", read, seconds));
        }
        return read;
    }

    /**
     * For loading many bundles at once: no full-text merges while loading (one merge at the end
     * does the same work once) and checkpoints every 100 MB of WAL rather than every 4 MB.
     */
    private void bulkLoading(boolean on) throws SQLException {
        db.execute("INSERT INTO " + IndexSchema.TEXT + " (" + IndexSchema.TEXT + ", rank) VALUES ('automerge', " + (on ? 0 : 4) + ")");
        db.execute("PRAGMA wal_autocheckpoint = " + (on ? 25_000 : 1000));
    }

    /**
     * Merges the full-text index into one segment, gives back the pages that frees, and folds the
     * WAL into the file: the smallest, fastest index for the reads that follow.
     */
    private void compact() throws SQLException {
        db.execute("INSERT INTO " + IndexSchema.TEXT + " (" + IndexSchema.TEXT + ") VALUES ('optimize')");
        db.releaseFreePages();
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    /** Lists the month under the write lock and applies the difference; returns the bundles read. */
    private int repairMonth(MonthDirectory dir, MonthRows months, CaptureRows rows, BundleLoads loads)
            throws SQLException, IOException {
        MonthDirectory.Listing listing = dir.list();
        MonthRows.State state = months.get(dir.name());
        if (state != null && state.fingerprint().equals(MonthFingerprint.of(listing.files()))) {
            months.record(listing);
            return 0;
        }
        Map<String, CaptureRows.Known> indexed = rows.inMonth(dir.name());
        Map<String, CaptureRows.Known> unreadable = months.unreadable(dir.name());
        List<BundleFile> toRead = new ArrayList<>();
        for (BundleFile file : listing.files()) {
            CaptureRows.Known row = indexed.remove(file.id());
            CaptureRows.Known bad = unreadable.remove(file.id());
            if ((row != null && file.sameAs(row.size(), row.mtime())) || (bad != null && file.sameAs(bad.size(), bad.mtime()))) {
                continue;
            }
            if (row != null) {
                rows.delete(row.rowid());
            }
            if (bad != null) {
                months.removeUnreadable(dir.name(), file.id());
            }
            toRead.add(file);
        }
        for (CaptureRows.Known removed : indexed.values()) {
            rows.delete(removed.rowid());
        }
        for (String removed : unreadable.keySet()) {
            months.removeUnreadable(dir.name(), removed);
        }
        boolean[] retry = new boolean[1];
        loads.forEach(toRead, loaded -> retry[0] |= store(loaded, rows, months));
        if (retry[0]) {
            readAgainLater(months, dir);
        } else {
            months.record(listing);
        }
        return toRead.size();
    }

    /**
     * For a month with a bundle that could not be read for want of memory or stack: it is neither
     * indexed nor remembered as unreadable, and a fingerprint no listing has makes the next reader
     * try it again.
     */
    private static void readAgainLater(MonthRows months, MonthDirectory dir) throws SQLException {
        months.record(dir.name(), new MonthRows.State(-1, MonthFingerprint.UNKNOWN));
    }

    /** Takes one bundle into the index; true when it must be read again later. */
    private boolean store(BundleLoads.Loaded loaded, CaptureRows rows, MonthRows months) throws SQLException {
        if (loaded.problem() != null && loaded.passing()) {
            diagnostics.warn("skipping bundle " + loaded.file().path(store.root()) + ": " + loaded.problem());
            return true;
        }
        if (loaded.problem() != null) {
            months.addUnreadable(loaded.file(), loaded.problem());
        } else if (!loaded.gone()) {
            rows.insert(loaded.file(), loaded.article(), loaded.info(), loaded.warnings());
        }
        return false;
    }
}
