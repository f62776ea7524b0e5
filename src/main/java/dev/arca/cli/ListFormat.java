package dev.arca.cli;

/** The output formats of {@code arca list}. */
enum ListFormat {
    /** Aligned columns for people. */
    table,
    /** One JSON array. */
    json,
    /** One JSON object per line (JSON Lines); what {@code --json} means. */
    ndjson,
    /** RFC 4180 comma-separated values with a header row; cells that look like formulas are neutralised. */
    csv,
    /** Tab-separated values with a header row; a backslash, tab or line break in a value is escaped as {@code \\ \t \n \r}. */
    tsv
}
