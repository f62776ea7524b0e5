package dev.arca.diff;

import dev.arca.render.MarkdownSyntax;

import java.util.List;
import java.util.Locale;

/**
 * A diff as Markdown (CommonMark with GitHub's tables and strikethrough): a heading naming the two
 * snapshots, a table of the metadata that changed, then one section per paragraph change, deleted
 * words {@code ~~struck~~} and inserted ones {@code **bold**}. Page text is escaped so that it reads
 * back as text and nothing else.
 */
public final class MarkdownDiffRenderer {

    public String render(ArticleDiff diff, String beforeLabel, String afterLabel) {
        StringBuilder md = new StringBuilder("# Changes from ").append(MarkdownSyntax.gfmLine(PlainLine.label(beforeLabel)))
                .append(" to ").append(MarkdownSyntax.gfmLine(PlainLine.label(afterLabel))).append("\n\n");
        if (diff.isEmpty()) {
            return md.append("No changes.\n").toString();
        }
        if (!diff.fields().isEmpty()) {
            md.append("| field | before | after |\n| --- | --- | --- |\n");
            for (FieldChange field : diff.fields()) {
                md.append("| ").append(field.field().key()).append(" | ").append(cell(field.before()))
                        .append(" | ").append(cell(field.after())).append(" |\n");
            }
            md.append('\n');
        }
        for (ParagraphChange change : diff.paragraphs()) {
            md.append("## ").append(change.where()).append(' ').append(change.kind().name().toLowerCase(Locale.ROOT)).append("\n\n");
            List<Span> spans = switch (change.kind()) {
                case REMOVED -> List.of(new Span(Span.Op.DELETE, change.beforeText().replace("\n", " ")));
                case ADDED -> List.of(new Span(Span.Op.EQUAL, change.afterText().replace("\n", " ")));
                default -> change.spans().isEmpty() ? List.of(new Span(Span.Op.EQUAL, change.afterText())) : change.spans();
            };
            md.append(Marks.join(spans, null, MarkdownDiffRenderer::mark)).append("\n\n");
        }
        return md.toString().stripTrailing() + "\n";
    }

    private static String mark(Span span) {
        if (span.isBreak()) {
            return switch (span.op()) {
                case EQUAL -> "\n\n";
                case DELETE -> " ~~¶~~\n\n";
                case INSERT -> " **¶**\n\n";
            };
        }
        String text = MarkdownSyntax.gfmLine(span.text());
        return switch (span.op()) {
            case EQUAL -> text;
            case DELETE -> "~~" + text + "~~";
            case INSERT -> "**" + text + "**";
        };
    }

    private static String cell(String value) {
        return value == null ? "" : MarkdownSyntax.gfmLine(value);
    }

}
