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
public final class PlainText {

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

    private static String tidyLines(StringBuilder s) {
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.toString().split("\n")) {
            String l = line.strip();
            if (!l.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(l);
            }
        }
        return out.toString();
    }
}
