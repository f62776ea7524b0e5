package dev.arca.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The searchable words of a bundle's article, its title, byline, description and body, read
 * without the rest: the JDK's ZIP reader and a streaming JSON parser skip the classes a full
 * {@link BundleReader} loads, which is most of what search snippets would otherwise cost a short
 * command. Each is cut to its first {@link BundleLimits#LISTED_STRING} bytes, as the index has
 * it, so that a huge article costs a search no more memory than a long one.
 */
public record ArticleText(String title, String byline, String description, String text) {

    /** Reads {@code article/article.json} of the bundle at {@code path}. */
    public static ArticleText read(Path path) throws IOException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry entry = zip.getEntry(BundleWriter.ARTICLE_PATH);
            if (entry == null) {
                throw new BundleException(path, BundleException.Reason.MISSING, "missing " + BundleWriter.ARTICLE_PATH);
            }
            try (InputStream in = zip.getInputStream(entry);
                 JsonParser json = BundleJson.FACTORY.createParser(new ShortenedStrings(in, BundleLimits.LISTED_STRING))) {
                return parse(json, path);
            }
        }
    }

    private static ArticleText parse(JsonParser json, Path path) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw new BundleException(path, BundleException.Reason.CORRUPT, BundleWriter.ARTICLE_PATH + " is not a JSON object");
        }
        String title = null;
        String byline = null;
        String description = null;
        String text = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            String string = value == JsonToken.VALUE_STRING ? json.getText() : null;
            switch (field) {
                case "title" -> title = string;
                case "byline" -> byline = string;
                case "description" -> description = string;
                case "text" -> text = string;
                default -> json.skipChildren();
            }
        }
        return new ArticleText(title, byline, description, text == null ? "" : text);
    }
}
