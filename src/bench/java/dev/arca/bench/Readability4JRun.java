package dev.arca.bench;

import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;

import java.nio.charset.StandardCharsets;

/**
 * One Readability4J extraction carried as far as arca's: the article's HTML and its text as
 * strings. Readability4J's {@code parse()} stops at a DOM element and serialises it only when
 * {@code getContent()} or {@code getTextContent()} is called, where Readability.js's
 * {@code parse()} returns both strings, as arca's extractor does; timing {@code parse()} alone
 * would leave the peer's share of that work out of the comparison.
 */
final class Readability4JRun {

    private Readability4JRun() {
    }

    /** Extracts {@code bytes} read as UTF-8; returns the lengths of the HTML and the text, so the work cannot be skipped. */
    static long extract(String url, byte[] bytes) {
        Article article = new Readability4J(url, new String(bytes, StandardCharsets.UTF_8)).parse();
        String html = article.getContent();
        String text = article.getTextContent();
        return (html == null ? 0 : html.length()) + (text == null ? 0 : text.length());
    }
}
