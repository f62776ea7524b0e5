package dev.arca.bundle;

import dev.arca.extract.Article;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A fingerprint of what a reader sees in an article, its title and text, that ignores case,
 * Unicode forms and whitespace. Two captures with the same hash carry the same story, even when
 * the page around it (ads, timestamps, tokens) changed.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /** {@code sha256:<hex>} of the normalised title and text. */
    public static String of(Article article) {
        String joined = (article.title() == null ? "" : article.title()) + "\n" + article.text();
        String normal = Normalizer.normalize(joined, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ").strip();
        return Digests.sha256(normal.getBytes(StandardCharsets.UTF_8));
    }
}
