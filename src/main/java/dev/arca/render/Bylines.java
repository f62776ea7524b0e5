package dev.arca.render;

import dev.arca.extract.Article;
import dev.arca.extract.ControlCharacters;

import java.util.ArrayList;
import java.util.List;

/** The one-line summary under a title: "By Jane Doe · 2024-02-16 · Example News". */
final class Bylines {

    private Bylines() {
    }

    static String line(Article article) {
        List<String> parts = new ArrayList<>();
        String byline = oneLine(article.byline());
        if (!byline.isEmpty()) {
            parts.add(byline.regionMatches(true, 0, "by ", 0, 3) ? byline : "By " + byline);
        }
        String published = oneLine(article.published());
        if (!published.isEmpty()) {
            parts.add(published);
        }
        String siteName = oneLine(article.siteName());
        if (!siteName.isEmpty()) {
            parts.add(siteName);
        }
        return String.join(" · ", parts);
    }

    /**
     * A field as one printable line: no control characters (a bundle written before arca removed
     * them may still hold some), whitespace collapsed, "" for null.
     */
    static String oneLine(String value) {
        if (value == null) {
            return "";
        }
        String clean = ControlCharacters.line(value).strip();
        return clean.indexOf("  ") < 0 ? clean : clean.replaceAll(" {2,}", " ");
    }
}
