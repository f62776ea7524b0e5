package dev.arca.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Answers questions about the store from {@code index.sqlite}: listings, full-text search and
 * statistics, without opening a bundle (search opens only the few it shows, for snippets). Get one
 * from {@link StoreIndex#current()}, which brings the index up to date first.
 */
public final class CaptureIndex {

    /** BM25 weights of text, title, byline and description: a word in the title counts most. */
    private static final String BM25 = "bm25(" + IndexSchema.TEXT + ", 1.0, 10.0, 4.0, 3.0)";

    private final IndexDatabase db;
    private final IndexSync sync;
    private final Path root;

    CaptureIndex(IndexDatabase db, IndexSync sync, Path root) {
        this.db = db;
        this.sync = sync;
        this.root = root;
    }

    /** Passes the matching captures to {@code action} in {@code order}, at most {@code limit} (null: all). */
    public void forEach(CaptureFilter filter, CaptureOrder order, Integer limit, Consumer<IndexedCapture> action) throws IOException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + CaptureRows.COLUMNS + " FROM capture c WHERE " + filter.where(params)
                + " ORDER BY " + order.sql() + " LIMIT " + (limit == null ? -1 : limit);
        run("list the captures", () -> {
            try (PreparedStatement s = prepare(sql, params); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    action.accept(CaptureRows.read(r, root));
                }
            }
            return null;
        });
    }

    /** The matching captures in {@code order}, at most {@code limit} (null: all). */
    public List<IndexedCapture> list(CaptureFilter filter, CaptureOrder order, Integer limit) throws IOException {
        List<IndexedCapture> out = new ArrayList<>();
        forEach(filter, order, limit, out::add);
        return out;
    }

    /** Every capture of one page, newest first. */
    public List<IndexedCapture> snapshots(String normalizedUrl) throws IOException {
        return list(new CaptureFilter(null, null, null, null, null, normalizedUrl), CaptureOrder.captured, null);
    }

    /**
     * The best {@code limit} matches of a query, most relevant first, each with a snippet.
     *
     * @throws SearchSyntaxException when {@code query} is FTS5 syntax, and not valid
     */
    public List<SearchHit> search(SearchQuery query, CaptureFilter filter, int limit) throws IOException {
        List<Object> params = new ArrayList<>();
        params.add(query.match());
        String sql = "SELECT " + CaptureRows.COLUMNS + ", c.rowid, " + BM25 + " AS score FROM " + IndexSchema.TEXT
                + " JOIN capture c ON c.rowid = " + IndexSchema.TEXT + ".rowid WHERE " + IndexSchema.TEXT + " MATCH ? AND "
                + filter.where(params) + " ORDER BY score LIMIT " + limit;
        return run("search", () -> {
            Map<Long, IndexedCapture> captures = new LinkedHashMap<>();
            Map<Long, Double> scores = new LinkedHashMap<>();
            try (PreparedStatement s = prepare(sql, params); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long rowid = r.getLong(CaptureRows.COLUMN_COUNT + 1);
                    captures.put(rowid, CaptureRows.read(r, root));
                    scores.put(rowid, -r.getDouble(CaptureRows.COLUMN_COUNT + 2));
                }
            } catch (SQLException e) {
                throw syntaxError(query, e);
            }
            Map<Long, Path> bundles = new LinkedHashMap<>();
            captures.forEach((rowid, c) -> bundles.put(rowid, c.entry().bundle()));
            Map<Long, String> snippets = new Snippets(db.connection()).of(query.match(), bundles);
            List<SearchHit> hits = new ArrayList<>();
            captures.forEach((rowid, c) -> hits.add(new SearchHit(c, scores.get(rowid), snippets.get(rowid))));
            return hits;
        });
    }

    /** Counts, sizes and the span of the store. */
    public StoreStats stats() throws IOException {
        return run("count the captures", () -> {
            try (Statement s = db.connection().createStatement()) {
                long captures;
                long sites;
                long total;
                Instant oldest;
                Instant newest;
                try (ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT site), total(size), min(captured), max(captured) FROM capture")) {
                    r.next();
                    captures = r.getLong(1);
                    sites = r.getLong(2);
                    total = (long) r.getDouble(3);
                    oldest = captures == 0 ? null : instant(r.getLong(4));
                    newest = captures == 0 ? null : instant(r.getLong(5));
                }
                List<StoreStats.Month> months = new ArrayList<>();
                try (ResultSet r = s.executeQuery("SELECT strftime('%Y-%m', captured / 1000000, 'unixepoch') AS m, count(*) FROM capture GROUP BY m ORDER BY m")) {
                    while (r.next()) {
                        months.add(new StoreStats.Month(r.getString(1), r.getLong(2)));
                    }
                }
                long unreadable;
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM unreadable")) {
                    r.next();
                    unreadable = r.getLong(1);
                }
                return new StoreStats(captures, sites, total, oldest, newest, unreadable, indexSize(), months);
            }
        });
    }

    /** The bundles that could not be read, which listings leave out. */
    public List<Unreadable> unreadable() throws IOException {
        return run("list unreadable bundles", () -> new MonthRows(db.connection()).allUnreadable(root));
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000);
    }

    private long indexSize() throws IOException {
        Path file = db.file();
        if (file == null) {
            return 0;
        }
        long size = 0;
        for (Path part : List.of(file, file.resolveSibling(file.getFileName() + "-wal"))) {
            if (Files.exists(part)) {
                size += Files.size(part);
            }
        }
        return size;
    }

    private PreparedStatement prepare(String sql, List<Object> params) throws SQLException {
        PreparedStatement s = db.connection().prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
        return s;
    }

    /**
     * Runs a query; if it finds the file damaged, replaces it, rebuilds from the bundles and asks
     * once more, so that even a file damaged after opening costs a rebuild, not an answer.
     */
    private <T> T run(String doing, IndexDatabase.Work<T> query) throws IOException {
        try {
            return query.run();
        } catch (SQLException e) {
            if (!IndexDatabase.isDamage(e) || db.file() == null) {
                throw db.failure("cannot " + doing + " in", e);
            }
            try {
                db.replaceDamaged(e);
                sync.refresh();
                return query.run();
            } catch (SQLException again) {
                throw db.failure("cannot " + doing + " in", again);
            }
        }
    }

    /**
     * An SQL error of the MATCH of FTS5 syntax is the query's: the statement around it is arca's
     * own and known to work, and so are the quoted words of any other query.
     */
    private static IOException syntaxError(SearchQuery query, SQLException e) throws SQLException {
        String reason = IndexDatabase.reason(e);
        if (!query.fts() || (e.getErrorCode() & 0xff) != 1 || reason.startsWith("no such table")) {
            throw e;
        }
        reason = reason.replaceFirst("^fts5: ", "").replace("near \"\"", "at the end");
        return new SearchSyntaxException("invalid search query '" + query.typed() + "': " + reason);
    }
}
