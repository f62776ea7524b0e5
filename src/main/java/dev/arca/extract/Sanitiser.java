package dev.arca.extract;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cleans a subtree in place against a jsoup {@link Safelist}: a tag that is not allowed is
 * replaced by its children, an attribute that is not allowed is dropped, and URL attributes
 * ({@code a href}, {@code img src/srcset}, {@code cite}) are made absolute against a base
 * parsed once, keeping only http(s) (and mailto, tel, ftp for links). Unlike jsoup's {@code Cleaner} it builds no second tree, which matters for
 * pages of many megabytes; each child list is rebuilt at most once.
 */
final class Sanitiser {

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "tel", "ftp");
    private static final Set<String> WEB_SCHEMES = Set.of("http", "https");

    private final Safelist safelist;
    private final URL base;

    /** A sanitiser that resolves relative URLs against {@code baseUri} (which may be empty). */
    Sanitiser(Safelist safelist, String baseUri) {
        this.safelist = safelist;
        URL b = null;
        try {
            b = baseUri == null || baseUri.isBlank() ? null : new URL(baseUri);
        } catch (MalformedURLException e) {
            // without a usable base only absolute URLs survive
        }
        this.base = b;
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
        String tag = e.normalName();
        List<String> drop = new ArrayList<>();
        List<String[]> set = new ArrayList<>();
        for (Attribute a : e.attributes()) {
            String key = a.getKey();
            Set<String> schemes = urlSchemes(tag, key);
            if (schemes != null) {
                String url = key.equals("srcset") ? srcset(a.getValue(), schemes) : absolute(a.getValue(), schemes);
                if (url == null) {
                    drop.add(key);
                } else {
                    set.add(new String[] {key, url});
                }
            } else if (!safelist.isSafeAttribute(tag, e, a)) {
                drop.add(key);
            }
        }
        drop.forEach(e::removeAttr);
        set.forEach(kv -> e.attr(kv[0], kv[1]));
    }

    /** The schemes allowed for a URL attribute, or null when {@code key} is not one. */
    private static Set<String> urlSchemes(String tag, String key) {
        return switch (key) {
            case "href" -> tag.equals("a") ? LINK_SCHEMES : null;
            case "src", "srcset" -> tag.equals("img") ? WEB_SCHEMES : null;
            case "cite" -> tag.equals("blockquote") || tag.equals("q") ? WEB_SCHEMES : null;
            default -> null;
        };
    }

    /** {@code value} resolved against the page (parsed once, not per attribute), or null if unsafe. */
    private String absolute(String value, Set<String> schemes) {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            URL url = base == null ? new URL(v) : new URL(base, v);
            return schemes.contains(url.getProtocol().toLowerCase(Locale.ROOT)) ? url.toExternalForm() : null;
        } catch (MalformedURLException | IllegalArgumentException e) {
            return null;
        }
    }

    private String srcset(String value, Set<String> schemes) {
        StringBuilder out = new StringBuilder();
        for (String candidate : value.split(",")) {
            String c = candidate.strip();
            if (c.isEmpty()) {
                continue;
            }
            int space = c.indexOf(' ');
            String url = absolute(space < 0 ? c : c.substring(0, space), schemes);
            if (url == null) {
                return null;
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(url).append(space < 0 ? "" : c.substring(space));
        }
        return out.length() == 0 ? null : out.toString();
    }
}
