package dev.arca.render;

import dev.arca.extract.Article;
import org.jsoup.Jsoup;

/**
 * The article as Markdown: a title heading, one line of byline, date and site, the source link,
 * then the body converted from the article's clean HTML.
 */
public final class MarkdownRenderer {

    public String render(Article article) {
        StringBuilder md = new StringBuilder();
        if (article.title() != null && !article.title().isBlank()) {
            md.append("# ").append(HtmlToMarkdown.escape(article.title().strip())).append("\n\n");
        }
        String byline = Bylines.line(article);
        if (!byline.isEmpty()) {
            md.append(HtmlToMarkdown.escape(byline)).append("\n\n");
        }
        if (article.url() != null) {
            md.append("Source: <").append(article.url()).append(">\n\n");
        }
        String body = HtmlToMarkdown.convert(Jsoup.parseBodyFragment(article.html(), article.url() == null ? "" : article.url()).body());
        if (!body.isEmpty()) {
            md.append(body).append('\n');
        }
        return md.toString();
    }
}
