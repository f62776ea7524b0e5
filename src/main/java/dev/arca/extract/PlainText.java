package dev.arca.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain-text form of a body: one line per block (paragraph, heading, list item, table row,
 * {@code <br>}), whitespace collapsed except inside {@code <pre>}, no blank lines.
 */
final class PlainText {

    private PlainText() {
    }

    /** The text of {@code root}, blocks separated by {@code \n}. */
    public static String of(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            private int pre;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    if (pre > 0) {
                        out.append(t.getWholeText());
                    } else {
                        appendCollapsed(out, t.getWholeText());
                    }
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("pre")) {
                        pre++;
                    }
                    if (tag.equals("br") || Block.isBlock(tag) || tag.equals("td") || tag.equals("th")) {
                        newline(out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("pre")) {
                        pre--;
                    }
                    if (Block.isBlock(tag) && !tag.equals("br")) {
                        newline(out);
                    }
                }
            }
        }, root);
        return tidyLines(out);
    }

    private static void appendCollapsed(StringBuilder out, String s) {
        boolean space = out.length() == 0 || isSpace(out.charAt(out.length() - 1));
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else {
                out.append(c);
                space = false;
            }
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0' || c == '\u200b';
    }

    private static void newline(StringBuilder out) {
        int len = out.length();
        while (len > 0 && out.charAt(len - 1) == ' ') {
            len--;
        }
        out.setLength(len);
        if (len > 0 && out.charAt(len - 1) != '\n') {
            out.append('\n');
        }
    }

    /** Strips every line and drops empty ones, compacting the builder in place (pages can be huge). */
    private static String tidyLines(StringBuilder s) {
        int write = 0;
        int n = s.length();
        int read = 0;
        while (read < n) {
            int end = read;
            while (end < n && s.charAt(end) != '\n') {
                end++;
            }
            int from = read;
            int to = end;
            while (from < to && Character.isWhitespace(s.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
                to--;
            }
            if (to > from) {
                if (write > 0) {
                    s.setCharAt(write++, '\n');
                }
                for (int k = from; k < to; k++) {
                    s.setCharAt(write++, s.charAt(k));
                }
            }
            read = end + 1;
        }
        s.setLength(write);
        return s.toString();
    }
}
