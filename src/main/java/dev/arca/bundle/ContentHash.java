package dev.arca.bundle;

import dev.arca.extract.Article;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

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
        if (!Normalizer.isNormalized(joined, Normalizer.Form.NFKC)) {
            joined = Normalizer.normalize(joined, Normalizer.Form.NFKC);
        }
        return Digests.sha256(foldCaseAndSpace(joined).getBytes(StandardCharsets.UTF_8));
    }

    /** Lower case, every run of white space one space, none at the ends: one pass, no regex. */
    private static String foldCaseAndSpace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int cp = c < 0x80 ? c : text.codePointAt(i);
            i += Character.charCount(cp);
            if (c < 0x80 ? c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) : Character.isWhitespace(cp)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                if (c < 0x80) {
                    out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                } else {
                    out.appendCodePoint(Character.toLowerCase(cp));
                }
            }
        }
        return out.toString();
    }
}
