package dev.arca.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns lazy-loaded images into plain ones: the real address from {@code data-src},
 * {@code data-lazy-src}, {@code data-original} or {@code data-srcset}, and the {@code <noscript>}
 * fallback image in place of a placeholder. Without this, lazy pages lose their pictures.
 */
final class LazyImages {

    private static final String[] SRC_ATTRS = {"data-src", "data-lazy-src", "data-original", "data-lazy",
        "data-url", "data-hi-res-src", "data-full-src", "data-orig-file", "data-actualsrc", "data-echo"};
    private static final String[] SRCSET_ATTRS = {"data-srcset", "data-lazy-srcset", "data-original-set"};
    /** Words in a {@code src} that mark a stand-in for the picture a script would load. */
    private static final String[] PLACEHOLDER_WORDS = {"placeholder", "blank.", "spacer", "lazy", "pixel.", "transparent",
        "grey.gif", "1x1"};

    private LazyImages() {
    }

    static void resolve(Element root) {
        List<Element> noscripts = new ArrayList<>();
        List<Element> images = new ArrayList<>();
        List<Element> sources = new ArrayList<>();
        // one walk collects all three kinds; the changes come after it
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element e) {
                switch (e.normalName()) {
                    case "noscript" -> noscripts.add(e);
                    case "img" -> images.add(e);
                    case "source" -> sources.add(e);
                    default -> {
                    }
                }
            }
        }, root);
        for (Element noscript : noscripts) {
            Element moved = useFallback(noscript);
            if (moved != null) {
                images.add(moved);
            }
        }
        for (Element img : images) {
            resolveImage(img);
        }
        for (Element source : sources) {
            for (String attr : SRCSET_ATTRS) {
                if (source.hasAttr(attr) && !source.hasAttr("srcset")) {
                    source.attr("srcset", source.attr(attr));
                }
            }
        }
    }

    /** Blank, an inline {@code data:} image, or named like a stand-in (a plain scan: this runs on every picture). */
    static boolean isPlaceholder(String src) {
        if (src.isBlank() || src.regionMatches(true, 0, "data:", 0, 5)) {
            return true;
        }
        String lower = src.toLowerCase(Locale.ROOT);
        for (String word : PLACEHOLDER_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static void resolveImage(Element img) {
        String src = img.attr("src");
        boolean placeholder = isPlaceholder(src);
        if (placeholder) {
            for (String attr : SRC_ATTRS) {
                String v = img.attr(attr).strip();
                if (!v.isEmpty() && !v.startsWith("data:")) {
                    img.attr("src", v);
                    placeholder = false;
                    break;
                }
            }
        }
        for (String attr : SRCSET_ATTRS) {
            String v = img.attr(attr).strip();
            if (!v.isEmpty() && !img.hasAttr("srcset")) {
                img.attr("srcset", v);
            }
        }
        if (placeholder && img.hasAttr("srcset")) {
            String first = img.attr("srcset").strip().split("[\\s,]+")[0];
            if (!first.isEmpty() && !first.startsWith("data:")) {
                img.attr("src", first);
            }
        }
    }

    /** A noscript holding one image replaces the placeholder image just before it; returns that image. */
    private static Element useFallback(Element noscript) {
        Element img = noscript.selectFirst("img");
        if (img == null || noscript.getElementsByTag("img").size() != 1) {
            return null;
        }
        Element prev = noscript.previousElementSibling();
        if (prev != null && (prev.normalName().equals("img") || prev.getElementsByTag("img").size() == 1
                && prev.text().isBlank())) {
            prev.replaceWith(img);
        } else {
            noscript.after(img);
        }
        return img;
    }
}
