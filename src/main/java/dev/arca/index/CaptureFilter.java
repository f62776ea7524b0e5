package dev.arca.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Which captures a listing or search wants. Every part is optional; null means "any".
 *
 * @param site          a host; its subdomains match too, and a leading "www." is ignored
 * @param from          the first capture instant inside
 * @param to            the first capture instant after
 * @param author        words that appear in the byline or an author's name, any case
 * @param language      a language tag; "en" also matches "en-GB"
 * @param normalizedUrl only the snapshots of this page (see {@code UrlNormalizer})
 */
public record CaptureFilter(String site, Instant from, Instant to, String author, String language, String normalizedUrl) {

    /** Every capture. */
    public static final CaptureFilter ALL = new CaptureFilter(null, null, null, null, null, null);

    /** The SQL condition over the capture table {@code c}, appending its parameters to {@code params}. */
    String where(List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (site != null) {
            String normal = Sites.normalize(site);
            conditions.add("c.site_key >= ? AND c.site_key < ?");
            params.add(Sites.key(normal));
            params.add(Sites.keyEnd(normal));
        }
        if (from != null) {
            conditions.add("c.captured >= ?");
            params.add(micros(from));
        }
        if (to != null) {
            conditions.add("c.captured < ?");
            params.add(micros(to));
        }
        if (author != null) {
            conditions.add("(c.byline LIKE ? ESCAPE '\\' OR c.authors LIKE ? ESCAPE '\\')");
            String pattern = "%" + likeLiteral(author.strip()) + "%";
            params.add(pattern);
            params.add(pattern);
        }
        if (language != null) {
            conditions.add("(c.language = ? COLLATE NOCASE OR c.language LIKE ? ESCAPE '\\')");
            String tag = language.strip();
            params.add(tag);
            params.add(likeLiteral(tag) + "-%");
        }
        if (normalizedUrl != null) {
            conditions.add(CaptureRows.normalizedUrl("c") + " = ?");
            params.add(normalizedUrl);
        }
        return conditions.isEmpty() ? "1" : String.join(" AND ", conditions);
    }

    /** An instant as the index stores capture times; sub-microsecond parts round up, as no capture falls there. */
    private static long micros(Instant instant) {
        return TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + (instant.getNano() + 999) / 1000;
    }

    /** {@code text} as a LIKE pattern that matches only itself, with {@code \\} as the escape. */
    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
