package dev.arca.diff;

import java.util.List;

/**
 * One change to the body of an article, at paragraph level.
 *
 * <p>Paragraphs are numbered from 1 in each snapshot; 0 means "none on this side" (the before
 * side of an added paragraph, the after side of a removed one). A split or merged change spans
 * several paragraphs on one side; its text holds them separated by {@code "\n"}.
 *
 * @param kind   what happened
 * @param before the number of the (first) paragraph before, or 0
 * @param after  the number of the (first) paragraph after, or 0
 * @param beforeText the paragraph(s) before, or "" for an added one
 * @param afterText  the paragraph(s) after, or "" for a removed one
 * @param spans  the word-level marks of a changed, split, merged or edited moved paragraph;
 *               empty for added, removed and unedited moved paragraphs
 */
public record ParagraphChange(Kind kind, int before, int after, String beforeText, String afterText, List<Span> spans) {

    /** What happened to a paragraph. */
    public enum Kind {
        /** New in the later snapshot. */
        ADDED,
        /** Gone from the later snapshot. */
        REMOVED,
        /** Edited in place: the same paragraph with words inserted or deleted. */
        CHANGED,
        /** Found elsewhere in the later snapshot, the same or nearly so (spans show any edit). */
        MOVED,
        /** One paragraph became several consecutive ones. */
        SPLIT,
        /** Several consecutive paragraphs became one. */
        MERGED
    }

    public ParagraphChange {
        spans = List.copyOf(spans);
    }

    /**
     * Where the change is, in paragraph numbers: {@code "¶3"} for a paragraph edited in place,
     * {@code "¶2 → ¶5"} for a move, {@code "¶2 → ¶2–3"} for a split, {@code "¶4"} for a paragraph
     * added or removed (numbered in the snapshot that has it).
     */
    public String where() {
        String from = range(before, beforeText);
        String to = range(after, afterText);
        return switch (kind) {
            case ADDED -> to;
            case REMOVED -> from;
            default -> from.equals(to) ? to : from + " → " + to;
        };
    }

    private static String range(int first, String text) {
        int count = (int) text.chars().filter(c -> c == '\n').count() + 1;
        return count == 1 ? "¶" + first : "¶" + first + "–" + (first + count - 1);
    }

    /** Words inserted: a whole added paragraph's, or those of the inserted spans. */
    public int wordsAdded() {
        return kind == Kind.ADDED ? Words.count(afterText) : count(Span.Op.INSERT);
    }

    /** Words deleted: a whole removed paragraph's, or those of the deleted spans. */
    public int wordsRemoved() {
        return kind == Kind.REMOVED ? Words.count(beforeText) : count(Span.Op.DELETE);
    }

    private int count(Span.Op op) {
        int words = 0;
        for (Span span : spans) {
            if (span.op() == op && !span.isBreak()) {
                words += Words.count(span.text());
            }
        }
        return words;
    }
}
