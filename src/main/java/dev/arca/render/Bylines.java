package dev.arca.render;

import dev.arca.extract.Article;

import java.util.ArrayList;
import java.util.List;

/** The one-line summary under a title: "By Jane Doe · 2024-02-16 · Example News". */
final class Bylines {

    private Bylines() {
    }

    static String line(Article article) {
        List<String> parts = new ArrayList<>();
        if (article.byline() != null && !article.byline().isBlank()) {
            String byline = article.byline().strip();
            parts.add(byline.regionMatches(true, 0, "by ", 0, 3) ? byline : "By " + byline);
        }
        if (article.published() != null && !article.published().isBlank()) {
            parts.add(article.published());
        }
        if (article.siteName() != null && !article.siteName().isBlank()) {
            parts.add(article.siteName().strip());
        }
        return String.join(" · ", parts);
    }
}
