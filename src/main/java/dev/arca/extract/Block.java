package dev.arca.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;

/**
 * Text statistics of one element and its content score, measured for every element of a
 * subtree in a single bottom-up pass so that later steps never re-walk the DOM to ask how much
 * text or how many links a block holds.
 */
public final class Block {

    static final Block EMPTY = new Block();
    private static final int MIN_PROSE = 50;

    /** Elements that start a new block of text; everything else flows inline. */
    static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body", "center",
            "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
            "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main",
            "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td",
            "th", "ul", "caption", "br", "img", "iframe", "video", "audio", "picture", "object", "embed", "noscript",
            "option", "select", "textarea", "legend", "listing", "plaintext", "xmp");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> TEXTISH = Set.of("span", "li", "td", "blockquote", "dl", "div", "img", "ol",
            "p", "pre", "table", "ul");

    /** Whitespace-collapsed length of all text below. */
    int textLen;
    /** Length of link text below; in-page ("#") links count 0.3. */
    double linkLen;
    int commas;
    /** Text flowing directly in this element (not inside a child block). */
    int inlineLen;
    int inlineCommas;
    /** Link text among the inline text. */
    double inlineLinkLen;
    /** Text in paragraphs of running prose below: at least 50 characters, under a third links. */
    int prose;
    boolean hasBlockChild;
    int paragraphs;
    /** Elements below, this one included. */
    int elements;
    int images;
    int listItems;
    int inputs;
    int embeds;
    int headingLen;
    int listLen;
    int textishLen;
    /** Content score; meaningful only when {@link #scored}. */
    double score;
    boolean scored;

    public int textLength() {
        return textLen;
    }

    /** Link text over all text, 0 for an element without text. */
    public double linkDensity() {
        return textLen == 0 ? 0 : Math.min(1, linkLen / textLen);
    }

    public double score() {
        return score;
    }

    public boolean scored() {
        return scored;
    }

    /**
     * The number of child elements of {@code e}, counting no further than {@code limit}. jsoup's
     * own {@code childrenSize()} caches a child list on every element it is asked about.
     */
    static int childElements(Element e, int limit) {
        int n = 0;
        for (int i = 0, size = e.childNodeSize(); i < size && n <= limit; i++) {
            if (e.childNode(i) instanceof Element) {
                n++;
            }
        }
        return n;
    }

    /** Whether {@code ancestor} holds {@code e}, at any depth (false for {@code e} itself). */
    static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    static boolean isBlock(String tag) {
        return BLOCK_TAGS.contains(tag);
    }

    /** Measures every element under (and including) {@code root} into {@code out}. */
    static void measure(Element root, Map<Element, Block> out) {
        // the blocks of the open elements, innermost last: a node's parent is on top, with no lookup
        ArrayDeque<Block> open = new ArrayDeque<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    Block b = new Block();
                    out.put(e, b);
                    open.push(b);
                } else if (node instanceof TextNode t && !open.isEmpty()) {
                    Block b = open.peek();
                    String s = t.getWholeText();
                    int len = collapsedLength(s);
                    int commas = commas(s);
                    b.textLen += len;
                    b.commas += commas;
                    b.inlineLen += len;
                    b.inlineCommas += commas;
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return;
                }
                Block b = open.pop();
                b.elements++;
                String tag = e.normalName();
                switch (tag) {
                    case "a" -> {
                        String href = e.attributesSize() == 0 ? "" : e.attr("href");
                        // "javascript:" links are buttons around text, not links away from it
                        b.linkLen = href.startsWith("#") ? b.textLen * 0.3
                                : href.startsWith("javascript:") ? 0 : b.textLen;
                    }
                    case "p" -> b.paragraphs++;
                    case "img" -> b.images++;
                    case "li" -> b.listItems++;
                    case "input" -> b.inputs++;
                    case "object", "embed", "iframe" -> b.embeds++;
                    default -> {
                    }
                }
                if (HEADINGS.contains(tag)) {
                    b.headingLen = b.textLen;
                }
                if (tag.equals("ul") || tag.equals("ol")) {
                    b.listLen = b.textLen;
                }
                if (!tag.equals("p") && isBlock(tag) && b.inlineLen > 0) {
                    b.paragraphs++;
                }
                if (tag.equals("a")) {
                    b.inlineLinkLen = b.linkLen;
                }
                if (isBlock(tag) || tag.equals("body")) {
                    int own = b.hasBlockChild ? b.inlineLen : b.textLen;
                    double links = b.hasBlockChild ? b.inlineLinkLen : b.linkLen;
                    if (own >= MIN_PROSE && links < own / 3.0) {
                        b.prose += own;
                    }
                }
                Block pb = open.peek();
                if (pb == null) {
                    return;
                }
                pb.textLen += b.textLen;
                pb.linkLen += b.linkLen;
                pb.commas += b.commas;
                pb.paragraphs += b.paragraphs;
                pb.elements += b.elements;
                pb.images += b.images;
                pb.listItems += b.listItems;
                pb.inputs += b.inputs;
                pb.embeds += b.embeds;
                pb.headingLen += b.headingLen;
                pb.listLen += b.listLen;
                pb.prose += b.prose;
                pb.textishLen += TEXTISH.contains(tag) ? b.textLen : b.textishLen;
                if (isBlock(tag)) {
                    pb.hasBlockChild = true;
                } else {
                    pb.inlineLen += b.inlineLen;
                    pb.inlineCommas += b.inlineCommas;
                    pb.inlineLinkLen += b.inlineLinkLen;
                }
            }
        }, root);
    }

    /** Subtracts {@code removed}'s totals from each ancestor, after it left the tree. */
    static void detach(Element parent, Block removed, Map<Element, Block> blocks) {
        if (removed.textLen == 0 && removed.images == 0 && removed.listItems == 0 && removed.inputs == 0
                && removed.embeds == 0 && removed.paragraphs == 0) {
            return;
        }
        for (Element a = parent; a != null; a = a.parent()) {
            Block b = blocks.get(a);
            if (b == null) {
                return;
            }
            b.textLen -= removed.textLen;
            b.linkLen -= removed.linkLen;
            b.commas -= removed.commas;
            b.paragraphs -= removed.paragraphs;
            b.images -= removed.images;
            b.listItems -= removed.listItems;
            b.inputs -= removed.inputs;
            b.embeds -= removed.embeds;
            b.headingLen -= removed.headingLen;
            b.listLen -= removed.listLen;
            b.prose -= removed.prose;
        }
    }

    static int collapsedLength(String s) {
        int len = 0;
        boolean space = true;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0') {
                if (!space) {
                    len++;
                    space = true;
                }
            } else {
                len++;
                space = false;
            }
        }
        return len;
    }

    private static int commas(String s) {
        int n = 0;
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                n++;
            }
        }
        return n;
    }
}
