package dev.arca.render;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.arca.extract.Article;

/**
 * The article as Markdown: a title heading, one line of byline, date and site, the source link,
 * then the body converted from the article's clean HTML.
 */
public final class MarkdownRenderer {

    private final FlexmarkHtmlConverter converter;

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet()
                .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
                .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
                .set(FlexmarkHtmlConverter.BR_AS_EXTRA_BLANK_LINES, false)
                .set(FlexmarkHtmlConverter.SKIP_CHAR_ESCAPE, false);
        converter = FlexmarkHtmlConverter.builder(options).build();
    }

    public String render(Article article) {
        StringBuilder md = new StringBuilder();
        if (article.title() != null && !article.title().isBlank()) {
            md.append("# ").append(article.title().strip()).append("\n\n");
        }
        String byline = Bylines.line(article);
        if (!byline.isEmpty()) {
            md.append(byline).append("\n\n");
        }
        if (article.url() != null) {
            md.append("Source: <").append(article.url()).append(">\n\n");
        }
        String body = converter.convert(ShallowHtml.of(article.html())).strip();
        if (!body.isEmpty()) {
            md.append(MarkdownTidy.tidy(body)).append('\n');
        }
        return md.toString();
    }
}
