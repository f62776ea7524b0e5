package dev.arca.render;

import dev.arca.extract.ControlCharacters;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Converts an article's clean HTML into CommonMark in one iterative pass over the DOM, so deep
 * nesting cannot overflow the stack and a long article costs well under a millisecond.
 *
 * <p>It covers what the extractor keeps: headings, paragraphs, lists, blockquotes, code, tables,
 * figures with captions, links, images and emphasis. Empty links and empty emphasis are dropped,
 * runs of blank lines collapse, and only absolute http(s) images and links are written.
 *
 * <p>Page text cannot break out of it: text and URLs are written through {@link MarkdownSyntax},
 * and control characters are dropped.
 */
final class HtmlToMarkdown implements NodeFilter {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "aside", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
            "pre", "table", "hr", "dl", "dt", "dd", "address", "details", "summary", "center");

    /** Inline elements written as marks around their content. */
    private static final Set<String> SPANS = Set.of("a", "em", "i", "strong", "b", "code", "del", "s", "figcaption");

    private static final int MAX_LIST_NUMBER = 999_999_999;

    /** A container whose blocks share a line prefix: a blockquote, or a list item. */
    private static final class Container {
        final String first;
        final String rest;
        final boolean item;
        boolean started;

        Container(String first, String rest, boolean item) {
            this.first = first;
            this.rest = rest;
            this.item = item;
        }
    }

    /** An open ordered or bullet list, with the number of its next item. */
    private static final class ListState {
        final boolean ordered;
        int next;

        ListState(boolean ordered, int start) {
            this.ordered = ordered;
            this.next = start;
        }
    }

    /**
     * An inline element open in the current paragraph. A block inside it (a link around a figure's
     * {@code <div>}, emphasis around paragraphs) ends the paragraph: the span is closed there and
     * opened again after the block, so each block carries its own marks.
     */
    private static final class Span {
        final String tag;
        /** For a link: its absolute http(s) target, or null when it is not written as a link. */
        final String href;
        /** Opened inside code, where marks would be read as code text. */
        final boolean literal;
        int start;

        Span(String tag, String href, boolean literal, int start) {
            this.tag = tag;
            this.href = href;
            this.literal = literal;
            this.start = start;
        }
    }

    private final ImageLinks images;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();
    private final Deque<Container> containers = new ArrayDeque<>();
    private final Deque<ListState> lists = new ArrayDeque<>();
    private final Deque<Span> spans = new ArrayDeque<>();
    private String headingPrefix = "";
    private boolean lastBlockStartedItem;
    private int preDepth;
    private int codeDepth;

    private HtmlToMarkdown(ImageLinks images) {
        this.images = images;
    }

    /** The Markdown for the children of {@code root}, images linked to their own absolute URLs. */
    static String convert(Element root) {
        return convert(root, ImageLinks.original());
    }

    /**
     * The Markdown for the children of {@code root}, images linked as {@code images} says (an
     * image without a link is left out); a link is either an absolute http(s) URL or a relative
     * path that arca made.
     */
    static String convert(Element root, ImageLinks images) {
        HtmlToMarkdown converter = new HtmlToMarkdown(images);
        for (Node child : new ArrayList<>(root.childNodes())) {
            NodeTraversor.filter(converter, child);
        }
        converter.flush();
        return converter.out.toString().strip();
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode text) {
            if (preDepth > 0) {
                inline.append(ControlCharacters.text(text.getWholeText()));
            } else {
                appendText(ControlCharacters.line(text.getWholeText()));
            }
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element el)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        String tag = el.normalName();
        if (tag.equals("pre")) {
            if (preDepth == 0) {
                flush();
            }
            preDepth++; // a <pre> inside a <pre> is part of the same code block
            return FilterResult.CONTINUE;
        }
        if (preDepth > 0) {
            if (tag.equals("br")) {
                inline.append('\n');
            }
            return FilterResult.CONTINUE;
        }
        if (BLOCKS.contains(tag)) {
            flush();
        }
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> headingPrefix = "#".repeat(tag.charAt(1) - '0') + " ";
            case "blockquote" -> containers.push(new Container("> ", "> ", false));
            case "ul", "ol" -> {
                if (containers.isEmpty() || !containers.peek().item) {
                    lastBlockStartedItem = false; // a new list, not one nested in an item: set it apart
                }
                lists.push(new ListState(tag.equals("ol"), tag.equals("ol") ? parseStart(el) : 1));
            }
            case "li" -> startItem();
            case "table" -> {
                writeBlock(table(el));
                return FilterResult.SKIP_CHILDREN;
            }
            case "hr" -> writeBlock("---");
            case "br" -> inline.append('\n');
            case "img" -> image(el);
            default -> {
                if (SPANS.contains(tag)) {
                    openSpan(el, tag);
                }
            }
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (!(node instanceof Element el)) {
            return FilterResult.CONTINUE;
        }
        String tag = el.normalName();
        if (tag.equals("pre")) {
            if (--preDepth == 0) {
                codeBlock();
            }
            return FilterResult.CONTINUE;
        }
        if (preDepth > 0) {
            return FilterResult.CONTINUE;
        }
        if (SPANS.contains(tag)) {
            closeSpan(spans.pop());
            if (tag.equals("code")) {
                codeDepth--;
            }
        }
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                flush();
                headingPrefix = ""; // an empty heading leaves no prefix for the next paragraph
            }
            case "blockquote", "li" -> {
                flush();
                containers.pop();
            }
            case "ul", "ol" -> {
                flush();
                lists.pop();
            }
            default -> {
                if (BLOCKS.contains(tag)) {
                    flush();
                }
            }
        }
        return FilterResult.CONTINUE;
    }

    private void openSpan(Element el, String tag) {
        boolean literal = codeDepth > 0;
        String href = null;
        // CommonMark links cannot nest: the outermost written link wins
        if (tag.equals("a") && !literal && spans.stream().noneMatch(span -> span.href != null)) {
            String url = absolute(el, "href");
            href = MarkdownSyntax.isWebUrl(url) ? url : null;
        }
        spans.push(new Span(tag, href, literal, inline.length()));
        if (tag.equals("code")) {
            codeDepth++;
        }
    }

    /**
     * Replaces the content of {@code span} by its Markdown. An empty span disappears, and spaces
     * at its edges move outside the marks, where CommonMark needs them.
     */
    private void closeSpan(Span span) {
        String inner = inline.substring(span.start);
        inline.setLength(span.start);
        String core = inner.strip();
        if (core.isEmpty()) {
            if (!inner.isEmpty()) {
                appendSpace();
            }
            return;
        }
        if (Character.isWhitespace(inner.charAt(0))) {
            appendSpace();
        }
        inline.append(span.literal ? core : marked(span, core));
        if (Character.isWhitespace(inner.charAt(inner.length() - 1))) {
            appendSpace();
        }
    }

    private static String marked(Span span, String core) {
        return switch (span.tag) {
            case "a" -> span.href == null ? core : "[" + core + "](" + MarkdownSyntax.destination(span.href) + ")";
            case "em", "i", "figcaption" -> "*" + core + "*";
            case "strong", "b" -> "**" + core + "**";
            case "code" -> MarkdownSyntax.codeSpan(core);
            default -> "~~" + core + "~~";
        };
    }

    /** Writes the {@code <pre>} just closed as a fenced block whose fence no line inside can close. */
    private void codeBlock() {
        String code = inline.toString().replaceAll("\\n+$", "");
        inline.setLength(0);
        if (code.isBlank()) {
            return;
        }
        writeBlock(MarkdownSyntax.codeBlock(code));
    }

    private void image(Element img) {
        String src = images.link(img).orElse(null);
        if (src == null) {
            return;
        }
        String alt = MarkdownSyntax.escape(Bylines.oneLine(img.attr("alt")));
        inline.append("![").append(alt).append("](").append(MarkdownSyntax.destination(src)).append(')');
    }

    /** The attribute as an absolute URL; the extractor already made most of them absolute, which is cheap to see. */
    private static String absolute(Element el, String attribute) {
        String value = el.attr(attribute);
        return MarkdownSyntax.isWebUrl(value) ? value : el.absUrl(attribute);
    }

    private void startItem() {
        ListState list = lists.peek();
        String marker = list == null || !list.ordered ? "* " : Math.min(MAX_LIST_NUMBER, list.next++) + ". ";
        containers.push(new Container(marker, " ".repeat(marker.length()), true));
    }

    /** The first number of an ordered list, within the nine digits CommonMark reads. */
    private static int parseStart(Element ol) {
        try {
            return Math.max(0, Math.min(MAX_LIST_NUMBER, Integer.parseInt(ol.attr("start").strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void appendText(String text) {
        StringBuilder collapsed = new StringBuilder(text.length());
        boolean space = inline.length() == 0 || endsWithSpace(inline);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00a0') {
                if (!space) {
                    collapsed.append(' ');
                }
                space = true;
            } else {
                collapsed.append(c);
                space = false;
            }
        }
        inline.append(codeDepth > 0 ? collapsed : MarkdownSyntax.escape(collapsed));
    }

    private void appendSpace() {
        if (inline.length() > 0 && !endsWithSpace(inline)) {
            inline.append(' ');
        }
    }

    private static boolean endsWithSpace(CharSequence s) {
        char c = s.charAt(s.length() - 1);
        return c == ' ' || c == '\n';
    }

    /**
     * Ends the current paragraph or heading and writes it out. Spans still open are closed here
     * and opened again for what follows the block.
     */
    private void flush() {
        if (preDepth > 0) {
            return;
        }
        for (Span span : spans) { // innermost first
            closeSpan(span);
        }
        String text = inline.toString().strip();
        inline.setLength(0);
        spans.forEach(span -> span.start = 0);
        if (text.isEmpty()) {
            return;
        }
        String block = headingPrefix.isEmpty() ? MarkdownSyntax.lineStarts(text) : headingPrefix + MarkdownSyntax.heading(text);
        headingPrefix = "";
        writeBlock(block);
    }

    /**
     * Writes a finished block with the prefixes of its containers. Blocks are separated by a blank
     * line, except consecutive list items, which stay tight.
     */
    private void writeBlock(String block) {
        if (block.isEmpty()) {
            return;
        }
        List<Container> outerFirst = new ArrayList<>(containers);
        Collections.reverse(outerFirst);
        Container innermost = containers.peek();
        boolean startsItem = innermost != null && innermost.item && !innermost.started;
        if (out.length() > 0) {
            out.append('\n');
            if (!(startsItem && lastBlockStartedItem)) {
                // the blank line keeps the prefixes of the containers it stays inside, so a quote goes on
                StringBuilder blank = new StringBuilder();
                outerFirst.stream().filter(c -> c.started).forEach(c -> blank.append(c.rest));
                out.append(blank.toString().stripTrailing()).append('\n');
            }
        }
        String[] lines = block.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            StringBuilder line = new StringBuilder();
            for (Container c : outerFirst) {
                line.append(c.started || i > 0 ? c.rest : c.first);
            }
            out.append(line.append(lines[i]).toString().stripTrailing());
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        outerFirst.forEach(c -> c.started = true);
        lastBlockStartedItem = startsItem;
    }

    private static String table(Element table) {
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            List<String> cells = new ArrayList<>();
            for (Element cell : tr.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                    cells.add(MarkdownSyntax.escape(Bylines.oneLine(cell.text())).replace("|", "\\|"));
                }
            }
            if (!cells.isEmpty()) {
                rows.add(cells);
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        int width = rows.stream().mapToInt(List::size).max().orElse(1);
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            sb.append('|');
            for (int c = 0; c < width; c++) {
                sb.append(' ').append(c < row.size() ? row.get(c) : "").append(" |");
            }
            sb.append('\n');
            if (r == 0) {
                sb.append('|').append(" --- |".repeat(width)).append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }
}
