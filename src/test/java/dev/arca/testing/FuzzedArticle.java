package dev.arca.testing;

import dev.arca.extract.Article;
import org.jsoup.parser.Parser;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An Article from fuzzer bytes, laid out so that seeds are readable text: UTF-8 lines for the
 * title, byline, URL, date and site name, then the body HTML (also used as the text). Character
 * references are decoded in the one-line fields, so {@code &#x1b;} or {@code &#xD800;} reach
 * them as a lone control or surrogate, as they can from an old bundle.
 */
public final class FuzzedArticle {

    private FuzzedArticle() {
    }

    public static Article of(byte[] bytes) {
        String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\n", 6);
        String body = field(parts, 5);
        return new Article(field(parts, 2), null, decoded(parts, 0), decoded(parts, 1), List.of(decoded(parts, 1)),
                decoded(parts, 3), null, decoded(parts, 4), "en", decoded(parts, 4), null, List.of(decoded(parts, 0)),
                null, "text/html", 0.5, 1, Parser.unescapeEntities(body, false), body);
    }

    private static String field(String[] parts, int i) {
        return i < parts.length ? parts[i] : "";
    }

    private static String decoded(String[] parts, int i) {
        return Parser.unescapeEntities(field(parts, i), false);
    }
}
