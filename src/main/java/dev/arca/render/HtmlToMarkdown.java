package dev.arca.render;

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
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Converts an article's clean HTML into CommonMark in one iterative pass over the DOM, so deep
 * nesting cannot overflow the stack and a long article costs well under a millisecond.
 *
 * <p>It covers what the extractor keeps: headings, paragraphs, lists, blockquotes, code, tables,
 * figures with captions, links, images and emphasis. Empty links and empty emphasis are dropped,
 * runs of blank lines collapse, and only absolute http(s) images and links are written.
 */
final class HtmlToMarkdown implements NodeFilter {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "aside", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
            "pre", "table", "hr", "dl", "dt", "dd", "address", "details", "summary", "center");

    private static final Pattern LINE_SYNTAX = Pattern.compile("(#{1,6}|>|[-+]|\\d{1,9}[.)])(\\s.*)?", Pattern.DOTALL);

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

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();
    private final Deque<Container> containers = new ArrayDeque<>();
    private final Deque<ListState> lists = new ArrayDeque<>();
    private final Deque<Integer> openInline = new ArrayDeque<>();
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
                inline.append(text.getWholeText());
            } else {
                appendText(text.getWholeText());
            }
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element el)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        String tag = el.normalName();
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
            case "pre" -> {
                preDepth++;
                inline.setLength(0);
            }
            case "table" -> {
                writeBlock(table(el));
                return FilterResult.SKIP_CHILDREN;
            }
            case "hr" -> writeBlock("---");
            case "br" -> inline.append('\n');
            case "img" -> image(el);
            case "a", "em", "i", "strong", "b", "code", "del", "s", "figcaption" -> {
                openInline.push(inline.length());
                inline.append(openMark(tag));
                if (tag.equals("code")) {
                    codeDepth++;
                }
            }
            default -> {
                // other elements only carry their children
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
            preDepth--;
            String code = inline.toString().replaceAll("\\n+$", "");
            inline.setLength(0);
            writeBlock("```\n" + code + "\n```");
            return FilterResult.CONTINUE;
        }
        if (preDepth > 0) {
            return FilterResult.CONTINUE;
        }
        switch (tag) {
            case "a" -> closeLink(el);
            case "code" -> {
                codeDepth--;
                closeCode();
            }
            case "em", "i", "strong", "b", "del", "s" -> closeMark(openMark(tag));
            case "figcaption" -> {
                closeMark(openMark(tag));
                flush();
            }
            case "blockquote" -> {
                flush();
                containers.pop();
            }
            case "li" -> {
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

    private static String openMark(String tag) {
        return switch (tag) {
            case "a" -> "[";
            case "em", "i", "figcaption" -> "*";
            case "strong", "b" -> "**";
            case "code" -> "`";
            default -> "~~";
        };
    }

    private void closeMark(String mark) {
        int start = openInline.pop();
        closeSpan(start, start + mark.length(), core -> mark + core + mark);
    }

    private void closeCode() {
        int start = openInline.pop();
        closeSpan(start, start + 1, code -> code.contains("`") ? "`` " + code + " ``" : "`" + code + "`");
    }

    private void closeLink(Element a) {
        int start = openInline.pop();
        String href = absolute(a, "href");
        closeSpan(start, start + 1, text -> isWebUrl(href)
                ? "[" + text + "](" + href.replace(")", "%29").replace(" ", "%20") + ")" : text);
    }

    /**
     * Replaces the span opened at {@code start} by {@code wrap} of its content. An empty span
     * disappears, and spaces at its edges move outside the marks, where CommonMark needs them.
     */
    private void closeSpan(int start, int contentStart, UnaryOperator<String> wrap) {
        String inner = inline.substring(Math.min(inline.length(), contentStart));
        inline.setLength(Math.min(inline.length(), start));
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
        inline.append(wrap.apply(core));
        if (Character.isWhitespace(inner.charAt(inner.length() - 1))) {
            appendSpace();
        }
    }

    private void image(Element img) {
        String src = absolute(img, "src");
        if (!isWebUrl(src)) {
            return;
        }
        String alt = escape(img.attr("alt").strip().replaceAll("\\s+", " "));
        inline.append("![").append(alt).append("](").append(src.replace(")", "%29").replace(" ", "%20")).append(')');
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
        String marker = list == null ? "* " : list.ordered ? (list.next++) + ". " : "* ";
        containers.push(new Container(marker, " ".repeat(marker.length()), true));
    }

    private static int parseStart(Element ol) {
        try {
            return Integer.parseInt(ol.attr("start").strip());
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

    /** Escapes what Markdown would otherwise read as syntax, and nothing else. */
    static String escape(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean syntax = switch (c) {
                case '\\', '*', '`', '[', ']' -> true;
                case '_' -> i == 0 || i == text.length() - 1
                        || !Character.isLetterOrDigit(text.charAt(i - 1)) || !Character.isLetterOrDigit(text.charAt(i + 1));
                case '<' -> i + 1 < text.length() && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '/');
                default -> false;
            };
            if (syntax) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Ends the current paragraph or heading and writes it out. */
    private void flush() {
        if (preDepth > 0) {
            return;
        }
        String text = inline.toString().strip();
        inline.setLength(0);
        openInline.clear();
        if (text.isEmpty()) {
            return;
        }
        String block = headingPrefix.isEmpty() ? escapeLineStarts(text) : headingPrefix + text.replace('\n', ' ');
        headingPrefix = "";
        writeBlock(block);
    }

    /** A line that begins with #, >, -, + or "1." would become a heading, quote or list. */
    private static String escapeLineStarts(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            String trimmed = line.stripLeading();
            if (sb.length() > 0) {
                sb.append('\n');
            }
            if (LINE_SYNTAX.matcher(trimmed).matches()) {
                int cut = trimmed.indexOf(' ') < 0 ? trimmed.length() : trimmed.indexOf(' ');
                int mark = trimmed.charAt(0) >= '0' && trimmed.charAt(0) <= '9' ? cut - 1 : 0;
                sb.append(trimmed, 0, mark).append('\\').append(trimmed.substring(mark));
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
                    cells.add(escape(cell.text()).replace("|", "\\|"));
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
