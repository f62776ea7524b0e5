package dev.arca.fetch;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The addresses that lazy-loading scripts (lazysizes, WordPress, lozad and their kin) keep in
 * {@code data-} attributes until the reader scrolls: an image's real {@code src} and
 * {@code srcset}, a frame's page, a block's background. Without the scripts nothing moves them into
 * place, so arca reads them here, to fetch them and to show them.
 */
public final class LazyLoading {

    /** Single addresses, most specific first; any other {@code data-*-src} attribute counts too. */
    private static final List<String> SOURCES = List.of("data-src", "data-lazy-src", "data-original", "data-lazy",
            "data-url", "data-hi-res-src", "data-full-src", "data-orig-file", "data-actualsrc", "data-echo",
            "data-original-src", "data-lazyload", "data-ll-src", "data-image", "data-img", "data-iframe-src");
    private static final List<String> SOURCE_SETS = List.of("data-srcset", "data-lazy-srcset", "data-original-set",
            "data-original-srcset", "data-ll-srcset");
    private static final List<String> SIZES = List.of("data-sizes", "data-lazy-sizes");
    private static final List<String> BACKGROUNDS = List.of("data-bg", "data-background", "data-background-image",
            "data-bg-src", "data-bg-url", "data-bg-image");
    private static final Pattern OTHER_SOURCE = Pattern.compile("data-[a-z0-9-]*src");
    private static final Pattern CSS_URL = Pattern.compile("(?i)^\\s*url\\(");

    private LazyLoading() {
    }

    /** The lazy address of an {@code img}, {@code iframe}, {@code video}, {@code audio} or {@code source}, as written. */
    public static Optional<String> source(Element e) {
        for (String name : SOURCES) {
            Optional<String> v = address(e.attr(name));
            if (v.isPresent()) {
                return v;
            }
        }
        for (Attribute a : e.attributes()) {
            String key = a.getKey().toLowerCase(Locale.ROOT);
            if (OTHER_SOURCE.matcher(key).matches() && !SOURCES.contains(key)) {
                Optional<String> v = address(a.getValue());
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }

    /** The lazy {@code srcset} of an {@code img} or {@code source}, as written. */
    public static Optional<String> sourceSet(Element e) {
        return first(e, SOURCE_SETS);
    }

    /** The lazy {@code sizes} of an {@code img} or {@code source}; "auto" stands for the layout width. */
    public static Optional<String> sizes(Element e) {
        return first(e, SIZES);
    }

    /** The lazy background image of any element, as written ({@code url(...)} around it removed). */
    public static Optional<String> background(Element e) {
        for (String name : BACKGROUNDS) {
            String v = e.attr(name).strip();
            if (CSS_URL.matcher(v).find()) {
                Optional<String> inner = Stylesheet.parseDeclarations(v, "").references().stream()
                        .map(Stylesheet.Reference::written).findFirst();
                if (inner.isPresent()) {
                    return inner;
                }
            } else {
                Optional<String> a = address(v);
                if (a.isPresent()) {
                    return a;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Moves every lazy address of {@code page} into the attribute the browser reads ({@code src},
     * {@code srcset}, {@code sizes}, a {@code background-image} in {@code style}), as the page's
     * scripts would once the reader scrolled; for a page shown without them.
     */
    public static void resolve(Document page) {
        for (Element e : page.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("img") || tag.equals("iframe") || tag.equals("video") || tag.equals("audio")
                    || tag.equals("source") || tag.equals("embed")) {
                source(e).ifPresent(src -> e.attr(tag.equals("source") && e.parent() != null
                        && e.parent().normalName().equals("picture") ? "srcset" : "src", src));
            }
            if (tag.equals("img") || tag.equals("source")) {
                sourceSet(e).ifPresent(set -> e.attr("srcset", set));
                sizes(e).ifPresent(sizes -> e.attr("sizes", sizes.equalsIgnoreCase("auto") ? "100vw" : sizes));
            }
            background(e).ifPresent(url -> {
                String style = e.attr("style").strip();
                String css = "background-image:url(\"" + url.replace("\\", "\\\\").replace("\"", "\\\"") + "\")";
                e.attr("style", style.isEmpty() ? css : style + (style.endsWith(";") ? "" : ";") + css);
            });
        }
    }

    private static Optional<String> first(Element e, List<String> names) {
        for (String name : names) {
            String v = e.attr(name).strip();
            if (!v.isEmpty() && !v.startsWith("data:")) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** {@code value} if it can be an address: no spaces, no JSON, no placeholder {@code data:} URI. */
    private static Optional<String> address(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.startsWith("data:") || v.startsWith("{") || v.startsWith("[")
                || v.chars().anyMatch(Character::isWhitespace) || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        return Optional.of(v);
    }
}
