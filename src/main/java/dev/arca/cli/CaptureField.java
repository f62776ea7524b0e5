package dev.arca.cli;

import dev.arca.bundle.CaptureWarning;
import dev.arca.extract.Article;
import dev.arca.index.IndexedCapture;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A column that {@code arca list --fields} can show, named as in the JSON output. Each knows its
 * value for JSON (numbers stay numbers, lists stay arrays) and as text for tables, CSV and TSV.
 */
enum CaptureField {

    ID("id"),
    CAPTURED("captured"),
    BUNDLE("bundle"),
    SIZE("size"),
    URL("url"),
    CANONICAL_URL("canonicalUrl"),
    TITLE("title"),
    BYLINE("byline"),
    AUTHORS("authors"),
    PUBLISHED("published"),
    MODIFIED("modified"),
    SITE_NAME("siteName"),
    LANGUAGE("language"),
    DESCRIPTION("description"),
    LEAD_IMAGE("leadImage"),
    TAGS("tags"),
    SOURCE_URL("sourceUrl"),
    MEDIA_TYPE("mediaType"),
    CONFIDENCE("confidence"),
    WORD_COUNT("wordCount"),
    SITE("site"),
    NORMALIZED_URL("normalizedUrl"),
    STATUS("status"),
    CONTENT_HASH("contentHash"),
    WARNINGS("warnings");

    /** The columns of the default table. */
    static final List<CaptureField> TABLE = List.of(ID, CAPTURED, SITE, TITLE);
    /** The columns of CSV and TSV when none are chosen: the table's and the URL. */
    static final List<CaptureField> DELIMITED = List.of(ID, CAPTURED, SITE, TITLE, URL);
    /** Every field: the JSON output when none are chosen, with the article's metadata in Article's order. */
    static final List<CaptureField> ALL = List.of(values());

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final String key;

    CaptureField(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** The JSON object of a capture with these fields, in this order. */
    static Map<String, Object> object(IndexedCapture capture, List<CaptureField> fields) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (CaptureField field : fields) {
            object.put(field.key, field.value(capture));
        }
        return object;
    }

    /** The value for JSON output: a string, number, list or null. */
    Object value(IndexedCapture c) {
        // a switch rather than a lambda per constant: this enum is loaded by every listing, and
        // each lambda costs a short command start-up time
        Article a = c.article();
        return switch (this) {
            case ID -> c.entry().id();
            case CAPTURED -> c.entry().captured().toString();
            case BUNDLE -> c.entry().bundle().toString();
            case SIZE -> c.entry().size();
            case URL -> a.url();
            case CANONICAL_URL -> a.canonicalUrl();
            case TITLE -> a.title();
            case BYLINE -> a.byline();
            case AUTHORS -> a.authors();
            case PUBLISHED -> a.published();
            case MODIFIED -> a.modified();
            case SITE_NAME -> a.siteName();
            case LANGUAGE -> a.language();
            case DESCRIPTION -> a.description();
            case LEAD_IMAGE -> a.leadImage();
            case TAGS -> a.tags();
            case SOURCE_URL -> a.sourceUrl();
            case MEDIA_TYPE -> a.mediaType();
            case CONFIDENCE -> a.confidence();
            case WORD_COUNT -> a.wordCount();
            case SITE -> c.site();
            case NORMALIZED_URL -> c.normalizedUrl();
            case STATUS -> c.status();
            case CONTENT_HASH -> c.contentHash();
            case WARNINGS -> c.warnings();
        };
    }

    /** The value as text, unescaped: lists are joined with "; ", absent values are empty. */
    String text(IndexedCapture capture) {
        Object v = value(capture);
        if (v instanceof List<?> list) {
            StringBuilder joined = new StringBuilder();
            for (Object item : list) {
                String shown = item instanceof CaptureWarning w ? w.line() : String.valueOf(item);
                joined.append(joined.length() == 0 ? "" : "; ").append(Columns.clean(shown));
            }
            return joined.toString();
        }
        return v == null ? "" : String.valueOf(v);
    }

    /** The value as a person reads it in a table, on one line: capture times to the minute. */
    String cell(IndexedCapture capture) {
        return this == CAPTURED ? minutes(capture.entry().captured()) : Columns.clean(text(capture));
    }

    /** A capture time as tables show it, to the minute in UTC: "2026-11-28 09:14". */
    static String minutes(java.time.Instant captured) {
        return MINUTES.format(captured);
    }

    /** Parses {@code --fields id,title,url}: names as in the JSON output, any case. */
    static List<CaptureField> parse(String fields) {
        return Arrays.stream(fields.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .map(CaptureField::named)
                .toList();
    }

    private static CaptureField named(String name) {
        for (CaptureField field : values()) {
            if (field.key.equalsIgnoreCase(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException("unknown field '" + name + "' (fields: "
                + Arrays.stream(values()).map(CaptureField::key).collect(Collectors.joining(", ")) + ")");
    }

    /** The table header of a field: its name in capitals. */
    String header() {
        return key.toUpperCase(Locale.ROOT);
    }
}
