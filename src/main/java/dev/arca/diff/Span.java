package dev.arca.diff;

/**
 * A run of words inside a paired paragraph: the same on both sides, inserted, or deleted.
 *
 * <p>Spans are word runs: put one space between two spans, except around a span whose text is
 * {@code "\n"}, which is a paragraph break (in a split or merged paragraph). The equal and deleted
 * spans, in order, spell the paragraph before; the equal and inserted spans the paragraph after.
 *
 * @param op   what happened to the words
 * @param text the words, separated by single spaces, or {@code "\n"} for a paragraph break
 */
public record Span(Op op, String text) {

    /** What happened to a run of words. */
    public enum Op {
        EQUAL, INSERT, DELETE
    }

    /** The paragraph break inside a split or merged paragraph. */
    public static final String BREAK = "\n";

    public boolean isBreak() {
        return BREAK.equals(text);
    }
}
