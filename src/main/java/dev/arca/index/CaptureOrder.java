package dev.arca.index;

/** How a listing is sorted. Ties, and captures without the sorted field, go newest first. */
public enum CaptureOrder {

    /** Newest capture first. */
    captured("c.captured DESC, c.id DESC"),
    /** Latest publication date first, as the page states it; undated last. */
    published("c.published IS NULL, c.published DESC, c.captured DESC"),
    /** By title, A to Z, ignoring case. */
    title("c.title IS NULL, c.title COLLATE NOCASE, c.captured DESC"),
    /** By site, A to Z, then newest first. */
    site("c.site, c.captured DESC");

    private final String sql;

    CaptureOrder(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }
}
