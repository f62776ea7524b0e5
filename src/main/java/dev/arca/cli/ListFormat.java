package dev.arca.cli;

/** The output formats of {@code arca list}. */
enum ListFormat {
    /** Aligned columns for people. */
    table,
    /** One JSON array. */
    json,
    /** One JSON object per line (JSON Lines); what {@code --json} means. */
    ndjson,
    /** RFC 4180 comma-separated values with a header row. */
    csv,
    /** Tab-separated values with a header row; tabs and newlines in values become spaces. */
    tsv
}
