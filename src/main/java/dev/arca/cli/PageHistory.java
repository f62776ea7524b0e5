package dev.arca.cli;

import dev.arca.fetch.WebUrl;
import dev.arca.bundle.BundleReader;
import dev.arca.diff.ArticleDiff;
import dev.arca.diff.FieldChange;
import dev.arca.extract.Article;
import dev.arca.fetch.FetchException;
import dev.arca.fetch.UrlNormalizer;
import dev.arca.index.IndexedCapture;
import dev.arca.store.StoreEntry;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshots of one page, as {@code history}, {@code diff} and {@code changes} read them: found
 * by URL or by the ID of any one of them, oldest first, and what changed from one to the next in
 * the terms a reader uses (headline, byline, dates, body). Only extracted articles are compared,
 * never pages, so furniture cannot show.
 */
final class PageHistory {

    /** The aspects of an article a history line names, in order. */
    enum Aspect {
        HEADLINE("headline", FieldChange.Field.TITLE),
        BYLINE("byline", FieldChange.Field.BYLINE, FieldChange.Field.AUTHORS),
        DATES("dates", FieldChange.Field.PUBLISHED, FieldChange.Field.MODIFIED),
        BODY("body");

        final String key;
        private final List<FieldChange.Field> fields;

        Aspect(String key, FieldChange.Field... fields) {
            this.key = key;
            this.fields = List.of(fields);
        }

        boolean changed(ArticleDiff diff) {
            return this == BODY ? !diff.paragraphs().isEmpty() : fields.stream().anyMatch(f -> diff.field(f) != null);
        }
    }

    private PageHistory() {
    }

    /**
     * Every snapshot of the page a URL or an ID names, oldest first. A URL that cannot be one is a usage error.
     *
     * @throws IOException with a one-line message when the URL was never captured or the ID is unknown
     */
    static List<IndexedCapture> snapshots(ArcaCommand arca, CommandSpec spec, String urlOrId) throws IOException {
        String normalized;
        if (WebUrl.hasScheme(urlOrId)) {
            try {
                normalized = UrlNormalizer.normalize(urlOrId);
            } catch (FetchException e) {
                throw Usage.error(spec, "not a URL arca can look up: " + e.getMessage());
            }
        } else {
            StoreEntry entry = arca.store().find(urlOrId);
            try (BundleReader reader = BundleReader.open(entry.bundle())) {
                normalized = reader.info().normalizedUrl();
            }
        }
        arca.index(); // brings the index up to date, and warns about each bundle it had to leave out
        List<IndexedCapture> snapshots = new ArrayList<>(arca.storeIndex().snapshots(normalized, (entry, e) -> { }));
        if (snapshots.isEmpty()) {
            throw new IOException("no capture of " + urlOrId + " in " + arca.store().root() + " (see 'arca list')");
        }
        Collections.reverse(snapshots);
        return snapshots;
    }

    /** The full article of a snapshot, read from its bundle, which is checked as it is read. */
    static Article article(StoreEntry entry) throws IOException {
        try (BundleReader reader = BundleReader.open(entry.bundle())) {
            return reader.article();
        }
    }

    /** The aspects that changed, by {@link Aspect#key}, each true or false. */
    static Map<String, Boolean> aspects(ArticleDiff diff) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Aspect aspect : Aspect.values()) {
            out.put(aspect.key, diff != null && aspect.changed(diff));
        }
        return out;
    }

    /** What changed, for people: "headline, body", "description changed", or "no change". */
    static String changed(ArticleDiff diff) {
        List<String> named = new ArrayList<>();
        for (Aspect aspect : Aspect.values()) {
            if (aspect.changed(diff)) {
                named.add(aspect.key);
            }
        }
        if (!named.isEmpty()) {
            return String.join(", ", named);
        }
        return diff.isEmpty() ? "no change" : String.join(", ", fields(diff)) + " changed";
    }

    /** {@link #changed} and the words added and removed: "headline, body: +12 -3 words". */
    static String summary(ArticleDiff diff) {
        ArticleDiff.Summary counts = diff.summary();
        return changed(diff) + (counts.wordsAdded() + counts.wordsRemoved() == 0 ? ""
                : ": +" + counts.wordsAdded() + " -" + counts.wordsRemoved() + " words");
    }

    /** The keys of the metadata fields that changed, in their order. */
    static List<String> fields(ArticleDiff diff) {
        return diff.fields().stream().map(f -> f.field().key()).toList();
    }
}
