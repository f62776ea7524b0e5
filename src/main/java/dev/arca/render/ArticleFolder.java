package dev.arca.render;

import dev.arca.extract.Article;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The article as a folder for reading and for note-taking tools: {@code index.html} (the
 * standalone page), {@code article.md} and {@code article.json}, with the captured images in
 * {@code images/} and linked by relative paths, so that the folder can be moved as a whole.
 *
 * <p>It only says what the files are; the caller writes them, under its own rules for where and how.
 * Every name is relative, uses {@code /}, and is either one of the three above or
 * {@code images/<hex>.<ext>}: nothing a page can choose.
 */
public final class ArticleFolder {

    /** One file of the folder: its relative name and its content. */
    public record Entry(String name, byte[] content) {
    }

    private ArticleFolder() {
    }

    /**
     * The files of the folder, {@code index.html}, {@code article.md}, {@code article.json}, then
     * the images. The Markdown links an image that was not captured to its original URL, as
     * Markdown on stdout does; the page shows its alt text (it loads nothing from the network).
     *
     * @param articleJson the article as JSON, as {@code --as json} prints it
     */
    public static List<Entry> of(Article article, CapturedResources resources, String articleJson) {
        ImageFiles images = new ImageFiles(resources, "images/");
        ImageLinks local = images.links(type -> true);
        ImageLinks original = ImageLinks.original();
        String html = new HtmlPageRenderer().render(article, local, "'self'");
        String markdown = new MarkdownRenderer().renderWith(article, img -> local.link(img).or(() -> original.link(img)));
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("index.html", html.getBytes(StandardCharsets.UTF_8)));
        entries.add(new Entry("article.md", markdown.getBytes(StandardCharsets.UTF_8)));
        entries.add(new Entry("article.json", articleJson.getBytes(StandardCharsets.UTF_8)));
        for (ImageFiles.ImageFile file : images.files()) {
            entries.add(new Entry(file.path(), file.bytes()));
        }
        return entries;
    }
}
