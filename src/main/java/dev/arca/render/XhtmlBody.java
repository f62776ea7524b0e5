package dev.arca.render;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The clean article body (see {@link HtmlPageRenderer#cleanBody}) as XHTML whose every element
 * sits where the HTML content models allow it, as an EPUB reading system and epubcheck demand:
 * a block inside a paragraph, a heading or a link gives its content to it, lists hold only list
 * items, tables only rows of cells, a figure at most one caption, last; obsolete elements and
 * attributes become their modern forms or go. Browsers forgive all of these; EPUB does not.
 */
final class XhtmlBody {

    private static final Set<String> SECTIONS = Set.of("div", "section", "article", "aside", "blockquote");
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre");
    private static final Set<String> INLINE = Set.of("em", "strong", "b", "i", "u", "s", "small", "mark", "sub", "sup",
            "code", "cite", "q");
    private static final Set<String> AS_DIV = Set.of("main", "li", "dd", "dt", "figcaption", "caption", "td", "th", "tr",
            "thead", "tbody", "tfoot", "address", "center", "details", "summary");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,6}");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");

    private final StringBuilder out = new StringBuilder();
    private int linkDepth;

    private XhtmlBody() {
    }

    /** The XHTML of the children of {@code body}. */
    static String of(Element body) {
        XhtmlBody x = new XhtmlBody();
        x.flowChildren(body);
        return x.out.toString();
    }

    private void flowChildren(Element parent) {
        for (Node child : parent.childNodes()) {
            flow(child);
        }
    }

    private void phrasingChildren(Element parent) {
        for (Node child : parent.childNodes()) {
            phrasing(child);
        }
    }

    /** A node where flow content may stand. */
    private void flow(Node node) {
        if (!(node instanceof Element e)) {
            phrasing(node);
            return;
        }
        String tag = e.normalName();
        if (SECTIONS.contains(tag)) {
            block(tag, e);
        } else if (AS_DIV.contains(tag)) {
            block("div", e);
        } else if (TEXT_BLOCKS.contains(tag)) {
            out.append('<').append(tag).append('>');
            phrasingChildren(e);
            out.append("</").append(tag).append('>');
        } else {
            switch (tag) {
                case "ul", "ol" -> list(e);
                case "dl" -> definitionList(e);
                case "table" -> table(e);
                case "figure" -> figure(e);
                case "hr" -> out.append("<hr/>");
                case "colgroup", "col" -> {
                }
                default -> phrasing(e);
            }
        }
    }

    /** A node where only phrasing content may stand: a block gives its content, set apart by spaces. */
    private void phrasing(Node node) {
        if (node instanceof TextNode t) {
            out.append(Xml.escape(t.getWholeText()));
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        String tag = e.normalName();
        if (INLINE.contains(tag) || tag.equals("strike")) {
            String name = tag.equals("strike") ? "s" : tag;
            out.append('<').append(name).append('>');
            phrasingChildren(e);
            out.append("</").append(name).append('>');
            return;
        }
        switch (tag) {
            case "a" -> link(e);
            case "br" -> out.append("<br/>");
            case "img" -> image(e);
            case "span", "time" -> {
                // a time's text need not be a date, which its element requires without datetime
                out.append(e.hasClass("missing-image") ? "<span class=\"missing-image\">" : "<span>");
                phrasingChildren(e);
                out.append("</span>");
            }
            case "hr", "colgroup", "col" -> {
            }
            default -> {
                out.append(' ');
                phrasingChildren(e);
                out.append(' ');
            }
        }
    }

    private void block(String tag, Element e) {
        out.append('<').append(tag).append('>');
        flowChildren(e);
        out.append("</").append(tag).append('>');
    }

    private void link(Element a) {
        Optional<String> href = linkDepth > 0 ? Optional.empty() : webUrl(a.attr("href"));
        if (href.isPresent()) {
            out.append("<a href=\"").append(Xml.escape(href.get())).append("\">");
        }
        linkDepth++;
        phrasingChildren(a);
        linkDepth--;
        if (href.isPresent()) {
            out.append("</a>");
        }
    }

    private void image(Element img) {
        out.append("<img src=\"").append(Xml.escape(img.attr("src"))).append("\" alt=\"")
                .append(Xml.escape(Bylines.oneLine(img.attr("alt")))).append('"');
        for (String size : new String[] {"width", "height"}) {
            String v = img.attr(size).strip();
            if (DIGITS.matcher(v).matches()) {
                out.append(' ').append(size).append("=\"").append(v).append('"');
            }
        }
        out.append("/>");
    }

    private void list(Element e) {
        String tag = e.normalName();
        out.append('<').append(tag);
        String start = e.attr("start").strip();
        if (tag.equals("ol") && INTEGER.matcher(start).matches()) {
            out.append(" start=\"").append(start).append('"');
        }
        out.append('>');
        List<Node> loose = new ArrayList<>();
        for (Node child : e.childNodes()) {
            if (child instanceof Element c && c.normalName().equals("li")) {
                item(loose);
                out.append("<li>");
                flowChildren(c);
                out.append("</li>");
            } else if (!(child instanceof TextNode t && t.isBlank())) {
                loose.add(child);
            }
        }
        item(loose);
        out.append("</").append(tag).append('>');
    }

    /** What stood in a list outside any item, as one item of its own. */
    private void item(List<Node> loose) {
        if (!loose.isEmpty()) {
            out.append("<li>");
            loose.forEach(this::flow);
            out.append("</li>");
            loose.clear();
        }
    }

    /** A definition list in the (dt+, dd+)+ form it must have; any other as the blocks it holds. */
    private void definitionList(Element dl) {
        StringBuilder shape = new StringBuilder();
        for (Node child : dl.childNodes()) {
            if (child instanceof Element c && (c.normalName().equals("dt") || c.normalName().equals("dd"))) {
                shape.append(c.normalName().charAt(1));
            } else if (!(child instanceof TextNode t && t.isBlank())) {
                shape.append('x');
            }
        }
        if (!shape.toString().matches("(t+d+)+")) {
            block("div", dl);
            return;
        }
        out.append("<dl>");
        for (Element c : dl.children()) {
            if (c.normalName().equals("dt")) {
                out.append("<dt>");
                phrasingChildren(c);
                out.append("</dt>");
            } else {
                out.append("<dd>");
                flowChildren(c);
                out.append("</dd>");
            }
        }
        out.append("</dl>");
    }

    private void table(Element table) {
        List<Element> rows = new ArrayList<>();
        Element caption = null;
        for (Element child : table.children()) {
            switch (child.normalName()) {
                case "tr" -> rows.add(child);
                case "thead", "tbody", "tfoot" -> child.children().stream().filter(r -> r.normalName().equals("tr")).forEach(rows::add);
                case "caption" -> caption = caption == null ? child : caption;
                default -> {
                }
            }
        }
        rows.removeIf(r -> r.children().stream().noneMatch(XhtmlBody::isCell));
        if (rows.isEmpty()) {
            block("div", table);
            return;
        }
        out.append("<table>");
        if (caption != null) {
            out.append("<caption>");
            flowChildren(caption);
            out.append("</caption>");
        }
        out.append("<tbody>");
        for (Element row : rows) {
            out.append("<tr>");
            for (Element cell : row.children()) {
                if (isCell(cell)) {
                    cell(cell);
                }
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>");
    }

    private static boolean isCell(Element e) {
        return e.normalName().equals("td") || e.normalName().equals("th");
    }

    private void cell(Element cell) {
        String tag = cell.normalName();
        out.append('<').append(tag);
        for (String span : new String[] {"colspan", "rowspan"}) {
            String v = cell.attr(span).strip();
            if (DIGITS.matcher(v).matches() && Integer.parseInt(v) >= 1 && Integer.parseInt(v) <= (span.equals("colspan") ? 1000 : 65534)) {
                out.append(' ').append(span).append("=\"").append(v).append('"');
            }
        }
        String scope = cell.attr("scope").strip().toLowerCase(Locale.ROOT);
        if (tag.equals("th") && Set.of("row", "col", "rowgroup", "colgroup").contains(scope)) {
            out.append(" scope=\"").append(scope).append('"');
        }
        out.append('>');
        flowChildren(cell);
        out.append("</").append(tag).append('>');
    }

    private void figure(Element figure) {
        Element caption = figure.children().stream().filter(c -> c.normalName().equals("figcaption")).findFirst().orElse(null);
        out.append("<figure>");
        for (Node child : figure.childNodes()) {
            if (child != caption) {
                flow(child);
            }
        }
        if (caption != null) {
            out.append("<figcaption>");
            flowChildren(caption);
            out.append("</figcaption>");
        }
        out.append("</figure>");
    }

    /**
     * {@code url} as an http(s), mailto or ftp URL that strict parsers accept: characters a URL
     * may not hold percent-encoded; empty when it is none of those or cannot be repaired.
     */
    static Optional<String> webUrl(String url) {
        String u = url.strip();
        StringBuilder sb = new StringBuilder(u.length());
        boolean fragment = false;
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            boolean hex = c == '%' && i + 2 < u.length() && isHex(u.charAt(i + 1)) && isHex(u.charAt(i + 2));
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:/?@!$&'()*+,;=".indexOf(c) >= 0 || hex
                    || c == '#' && !fragment)) {
                fragment |= c == '#';
                sb.append(c);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < u.length() && Character.isLowSurrogate(u.charAt(i + 1))) {
                    MarkdownSyntax.percentEncode(sb, u.substring(i, i + 2));
                    i++;
                }
            } else {
                MarkdownSyntax.percentEncode(sb, String.valueOf(c));
            }
        }
        try {
            URI uri = new URI(sb.toString());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = (scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp")) && uri.getHost() != null;
            return web || scheme.equals("mailto") ? Optional.of(sb.toString()) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
