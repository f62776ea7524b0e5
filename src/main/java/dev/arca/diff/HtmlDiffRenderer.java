package dev.arca.diff;

import dev.arca.render.HtmlPageRenderer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.util.List;
import java.util.Locale;

/**
 * A diff as a standalone side-by-side HTML page: the two snapshots in two columns, one row per
 * changed field and per paragraph change, deleted words in {@code <del>} on the left and inserted
 * ones in {@code <ins>} on the right.
 *
 * <p>As safe to open as {@code restore --as html}: every piece of page text is written as an
 * escaped text node (never as markup), the page has no script, link or image, and the same
 * Content-Security-Policy forbids scripts and every network fetch.
 */
public final class HtmlDiffRenderer {

    private static final String STYLE = "body{margin:2rem;font:1rem/1.5 Georgia,serif;color:#222}"
            + "table{border-collapse:collapse;width:100%;table-layout:fixed}"
            + "th,td{border-top:1px solid #ddd;padding:.5rem;vertical-align:top;text-align:left}"
            + "th.where{width:9rem;color:#555;font:.85rem sans-serif}"
            + "del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}"
            + "td.removed{background:#fff5f5}td.added{background:#f5fff5}p{margin:0 0 .5rem}";

    public String render(ArticleDiff diff, String beforeLabel, String afterLabel) {
        Document page = Document.createShell("");
        page.outputSettings().charset("UTF-8").escapeMode(Entities.EscapeMode.base).prettyPrint(true);
        Element head = page.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("http-equiv", "Content-Security-Policy").attr("content", HtmlPageRenderer.CONTENT_SECURITY_POLICY);
        head.appendElement("meta").attr("name", "referrer").attr("content", "no-referrer");
        String before = PlainLine.label(beforeLabel);
        String after = PlainLine.label(afterLabel);
        head.appendElement("title").text("Changes from " + before + " to " + after);
        head.appendElement("style").appendText(STYLE);
        Element body = page.body();
        body.appendElement("h1").text("Changes from " + before + " to " + after);
        if (diff.isEmpty()) {
            body.appendElement("p").text("No changes.");
            return "<!DOCTYPE html>\n" + page.html() + "\n";
        }
        Element table = body.appendElement("table");
        Element heading = table.appendElement("thead").appendElement("tr");
        heading.appendElement("th").addClass("where");
        heading.appendElement("th").text(before);
        heading.appendElement("th").text(after);
        Element rows = table.appendElement("tbody");
        for (FieldChange field : diff.fields()) {
            Element row = rows.appendElement("tr");
            row.appendElement("th").addClass("where").text(field.field().key());
            row.appendElement("td").addClass("removed").appendElement("del").text(field.before() == null ? "" : field.before());
            row.appendElement("td").addClass("added").appendElement("ins").text(field.after() == null ? "" : field.after());
        }
        for (ParagraphChange change : diff.paragraphs()) {
            Element row = rows.appendElement("tr");
            row.appendElement("th").addClass("where").text(change.where() + " " + change.kind().name().toLowerCase(Locale.ROOT));
            Element left = row.appendElement("td").addClass("removed");
            Element right = row.appendElement("td").addClass("added");
            switch (change.kind()) {
                case ADDED -> side(right, List.of(new Span(Span.Op.INSERT, change.afterText())), null);
                case REMOVED -> side(left, List.of(new Span(Span.Op.DELETE, change.beforeText())), null);
                default -> {
                    List<Span> spans = change.spans().isEmpty() ? List.of(new Span(Span.Op.EQUAL, change.afterText())) : change.spans();
                    side(left, spans, Span.Op.INSERT);
                    side(right, spans, Span.Op.DELETE);
                }
            }
        }
        return "<!DOCTYPE html>\n" + page.html() + "\n";
    }

    /** One side of a change as paragraphs, without the spans of the other side. */
    private static void side(Element cell, List<Span> spans, Span.Op skip) {
        Element paragraph = cell.appendElement("p");
        boolean words = false;
        for (Span span : spans) {
            if (span.op() == skip) {
                continue;
            }
            if (span.isBreak()) {
                if (span.op() != Span.Op.EQUAL) {
                    append(paragraph, span.op(), (words ? " " : "") + "¶");
                }
                paragraph = cell.appendElement("p");
                words = false;
            } else {
                append(paragraph, span.op(), (words ? " " : "") + span.text());
                words = true;
            }
        }
    }

    private static void append(Element paragraph, Span.Op op, String text) {
        switch (op) {
            case EQUAL -> paragraph.appendText(text);
            case DELETE -> paragraph.appendElement("del").text(text);
            case INSERT -> paragraph.appendElement("ins").text(text);
        }
    }

}
