package dev.arca.index;

import java.util.List;

/**
 * The tables of {@code index.sqlite}. The index is derived data, so there are no migrations: a
 * file with another {@link #VERSION} is emptied and rebuilt from the bundles.
 */
final class IndexSchema {

    /** Bump on any change below; older and newer files are then rebuilt. */
    static final int VERSION = 2;

    /** The full-text table; contentless, since the bundles keep the text. */
    static final String TEXT = "capture_text";

    /** How text is split into searchable words: Unicode letters and digits, accents folded. */
    static final String TOKENIZE = "tokenize='unicode61 remove_diacritics 2'";

    /**
     * The indexed fields, in the order of the full-text table's columns. The body comes first:
     * FTS5 marks every position outside column 0 with its column, so this order keeps the index
     * about a quarter smaller.
     */
    static final String TEXT_COLUMNS = "text, title, byline, description";

    static final List<String> CREATE = List.of(
            // One row per readable bundle. Metadata columns mirror Article; month, id, size and
            // mtime say which file the row was read from, and when. captured is in microseconds,
            // so captures made in the same second still sort in the order they were made.
            // normalized_url and canonical_url are NULL when they equal url, as they mostly do
            // (see CaptureRows), which keeps a tenth of the index out of it. warnings holds what the
            // derived steps of a capture could not do (CaptureRows encodes it), NULL for none.
            """
            CREATE TABLE capture (
                rowid INTEGER PRIMARY KEY,
                month TEXT NOT NULL,
                id TEXT NOT NULL,
                size INTEGER NOT NULL,
                mtime INTEGER NOT NULL,
                captured INTEGER NOT NULL,
                url TEXT,
                normalized_url TEXT,
                canonical_url TEXT,
                title TEXT,
                byline TEXT,
                authors TEXT,
                published TEXT,
                modified TEXT,
                site_name TEXT,
                site TEXT NOT NULL,
                site_key TEXT NOT NULL,
                language TEXT,
                description TEXT,
                lead_image TEXT,
                tags TEXT,
                source_url TEXT,
                media_type TEXT,
                confidence REAL,
                word_count INTEGER,
                status INTEGER,
                content_hash TEXT,
                warnings TEXT,
                UNIQUE (month, id)
            )""",
            "CREATE INDEX capture_captured ON capture (captured, id)",
            "CREATE INDEX capture_site ON capture (site_key)",
            "CREATE INDEX capture_url ON capture (" + CaptureRows.normalizedUrl("") + ")",
            // What each month directory looked like when the index last matched it.
            """
            CREATE TABLE month (
                name TEXT PRIMARY KEY,
                dir_mtime INTEGER NOT NULL,
                files INTEGER NOT NULL,
                fingerprint INTEGER NOT NULL
            ) WITHOUT ROWID""",
            // Bundles that could not be read, remembered so they are reported but not reread.
            """
            CREATE TABLE unreadable (
                month TEXT NOT NULL,
                id TEXT NOT NULL,
                size INTEGER NOT NULL,
                mtime INTEGER NOT NULL,
                reason TEXT NOT NULL,
                PRIMARY KEY (month, id)
            ) WITHOUT ROWID""",
            "CREATE VIRTUAL TABLE " + TEXT + " USING fts5(" + TEXT_COLUMNS + ", content='', contentless_delete=1, " + TOKENIZE + ")",
            // collect up to 16 MB of new terms in memory per transaction: far fewer, larger segments
            "INSERT INTO " + TEXT + " (" + TEXT + ", rank) VALUES ('hashsize', 16000000)",
            "PRAGMA user_version = " + VERSION);

    private IndexSchema() {
    }
}
