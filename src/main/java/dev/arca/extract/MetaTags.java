package dev.arca.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page's {@code <meta>} values by key: {@code name}, {@code property}, {@code itemprop} and
 * {@code http-equiv}, lower-cased, with "." read as ":" (so {@code dc.creator} is
 * {@code dc:creator}) and space-separated property lists split. Collected in one pass.
 */
final class MetaTags {

    private final Map<String, List<String>> values = new HashMap<>();

    private MetaTags() {
    }

    /** Collects the values of a page's {@code <meta>} elements. */
    public static MetaTags read(List<Element> metas) {
        MetaTags tags = new MetaTags();
        for (Element meta : metas) {
            String content = meta.attr("content");
            if (content.isBlank()) {
                continue;
            }
            content = content.strip();
            for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String keys = meta.attr(attr);
                if (keys.isEmpty()) {
                    continue;
                }
                for (String key : keys.strip().split("\\s+")) {
                    tags.values.computeIfAbsent(normalise(key), k -> new ArrayList<>(2)).add(content);
                }
            }
        }
        return tags;
    }

    private static String normalise(String key) {
        return key.toLowerCase(Locale.ROOT).replace('.', ':');
    }

    /** The first value of the first key that has one, or null. */
    public String first(String... keys) {
        for (String k : keys) {
            List<String> v = values.get(k);
            if (v != null) {
                return v.get(0);
            }
        }
        return null;
    }

    /** The last value of the first key that has one, or null (as Readability reads meta tags). */
    public String last(String... keys) {
        for (String k : keys) {
            List<String> v = values.get(k);
            if (v != null) {
                return v.get(v.size() - 1);
            }
        }
        return null;
    }

    /** Every value of {@code key}, in document order. */
    public List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }
}
