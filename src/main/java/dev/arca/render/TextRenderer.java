package dev.arca.render;

import dev.arca.extract.Article;
import dev.arca.extract.ControlCharacters;

/**
 * The article as plain text: title, byline line, source URL, then the body text. No control
 * character reaches the output, even from a bundle written before arca removed them.
 */
public final class TextRenderer {

    public String render(Article article) {
        StringBuilder text = new StringBuilder();
        String title = Bylines.oneLine(article.title());
        if (!title.isEmpty()) {
            text.append(title).append("\n\n");
        }
        String byline = Bylines.line(article);
        if (!byline.isEmpty()) {
            text.append(byline).append("\n");
        }
        String url = Bylines.oneLine(article.url());
        if (!url.isEmpty()) {
            text.append(url).append("\n");
        }
        if (!byline.isEmpty() || !url.isEmpty()) {
            text.append('\n');
        }
        String body = ControlCharacters.text(article.text()).strip();
        if (!body.isEmpty()) {
            text.append(body).append('\n');
        }
        return text.toString();
    }
}
