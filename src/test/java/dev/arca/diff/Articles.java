package dev.arca.diff;

import dev.arca.extract.Article;

import java.util.List;

/** Articles for diff tests: a title and paragraphs, the rest fixed. */
final class Articles {

    private Articles() {
    }

    static Article of(String title, String... paragraphs) {
        String text = String.join("\n", paragraphs);
        return new Article("https://example.com/news/story", null, title, "Maria Okafor", List.of("Maria Okafor"),
                "2024-03-14T08:30:00Z", null, "The Coastal Courier", "en", null, null, List.of(), null, "text/html",
                0.9, text.split("\\s+").length, text, "<p>" + String.join("</p><p>", paragraphs) + "</p>");
    }

    static Article withByline(Article a, String byline, List<String> authors) {
        return new Article(a.url(), a.canonicalUrl(), a.title(), byline, authors, a.published(), a.modified(),
                a.siteName(), a.language(), a.description(), a.leadImage(), a.tags(), a.sourceUrl(), a.mediaType(),
                a.confidence(), a.wordCount(), a.text(), a.html());
    }

    static Article withDates(Article a, String published, String modified, String leadImage) {
        return new Article(a.url(), a.canonicalUrl(), a.title(), a.byline(), a.authors(), published, modified,
                a.siteName(), a.language(), a.description(), leadImage, a.tags(), a.sourceUrl(), a.mediaType(),
                a.confidence(), a.wordCount(), a.text(), a.html());
    }
}
