package dev.arca.cli;

import dev.arca.extract.Article;
import dev.arca.render.HtmlPageRenderer;
import dev.arca.render.MarkdownRenderer;
import dev.arca.render.TextRenderer;

/** The forms an article can be printed in, each with the file extension it is saved under. */
enum ArticleFormat {
    json("json"),
    markdown("md"),
    text("txt"),
    html("html");

    private final String extension;

    ArticleFormat(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }

    String render(Article article) {
        return switch (this) {
            case json -> Json.pretty(article) + "\n";
            case markdown -> new MarkdownRenderer().render(article);
            case text -> new TextRenderer().render(article);
            case html -> new HtmlPageRenderer().render(article);
        };
    }
}
