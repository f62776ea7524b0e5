package dev.arca.extract;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Cleans a subtree in place against a jsoup {@link Safelist}: a tag that is not allowed is
 * replaced by its children, an attribute that is not allowed is dropped, and URL attributes
 * are made absolute. Unlike jsoup's {@code Cleaner} it builds no second tree, which matters for
 * pages of many megabytes; each child list is rebuilt at most once.
 */
final class Sanitiser {

    private final Safelist safelist;

    Sanitiser(Safelist safelist) {
        this.safelist = safelist;
    }

    /** Cleans everything below {@code root} (the root itself is kept as it is). */
    void clean(Element root) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    flattenUnsafeChildren(e);
                    if (e != root) {
                        cleanAttributes(e);
                    }
                }
            }
        }, root);
    }

    private void flattenUnsafeChildren(Element e) {
        boolean unsafe = false;
        for (Node child : e.childNodes()) {
            if (!keepsItself(child)) {
                unsafe = true;
                break;
            }
        }
        if (!unsafe) {
            return;
        }
        List<Node> kept = new ArrayList<>(e.childNodeSize());
        for (Node child : e.childNodes()) {
            if (keepsItself(child)) {
                kept.add(child);
            } else if (child instanceof Element unsafeChild) {
                // its own children were already cleaned (post-order); they move up a level,
                // detached all at once so that none is removed from the middle of a list
                List<Node> grandchildren = new ArrayList<>(unsafeChild.childNodes());
                unsafeChild.empty();
                kept.addAll(grandchildren);
            }
        }
        e.empty();
        e.appendChildren(kept);
    }

    private boolean keepsItself(Node n) {
        if (n instanceof TextNode) {
            return true;
        }
        return n instanceof Element el && safelist.isSafeTag(el.normalName());
    }

    private void cleanAttributes(Element e) {
        if (e.attributesSize() == 0) {
            return;
        }
        List<String> drop = new ArrayList<>();
        for (Attribute a : e.attributes()) {
            if (!safelist.isSafeAttribute(e.normalName(), e, a)) {
                drop.add(a.getKey());
            }
        }
        drop.forEach(e::removeAttr);
    }
}
