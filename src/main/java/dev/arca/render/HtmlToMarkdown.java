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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts an article's clean HTML into CommonMark in one iterative pass over the DOM, so deep
 * nesting cannot overflow the stack and a long article costs well under a millisecond.
 *
 * <p>It covers what the extractor keeps: headings, paragraphs, lists, blockquotes, code, tables,
 * figures with captions, links, images and emphasis. Empty links and empty emphasis are dropped,
 * runs of blank lines collapse, and only absolute http(s) images and links are written.
 *
 * <p>Page text cannot break out of it: what CommonMark would read as syntax (HTML, autolinks,
 * entities, emphasis, link brackets, and block markers at the start of a line) is escaped, code
 * fences and code spans are longer than any backtick run inside them, URLs are percent-encoded
 * where CommonMark would end them, and control characters are dropped. Ordinary prose is left as
 * it is.
 */
final class HtmlToMarkdown implements NodeFilter {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "aside", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
            "pre", "table", "hr", "dl", "dt", "dd", "address", "details", "summary", "center");

    /** Inline elements written as marks around their content. */
    private static final Set<String> SPANS = Set.of("a", "em", "i", "strong", "b", "code", "del", "s", "figcaption");

    /**
     * The start of a line CommonMark would read as a block: an ATX heading, a list item, a quote, a
     * tilde fence, or a setext underline or thematic break.
     */
    private static final Pattern LINE_SYNTAX = Pattern.compile("(#{1,6}|[-+*]|\\d{1,9}[.)])(\\s.*)?|>.*|~~~.*|[-=][-=\\s]*");

    /** A character reference CommonMark would decode. */
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

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

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();
    private final Deque<Container> containers = new ArrayDeque<>();
    private final Deque<ListState> lists = new ArrayDeque<>();
    private final Deque<Span> spans = new ArrayDeque<>();
    private String headingPrefix = "";
    private boolean lastBlockStartedItem;
    private int preDepth;
    private int codeDepth;

    /** The Markdown for the children of {@code root}. */
    static String convert(Element root) {
        HtmlToMarkdown converter = new HtmlToMarkdown();
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
            href = isWebUrl(url) ? url : null;
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
            case "a" -> span.href == null ? core : "[" + core + "](" + destination(span.href) + ")";
            case "em", "i", "figcaption" -> "*" + core + "*";
            case "strong", "b" -> "**" + core + "**";
            case "code" -> codeSpan(core);
            default -> "~~" + core + "~~";
        };
    }

    /** A code span whose backtick fence is longer than any run inside; line breaks become the spaces CommonMark reads them as. */
    private static String codeSpan(String code) {
        String flat = code.replace('\n', ' ');
        int longest = longestRun(flat, '`');
        String fence = "`".repeat(longest + 1);
        return longest > 0 ? fence + " " + flat + " " + fence : fence + flat + fence;
    }

    /** Writes the {@code <pre>} just closed as a fenced block whose fence no line inside can close. */
    private void codeBlock() {
        String code = inline.toString().replaceAll("\\n+$", "");
        inline.setLength(0);
        if (code.isBlank()) {
            return;
        }
        String fence = "`".repeat(Math.max(3, longestRun(code, '`') + 1));
        writeBlock(fence + "\n" + code + "\n" + fence);
    }

    private static int longestRun(String s, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private void image(Element img) {
        String src = absolute(img, "src");
        if (!isWebUrl(src)) {
            return;
        }
        String alt = escape(Bylines.oneLine(img.attr("alt")));
        inline.append("![").append(alt).append("](").append(destination(src)).append(')');
    }

    /**
     * A link or image destination that CommonMark reads back whole: characters that would end it
     * or start an escape (space, controls, angle brackets, parentheses, backslash) percent-encoded,
     * and an {@code &} that would start a character reference escaped.
     */
    private static String destination(String url) {
        StringBuilder sb = new StringBuilder(url.length() + 8);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || ControlCharacters.isControl(c) || c == '<' || c == '>' || c == '(' || c == ')' || c == '\\') {
                percentEncode(sb, c);
            } else {
                if (c == '&' && ENTITY.matcher(url).region(i, url.length()).lookingAt()) {
                    sb.append('\\');
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void percentEncode(StringBuilder sb, char c) {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
            sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
    }

    /** An autolink to an http(s) URL, percent-encoded where an autolink would end; any other URL as plain text. */
    static String autolink(String url) {
        String clean = url.strip();
        if (!isWebUrl(clean)) {
            return paragraph(clean);
        }
        StringBuilder sb = new StringBuilder(clean.length() + 2).append('<');
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c <= ' ' || ControlCharacters.isControl(c) || c == '<' || c == '>') {
                percentEncode(sb, c);
            } else {
                sb.append(c);
            }
        }
        return sb.append('>').toString();
    }

    /** The attribute as an absolute URL; the extractor already made most of them absolute, which is cheap to see. */
    private static String absolute(Element el, String attribute) {
        String value = el.attr(attribute);
        return isWebUrl(value) ? value : el.absUrl(attribute);
    }

    private static boolean isWebUrl(String url) {
        return url.startsWith("http://") || url.startsWith("https://");
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
        inline.append(codeDepth > 0 ? collapsed : escape(collapsed));
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
     * Escapes what CommonMark would read as inline syntax, and nothing else: backslashes, emphasis
     * marks, backticks, brackets, a {@code <} that could open HTML or an autolink, and an
     * {@code &} that starts a character reference. Text ends where the next text node may begin,
     * so a {@code <} or {@code &} at the very end is escaped too.
     */
    static String escape(CharSequence text) {
        int n = text.length();
        StringBuilder sb = new StringBuilder(n + 8);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean syntax = switch (c) {
                case '\\', '*', '`', '[', ']' -> true;
                case '_' -> i == 0 || i == n - 1
                        || !Character.isLetterOrDigit(text.charAt(i - 1)) || !Character.isLetterOrDigit(text.charAt(i + 1));
                case '<' -> i + 1 == n || isAsciiLetter(text.charAt(i + 1)) || "/!?".indexOf(text.charAt(i + 1)) >= 0;
                case '&' -> i + 1 == n || ENTITY.matcher(text).region(i, n).lookingAt();
                default -> false;
            };
            if (syntax) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
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
        String block = headingPrefix.isEmpty() ? escapeLineStarts(text) : headingPrefix + heading(text);
        headingPrefix = "";
        writeBlock(block);
    }

    /** Escaped text as a paragraph: inline syntax and block markers at line starts escaped. */
    static String paragraph(String text) {
        return escapeLineStarts(escape(text));
    }

    /**
     * The content of an ATX heading: one line, and a trailing run of {@code #} escaped so that
     * CommonMark does not take it for the closing sequence.
     */
    static String heading(String text) {
        String line = text.replace('\n', ' ');
        int run = line.length();
        while (run > 0 && line.charAt(run - 1) == '#') {
            run--;
        }
        boolean closing = run < line.length() && (run == 0 || line.charAt(run - 1) == ' ' || line.charAt(run - 1) == '\t');
        return closing ? line.substring(0, run) + "\\" + line.substring(run) : line;
    }

    /** A line that would start a heading, list, quote, fence, setext underline or thematic break gets its marker escaped. */
    private static String escapeLineStarts(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            String trimmed = line.stripLeading();
            if (trimmed.isEmpty()) {
                continue; // a blank line would end the paragraph, and a link or emphasis across it
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            if (LINE_SYNTAX.matcher(trimmed).matches()) {
                int mark = 0;
                while (mark < trimmed.length() - 1 && trimmed.charAt(mark) >= '0' && trimmed.charAt(mark) <= '9') {
                    mark++;
                }
                sb.append(trimmed, 0, mark).append('\\').append(trimmed, mark, trimmed.length());
            } else {
                sb.append(trimmed);
            }
        }
        return sb.toString();
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
                    cells.add(escape(Bylines.oneLine(cell.text())).replace("|", "\\|"));
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
