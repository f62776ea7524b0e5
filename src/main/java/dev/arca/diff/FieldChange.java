package dev.arca.diff;

import dev.arca.extract.Article;

import java.util.List;
import java.util.function.Function;

/**
 * One metadata field that differs between two snapshots of an article.
 *
 * @param field  which field
 * @param before its value before, as one clean line, or null when it had none
 * @param after  its value after, or null when it has none
 */
public record FieldChange(Field field, String before, String after) {

    /**
     * The Article fields a reader notices when they change, named as in the Article's JSON. Lists
     * (authors, tags) are compared and shown as one line, the names separated by {@code ", "}.
     */
    public enum Field {
        TITLE("title", Article::title),
        BYLINE("byline", Article::byline),
        AUTHORS("authors", a -> joined(a.authors())),
        PUBLISHED("published", Article::published),
        MODIFIED("modified", Article::modified),
        LEAD_IMAGE("leadImage", Article::leadImage),
        DESCRIPTION("description", Article::description),
        SITE_NAME("siteName", Article::siteName),
        LANGUAGE("language", Article::language),
        TAGS("tags", a -> joined(a.tags())),
        URL("url", Article::url),
        CANONICAL_URL("canonicalUrl", Article::canonicalUrl),
        SOURCE_URL("sourceUrl", Article::sourceUrl);

        private final String key;
        private final Function<Article, String> value;

        Field(String key, Function<Article, String> value) {
            this.key = key;
            this.value = value;
        }

        /** The field's name in the Article's JSON and in the diff's JSON. */
        public String key() {
            return key;
        }

        /** The field's value in {@code article} as one clean line, or null when it is absent or blank. */
        String of(Article article) {
            String line = PlainLine.of(value.apply(article));
            return line == null || line.isEmpty() ? null : line;
        }

        private static String joined(List<String> names) {
            return names.isEmpty() ? null : String.join(", ", names.stream().map(PlainLine::of).toList());
        }
    }
}
