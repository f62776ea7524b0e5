package dev.arca.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes many nodes at once. jsoup re-indexes a parent's children on every removal, so
 * removing thousands of siblings one by one is quadratic; grouping by parent and rebuilding
 * each child list once keeps it linear.
 */
final class Removal {

    private static final int ONE_BY_ONE = 8;

    private final Set<Node> doomed = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Marks {@code node} for removal. */
    void add(Node node) {
        doomed.add(node);
    }

    /** True when {@code node} is marked for removal. */
    boolean contains(Node node) {
        return doomed.contains(node);
    }

    boolean isEmpty() {
        return doomed.isEmpty();
    }

    /** Removes every marked node from its parent. */
    void apply() {
        Map<Element, List<Node>> byParent = new IdentityHashMap<>();
        for (Node n : doomed) {
            Node parent = n.parentNode();
            if (parent instanceof Element p && !doomed.contains(p)) {
                byParent.computeIfAbsent(p, k -> new ArrayList<>()).add(n);
            }
        }
        for (Map.Entry<Element, List<Node>> entry : byParent.entrySet()) {
            Element parent = entry.getKey();
            if (entry.getValue().size() < ONE_BY_ONE) {
                entry.getValue().forEach(Node::remove);
                continue;
            }
            List<Node> kept = new ArrayList<>(parent.childNodeSize());
            for (Node n : parent.childNodes()) {
                if (!doomed.contains(n)) {
                    kept.add(n);
                }
            }
            parent.empty();
            parent.appendChildren(kept);
        }
        doomed.clear();
    }
}
