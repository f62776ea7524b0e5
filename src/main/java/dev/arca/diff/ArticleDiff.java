package dev.arca.diff;

import dev.arca.extract.Article;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two snapshots of an article: its metadata field by field, and its body
 * paragraph by paragraph, with word-level marks inside the paragraphs that were edited.
 *
 * <p>Only the extracted articles are compared, never the pages, so menus, "Related Articles",
 * ads and comments cannot show up as changes. Text is compared as clean lines (see
 * {@link #between}): an edit that only changes whitespace is no change.
 *
 * @param fields     the metadata fields that differ, in {@link FieldChange.Field} order
 * @param paragraphs the body's changes, in reading order of the later snapshot
 * @param summary    counts for a history listing
 */
public record ArticleDiff(List<FieldChange> fields, List<ParagraphChange> paragraphs, Summary summary) {

    /**
     * Counts of a diff, for one line in a history listing.
     *
     * @param wordsAdded         words inserted, in added paragraphs and inside edited ones
     * @param wordsRemoved       words deleted, in removed paragraphs and inside edited ones
     * @param paragraphsAdded    paragraphs added
     * @param paragraphsRemoved  paragraphs removed
     * @param paragraphsChanged  paragraphs changed in place, split or merged
     * @param paragraphsMoved    paragraphs moved
     */
    public record Summary(int wordsAdded, int wordsRemoved, int paragraphsAdded, int paragraphsRemoved,
                          int paragraphsChanged, int paragraphsMoved) {

        static Summary of(List<ParagraphChange> changes) {
            int added = 0;
            int removed = 0;
            int[] kinds = new int[ParagraphChange.Kind.values().length];
            for (ParagraphChange change : changes) {
                added += change.wordsAdded();
                removed += change.wordsRemoved();
                kinds[change.kind().ordinal()]++;
            }
            return new Summary(added, removed, kinds[ParagraphChange.Kind.ADDED.ordinal()],
                    kinds[ParagraphChange.Kind.REMOVED.ordinal()],
                    kinds[ParagraphChange.Kind.CHANGED.ordinal()] + kinds[ParagraphChange.Kind.SPLIT.ordinal()]
                            + kinds[ParagraphChange.Kind.MERGED.ordinal()],
                    kinds[ParagraphChange.Kind.MOVED.ordinal()]);
        }
    }

    public ArticleDiff {
        fields = List.copyOf(fields);
        paragraphs = List.copyOf(paragraphs);
        Objects.requireNonNull(summary);
    }

    /**
     * The diff from {@code before} to {@code after}. Each body is read as paragraphs, one per line
     * of {@link Article#text()}; every value is compared as a clean line: whitespace runs become one
     * space, the ends are stripped, control characters are removed, and blank paragraphs are
     * dropped.
     */
    public static ArticleDiff between(Article before, Article after) {
        List<FieldChange> fields = new ArrayList<>();
        for (FieldChange.Field field : FieldChange.Field.values()) {
            String was = field.of(before);
            String is = field.of(after);
            if (!Objects.equals(was, is)) {
                fields.add(new FieldChange(field, was, is));
            }
        }
        List<ParagraphChange> body = BodyDiff.between(Paragraphs.of(before.text()), Paragraphs.of(after.text()));
        return new ArticleDiff(fields, body, Summary.of(body));
    }

    /** True when neither the metadata nor the body changed. */
    public boolean isEmpty() {
        return fields.isEmpty() && paragraphs.isEmpty();
    }

    /** The change to {@code field}, or null when it did not change. */
    public FieldChange field(FieldChange.Field field) {
        return fields.stream().filter(f -> f.field() == field).findFirst().orElse(null);
    }
}
