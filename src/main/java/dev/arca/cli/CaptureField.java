package dev.arca.cli;

import dev.arca.store.IndexedCapture;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A column that {@code arca list --fields} can show, named as in the JSON output. Each knows its
 * value for JSON (numbers stay numbers, lists stay arrays) and as text for tables and CSV.
 */
enum CaptureField {

    ID("id", c -> c.entry().id()),
    CAPTURED("captured", c -> c.entry().captured().toString()),
    BUNDLE("bundle", c -> c.entry().bundle().toString()),
    SIZE("size", c -> c.entry().size()),
    URL("url", c -> c.article().url()),
    CANONICAL_URL("canonicalUrl", c -> c.article().canonicalUrl()),
    TITLE("title", c -> c.article().title()),
    BYLINE("byline", c -> c.article().byline()),
    AUTHORS("authors", c -> c.article().authors()),
    PUBLISHED("published", c -> c.article().published()),
    MODIFIED("modified", c -> c.article().modified()),
    SITE_NAME("siteName", c -> c.article().siteName()),
    LANGUAGE("language", c -> c.article().language()),
    DESCRIPTION("description", c -> c.article().description()),
    LEAD_IMAGE("leadImage", c -> c.article().leadImage()),
    TAGS("tags", c -> c.article().tags()),
    SOURCE_URL("sourceUrl", c -> c.article().sourceUrl()),
    MEDIA_TYPE("mediaType", c -> c.article().mediaType()),
    CONFIDENCE("confidence", c -> c.article().confidence()),
    WORD_COUNT("wordCount", c -> c.article().wordCount()),
    SITE("site", IndexedCapture::site),
    NORMALIZED_URL("normalizedUrl", IndexedCapture::normalizedUrl),
    STATUS("status", IndexedCapture::status),
    CONTENT_HASH("contentHash", IndexedCapture::contentHash);

    /** The columns of the default table. */
    static final List<CaptureField> TABLE = List.of(ID, CAPTURED, SITE, TITLE);
    /** The columns of CSV and TSV when none are chosen: the table's and the URL. */
    static final List<CaptureField> DELIMITED = List.of(ID, CAPTURED, SITE, TITLE, URL);
    /** Every field: the JSON output when none are chosen, with the article's metadata in Article's order. */
    static final List<CaptureField> ALL = List.of(values());

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final String key;
    private final Function<IndexedCapture, Object> value;

    CaptureField(String key, Function<IndexedCapture, Object> value) {
        this.key = key;
        this.value = value;
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
    Object value(IndexedCapture capture) {
        return value.apply(capture);
    }

    /** The value as one line of text; lists are joined with "; ", absent values are empty. */
    String text(IndexedCapture capture) {
        Object v = value(capture);
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining("; "));
        }
        return v == null ? "" : Columns.clean(String.valueOf(v));
    }

    /** The value as a person reads it in a table: capture times to the minute. */
    String cell(IndexedCapture capture) {
        return this == CAPTURED ? MINUTES.format(capture.entry().captured()) : text(capture);
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
