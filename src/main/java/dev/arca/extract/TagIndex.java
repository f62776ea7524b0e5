package dev.arca.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The elements of the tags the metadata steps look for ({@code <meta>}, {@code <script>},
 * {@code <link>}, {@code <time>}, {@code <h1>}, {@code <a>}, {@code <noscript>}, {@code <input>})
 * and the microdata scopes, in document order, gathered in one walk. Each of those steps used to walk
 * the whole document for its own tag; on a big page those walks cost more than the steps'
 * work. The index is a snapshot: it is only valid while the document is not changed.
 */
final class TagIndex {

    static final Set<String> TAGS = Set.of("meta", "script", "link", "time", "h1", "a", "noscript", "input");

    private final Map<String, List<Element>> byTag = new HashMap<>();
    private final List<Element> itemScopes = new ArrayList<>();
    private int elements;
    private Set<Element> headlineHolders;

    TagIndex(Document doc) {
        for (String tag : TAGS) {
            byTag.put(tag, new ArrayList<>());
        }
        NodeTraversor.traverse((Node node, int depth) -> {
            if (node instanceof Element e) {
                elements++;
                List<Element> list = byTag.get(e.normalName());
                if (list != null) {
                    list.add(e);
                }
                if (e.attributesSize() > 0 && e.hasAttr("itemscope") && e.hasAttr("itemtype")) {
                    itemScopes.add(e);
                }
            }
        }, doc);
    }

    /** The elements named {@code tag}, one of {@link #TAGS}, in document order. */
    List<Element> get(String tag) {
        List<Element> list = byTag.get(tag);
        if (list == null) {
            throw new IllegalArgumentException("not an indexed tag: " + tag);
        }
        return list;
    }

    /** How many elements the document holds. */
    int elements() {
        return elements;
    }

    /**
     * Whether {@code e} is an {@code <h1>} or holds one. The headlines and their ancestors are
     * gathered once, on first use: asking each box for an {@code <h1>} would read its whole subtree
     * every time.
     */
    boolean holdsHeadline(Element e) {
        if (headlineHolders == null) {
            headlineHolders = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Element h1 : get("h1")) {
                Element holder = h1;
                while (holder != null && headlineHolders.add(holder)) { // stops where an earlier headline's ancestors begin
                    holder = holder.parent();
                }
            }
        }
        return headlineHolders.contains(e);
    }

    /** The elements with both {@code itemscope} and {@code itemtype}, in document order. */
    List<Element> itemScopes() {
        return itemScopes;
    }
}
