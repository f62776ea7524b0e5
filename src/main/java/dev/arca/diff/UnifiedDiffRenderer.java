package dev.arca.diff;

import java.util.List;

/**
 * A diff as unified text, like {@code diff -u} over paragraphs: a {@code ---}/{@code +++} header,
 * then one {@code @@ ... @@} hunk per changed field and per paragraph change, removed lines with
 * {@code -}, added ones with {@code +}, and inside an edited paragraph the words marked as
 * {@code git diff --word-diff} does: {@code [-deleted-]{+inserted+}}, or in red and green
 * without brackets when colour is asked for. A paragraph break in a split or merged paragraph is
 * shown as {@code ¶}. The text holds no control character but the colour codes arca writes.
 */
public final class UnifiedDiffRenderer {

    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String CYAN = "\u001b[36m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    /** @param colour ANSI colours (for a terminal) instead of bracket marks */
    public UnifiedDiffRenderer(boolean colour) {
        this.colour = colour;
    }

    /** The diff, headed by the two snapshots' labels (such as an ID and a capture time). */
    public String render(ArticleDiff diff, String beforeLabel, String afterLabel) {
        StringBuilder out = new StringBuilder();
        out.append(paint(BOLD, "--- " + PlainLine.label(beforeLabel))).append('\n');
        out.append(paint(BOLD, "+++ " + PlainLine.label(afterLabel))).append('\n');
        for (FieldChange field : diff.fields()) {
            hunk(out, field.field().key());
            if (field.before() != null) {
                out.append(paint(RED, "-" + field.before())).append('\n');
            }
            if (field.after() != null) {
                out.append(paint(GREEN, "+" + field.after())).append('\n');
            }
        }
        for (ParagraphChange change : diff.paragraphs()) {
            hunk(out, change.where() + " " + change.kind().name().toLowerCase(java.util.Locale.ROOT));
            switch (change.kind()) {
                case REMOVED -> lines(out, "-", RED, change.beforeText());
                case ADDED -> lines(out, "+", GREEN, change.afterText());
                default -> {
                    List<Span> spans = change.spans().isEmpty() ? List.of(new Span(Span.Op.EQUAL, change.afterText())) : change.spans();
                    out.append(' ').append(Marks.join(spans, null, this::mark)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private void hunk(StringBuilder out, String what) {
        out.append(paint(CYAN, "@@ " + what + " @@")).append('\n');
    }

    private void lines(StringBuilder out, String prefix, String colourCode, String text) {
        for (String line : text.split("\n", -1)) {
            out.append(paint(colourCode, prefix + line)).append('\n');
        }
    }

    private String mark(Span span) {
        String text = span.isBreak() ? "¶" : span.text();
        String shown = switch (span.op()) {
            case EQUAL -> span.isBreak() ? "" : text;
            case DELETE -> colour ? RED + text + RESET : "[-" + text + "-]";
            case INSERT -> colour ? GREEN + text + RESET : "{+" + text + "+}";
        };
        return span.isBreak() ? shown + "\n " : shown;
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

}
