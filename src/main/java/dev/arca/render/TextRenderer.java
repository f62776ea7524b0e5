package dev.arca.render;

import dev.arca.extract.Article;

/** The article as plain text: title, byline line, source URL, then the body text. */
public final class TextRenderer {

    public String render(Article article) {
        StringBuilder text = new StringBuilder();
        if (article.title() != null && !article.title().isBlank()) {
            text.append(article.title().strip()).append("\n\n");
        }
        String byline = Bylines.line(article);
        if (!byline.isEmpty()) {
            text.append(byline).append("\n");
        }
        if (article.url() != null) {
            text.append(article.url()).append("\n");
        }
        if (!byline.isEmpty() || article.url() != null) {
            text.append('\n');
        }
        if (!article.text().isBlank()) {
            text.append(article.text().strip()).append('\n');
        }
        return text.toString();
    }
}
