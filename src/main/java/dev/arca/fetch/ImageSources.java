package dev.arca.fetch;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which file an {@code <img>} shows: the candidate of its {@code <picture>}'s first matching
 * {@code <source>}, or of its own {@code srcset} and {@code src}, that a browser on a 1280-pixel
 * screen at density 1 loads (see {@link SourceSet}), with lazy-loading attributes read as the
 * page's scripts would read them. The fetcher keeps that file; the renderers show it.
 *
 * <p>{@code <source>}s whose {@code media} does not match that screen, or whose {@code type} no
 * browser shows (JPEG XL, HEIC, TIFF...), are passed over, as the HTML standard says.
 */
public final class ImageSources {

    /** One candidate as written, and the attribute it came from. */
    record Pick(String written, String foundIn) {
    }

    private ImageSources() {
    }

    /**
     * The absolute URLs of the files {@code img} may show, the one a browser loads once the page's
     * lazy loader ran first, then the other candidates from nearest to farthest, then what the
     * page shows without scripts (a placeholder, often); for a renderer that looks for a captured copy.
     */
    public static List<String> candidates(Element img) {
        BaseUrl base = new BaseUrl(img.baseUri());
        Set<String> urls = new LinkedHashSet<>();
        for (boolean lazy : new boolean[] {true, false}) {
            for (Pick p : picks(img, lazy, Viewport.DESKTOP)) {
                base.resolve(p.written()).ifPresent(urls::add);
            }
        }
        return new ArrayList<>(urls);
    }

    /**
     * The candidates of {@code img}, best first: with {@code lazy}, lazy-loading attributes take
     * the place of the ones they stand for.
     */
    static List<Pick> picks(Element img, boolean lazy, Viewport viewport) {
        List<Pick> picks = new ArrayList<>();
        Element parent = img.parent();
        if (parent != null && parent.normalName().equals("picture")) {
            for (Element child : parent.children()) {
                if (child == img) {
                    break;
                }
                if (!child.normalName().equals("source")) {
                    continue;
                }
                Attr set = sourceSet(child, lazy);
                if (set == null || child.hasAttr("media") && !MediaQueries.matches(child.attr("media"), viewport)
                        || !SourceSet.supportedType(child.attr("type"))) {
                    continue;
                }
                List<SourceSet.Candidate> parsed = SourceSet.parse(set.value());
                if (parsed.isEmpty()) {
                    continue;
                }
                for (String url : SourceSet.byPreference(parsed, sizes(child, lazy), null, viewport)) {
                    picks.add(new Pick(url, "picture source " + set.name()));
                }
                break;
            }
        }
        Attr set = sourceSet(img, lazy);
        Attr src = source(img, lazy);
        List<SourceSet.Candidate> parsed = set == null ? List.of() : SourceSet.parse(set.value());
        for (String url : SourceSet.byPreference(parsed, sizes(img, lazy), src == null ? null : src.value(), viewport)) {
            picks.add(new Pick(url, src != null && url.equals(src.value().strip()) ? "img " + src.name() : "img " + set.name()));
        }
        return picks;
    }

    /** An attribute's name and value. */
    record Attr(String name, String value) {
    }

    static Attr sourceSet(Element e, boolean lazy) {
        Optional<String> lazySet = lazy ? LazyLoading.sourceSet(e) : Optional.empty();
        if (lazySet.isPresent()) {
            return new Attr("lazy srcset", lazySet.get());
        }
        return e.attr("srcset").isBlank() ? null : new Attr("srcset", e.attr("srcset"));
    }

    private static Attr source(Element e, boolean lazy) {
        Optional<String> lazySrc = lazy ? LazyLoading.source(e) : Optional.empty();
        if (lazySrc.isPresent()) {
            return new Attr("lazy src", lazySrc.get());
        }
        return e.attr("src").isBlank() ? null : new Attr("src", e.attr("src"));
    }

    private static String sizes(Element e, boolean lazy) {
        Optional<String> lazySizes = lazy ? LazyLoading.sizes(e) : Optional.empty();
        return lazySizes.orElse(e.attr("sizes"));
    }
}
