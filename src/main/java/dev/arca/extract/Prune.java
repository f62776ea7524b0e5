package dev.arca.extract;

import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.Set;

/**
 * Removes what is never content before anything is scored: scripts and styles, embedded
 * widgets and form controls, hidden elements, navigation, asides and footers, bylines, and
 * blocks whose class or id names them as furniture (comments, share bars, related posts,
 * newsletter and cookie boxes, author bios). Lazy images are resolved first so that a
 * {@code <noscript>} fallback survives as a real image.
 */
final class Prune implements Step {

    private static final Set<String> NEVER_CONTENT = Set.of("script", "style", "template", "link", "meta", "svg",
            "iframe", "object", "embed", "canvas", "input", "select", "textarea", "button", "option", "noscript",
            "head", "title", "base", "frame", "frameset", "applet", "map", "dialog", "math-field");
    private static final Set<String> FURNITURE_TAGS = Set.of("nav", "aside", "footer");
    /** Inside pre, class names describe code; inside code or tables Readability keeps "unlikely" names. */
    private static final int IN_PRE = 1;
    private static final int IN_CODE = 2;
    private static final int IN_TABLE = 4;
    /** Inside an embedded social post everything but scripts stays: it is the quote's fallback text. */
    private static final int IN_EMBED = 8;
    private static final Set<String> PROTECTED = Set.of("html", "body", "main", "article", "a");

    @Override
    public void apply(Page page) {
        Element body = page.work().body();
        if (body == null) {
            return;
        }
        LazyImages.resolve(body);
        Page.Strictness level = page.strictness();
        Removal doomed = new Removal();
        ClassNames.Verdicts verdicts = page.verdicts();
        NodeTraversor.filter(new NodeFilter() {
            /** Per shelter kind, how many enclose the current node (a bit set while any do). */
            private final int[] depth = new int[4];

            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Comment || node instanceof DataNode) {
                    doomed.add(node);
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                if (!keep(e, level, shelter(), verdicts)) {
                    doomed.add(e);
                    Element label = Bylines.labelLeftAlone(e);
                    if (label != null) {
                        doomed.add(label);
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                count(e, 1);
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e) {
                    count(e, -1);
                }
                return FilterResult.CONTINUE;
            }

            private void count(Element e, int delta) {
                switch (e.normalName()) {
                    case "pre" -> depth[0] += delta;
                    case "code" -> depth[1] += delta;
                    case "table" -> depth[2] += delta;
                    case "blockquote" -> depth[3] += SocialEmbeds.isEmbed(e) ? delta : 0;
                    default -> {
                    }
                }
            }

            private int shelter() {
                return (depth[0] > 0 ? IN_PRE : 0) | (depth[1] > 0 ? IN_CODE : 0) | (depth[2] > 0 ? IN_TABLE : 0)
                        | (depth[3] > 0 ? IN_EMBED : 0);
            }
        }, body);
        doomed.apply();
    }

    private static boolean keep(Element e, Page.Strictness level, int shelter, ClassNames.Verdicts verdicts) {
        String tag = e.normalName();
        if (NEVER_CONTENT.contains(tag) || hidden(e)) {
            return false;
        }
        if (tag.equals("body") || (shelter & IN_EMBED) != 0 || SocialEmbeds.isEmbed(e)) {
            return true;
        }
        if (FURNITURE_TAGS.contains(tag) && !containsMainContent(e)) {
            return false;
        }
        if (tag.equals("form") && isSmallForm(e)) {
            return false;
        }
        if (PROTECTED.contains(tag) || (shelter & IN_PRE) != 0 || !named(e)) {
            return true;
        }
        int bits = verdicts.bits(e);
        if (Bylines.isBylineElement(e, bits)) {
            return false;
        }
        if (ClassNames.furniture(e, ClassNames.furnitureKind(bits)) && !containsMainContent(e)
                && !SocialEmbeds.wrapsEmbed(e)) {
            return false;
        }
        boolean unlikely = ClassNames.unlikely(bits) || ClassNames.unlikelyRole(e);
        return level != Page.Strictness.FULL || shelter != 0 || !unlikely || containsMainContent(e)
                || SocialEmbeds.wrapsEmbed(e);
    }

    /** Only an element with a class, id, role, rel or itemprop can be named as furniture. */
    private static boolean named(Element e) {
        if (e.attributesSize() == 0) {
            return false;
        }
        return e.hasAttr("class") || e.hasAttr("id") || e.hasAttr("role") || e.hasAttr("rel")
                || e.hasAttr("itemprop");
    }

    private static boolean hidden(Element e) {
        if (Hidden.inMarkup(e)) {
            return true;
        }
        return e.attributesSize() > 0 && e.attr("aria-hidden").equals("true") && !e.className().contains("fallback-image")
                && !e.normalName().equals("img");
    }

    /** Comment forms, search boxes and newsletter sign-ups are small; page-wide ASP.NET forms are not. */
    private static boolean isSmallForm(Element e) {
        return e.text().length() < 500;
    }

    /** Furniture names never excuse removing the article itself or a wrapper around it. */
    private static boolean containsMainContent(Element e) {
        String cls = ClassNames.of(e);
        if (cls.contains("article-body") || cls.contains("entry-content") || cls.contains("post-content")) {
            return true;
        }
        return e.selectFirst("main, [itemprop=articleBody], h1") != null;
    }
}
