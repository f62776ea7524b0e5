package dev.arca.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.arca.extract.Article;

import java.io.IOException;

/** The JSON of a bundle's members: the Article and the WACZ manifests. */
final class BundleJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Reads an Article without its html, which is as long as the text and needed by neither listings nor the index. */
    static final ObjectReader ARTICLE_WITHOUT_HTML = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(Article.class, WithoutHtml.class)
            .build()
            .readerFor(Article.class);

    @JsonIgnoreProperties("html")
    private abstract static class WithoutHtml {
    }

    /** Indented, with {@code "key": value} spacing: some WACZ readers choke on Jackson's default {@code "key" : value}. */
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private BundleJson() {
    }

    /** The Article as stored in {@code article/article.json} and the metadata record. */
    static byte[] article(Article article) throws IOException {
        return PRETTY.writeValueAsBytes(article);
    }

    /** An indented document, for manifests people read. */
    static byte[] pretty(Object value) throws IOException {
        return PRETTY.writeValueAsBytes(value);
    }

    /** One compact line, for CDXJ and JSON Lines. */
    static String line(Object value) throws IOException {
        return MAPPER.writeValueAsString(value);
    }
}
