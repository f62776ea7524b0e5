package dev.arca.render;

import dev.arca.extract.Article;
import org.jsoup.Jsoup;

/**
 * The article as Markdown: a title heading, one line of byline, date and site, the source link,
 * then the body converted from the article's clean HTML. Nothing from the page is read as raw
 * HTML, as a link to anything but http(s), or as a control character (see {@link MarkdownSyntax}).
 */
public final class MarkdownRenderer {

    /** The article, its images linked to the absolute URLs they came from. */
    public String render(Article article) {
        return renderWith(article, ImageLinks.original());
    }

    /** The article, its images linked as {@code images} says (a folder export links them to its files). */
    String renderWith(Article article, ImageLinks images) {
        StringBuilder md = new StringBuilder();
        String title = Bylines.oneLine(article.title());
        if (!title.isEmpty()) {
            md.append("# ").append(MarkdownSyntax.heading(MarkdownSyntax.escape(title))).append("\n\n");
        }
        String byline = Bylines.line(article);
        if (!byline.isEmpty()) {
            md.append(MarkdownSyntax.paragraph(byline)).append("\n\n");
        }
        String url = Bylines.oneLine(article.url());
        if (!url.isEmpty()) {
            md.append("Source: ").append(MarkdownSyntax.autolink(url)).append("\n\n");
        }
        String body = HtmlToMarkdown.convert(Jsoup.parseBodyFragment(article.html(), article.url() == null ? "" : article.url()).body(),
                images);
        if (!body.isEmpty()) {
            md.append(body).append('\n');
        }
        return md.toString();
    }
}
