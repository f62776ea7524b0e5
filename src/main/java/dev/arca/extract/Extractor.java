package dev.arca.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns an HTML page into an {@link Article}. Placeholder until the extraction pipeline lands.
 */
public final class Extractor {

    private Extractor() {
    }

    /** The standard extraction pipeline. */
    public static Extractor create() {
        return new Extractor();
    }

    /**
     * Decodes {@code body} (charset from BOM, then {@code contentType}, then {@code <meta>}, then
     * sniffing) and extracts the article. {@code contentType} may be null.
     */
    public Article extract(byte[] body, String contentType, String url) {
        return extract(Jsoup.parse(new String(body, StandardCharsets.UTF_8), url), url);
    }

    /** Extracts the article from an already parsed document. */
    public Article extract(Document doc, String url) {
        String text = doc.body().text();
        return new Article(url, null, doc.title(), null, List.of(), null, null, null, null, null,
                null, List.of(), null, "text/html", 0.5, text.split("\\s+").length, text,
                doc.body().html());
    }
}
