package dev.arca.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, well-formed news article page with the metadata the extractor reads (title, author,
 * language, publication date, description), for tests that need many different captures.
 */
public final class ArticlePage {

    private String title = "Untitled";
    private String author;
    private String language = "en";
    private String published;
    private String description;
    private final List<String> paragraphs = new ArrayList<>();

    public ArticlePage title(String value) {
        title = value;
        return this;
    }

    public ArticlePage author(String value) {
        author = value;
        return this;
    }

    public ArticlePage language(String value) {
        language = value;
        return this;
    }

    public ArticlePage published(String value) {
        published = value;
        return this;
    }

    public ArticlePage description(String value) {
        description = value;
        return this;
    }

    public ArticlePage paragraph(String text) {
        paragraphs.add(text);
        return this;
    }

    public String html() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"" + language + "\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.append("<title>").append(title).append("</title>\n");
        if (author != null) {
            html.append("<meta name=\"author\" content=\"").append(author).append("\">\n");
        }
        if (published != null) {
            html.append("<meta property=\"article:published_time\" content=\"").append(published).append("\">\n");
        }
        if (description != null) {
            html.append("<meta name=\"description\" content=\"").append(description).append("\">\n");
        }
        html.append("</head>\n<body>\n<article>\n<h1>").append(title).append("</h1>\n");
        for (String p : paragraphs) {
            html.append("<p>").append(p).append("</p>\n");
        }
        return html.append("</article>\n</body>\n</html>\n").toString();
    }

    /** Writes the page to {@code file} and returns the file. */
    public Path writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, html(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
