package dev.arca.testing;

import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * arca's Markdown as a CommonMark reader (commonmark-java) sees it: what in it is unsafe, and the
 * text a reader is shown. The tree is walked without recursion, as deep lists nest deep.
 */
public final class CommonMarkTree {

    private static final Parser PARSER = Parser.builder().build();
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    private CommonMarkTree() {
    }

    /**
     * Every node that lets page content out of the text: raw HTML (block or inline), a link
     * reference definition, and a link or image whose destination is not http(s) (or mailto, the
     * scheme of e-mail autolinks).
     */
    public static List<String> unsafeNodes(String markdown) {
        List<String> unsafe = new ArrayList<>();
        walk(markdown, node -> {
            if (node instanceof HtmlBlock html) {
                unsafe.add("HtmlBlock " + html.getLiteral());
            } else if (node instanceof HtmlInline html) {
                unsafe.add("HtmlInline " + html.getLiteral());
            } else if (node instanceof LinkReferenceDefinition definition) {
                unsafe.add("LinkReferenceDefinition " + definition.getLabel() + " -> " + definition.getDestination());
            } else if (node instanceof Link link && !allowed(link.getDestination())) {
                unsafe.add("Link " + link.getDestination());
            } else if (node instanceof Image image && !allowed(image.getDestination())) {
                unsafe.add("Image " + image.getDestination());
            }
        });
        return unsafe;
    }

    /** The destinations of every link, in order. */
    public static List<String> linkDestinations(String markdown) {
        return destinations(markdown, false);
    }

    /** The destinations of every image, in order. */
    public static List<String> imageDestinations(String markdown) {
        return destinations(markdown, true);
    }

    private static List<String> destinations(String markdown, boolean images) {
        List<String> destinations = new ArrayList<>();
        walk(markdown, node -> {
            if (!images && node instanceof Link link) {
                destinations.add(link.getDestination());
            } else if (images && node instanceof Image image) {
                destinations.add(image.getDestination());
            }
        });
        return destinations;
    }

    /** The text a reader sees: text, code and code blocks, soft line breaks as spaces. */
    public static String visibleText(String markdown) {
        StringBuilder text = new StringBuilder();
        walk(markdown, node -> {
            if (node instanceof Text t) {
                text.append(t.getLiteral());
            } else if (node instanceof Code code) {
                text.append(code.getLiteral());
            } else if (node instanceof FencedCodeBlock code) {
                text.append(code.getLiteral());
            } else if (node instanceof IndentedCodeBlock code) {
                text.append(code.getLiteral());
            } else if (node instanceof SoftLineBreak) {
                text.append(' ');
            }
        });
        return text.toString();
    }

    /** The node types in document order, for asserting structure ("Heading", "Paragraph", ...). */
    public static List<String> nodeTypes(String markdown) {
        List<String> types = new ArrayList<>();
        walk(markdown, node -> types.add(node.getClass().getSimpleName()));
        return types;
    }

    private static boolean allowed(String destination) {
        var m = SCHEME.matcher(destination);
        if (!m.find()) {
            return false;
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
    }

    private static void walk(String markdown, Consumer<Node> visit) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(PARSER.parse(markdown));
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            visit.accept(node);
            List<Node> children = new ArrayList<>();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                children.add(child);
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
    }
}
