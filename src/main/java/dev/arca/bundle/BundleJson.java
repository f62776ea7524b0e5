package dev.arca.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.arca.extract.Article;
import dev.arca.fetch.FetchedRequisite;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON of a bundle's members: the Article, the warnings and the WACZ manifests. Every reader
 * of a bundle's JSON goes through {@link #FACTORY}, whose limits are the bundle's own
 * ({@link BundleLimits}), so that whatever arca writes, it reads back.
 */
final class BundleJson {

    /** Strings as long as the largest member, which Jackson's default (20 million characters) is not. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(BundleLimits.MAX_JSON_STRING).build())
            .build();

    static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Reads an Article without its html, which is as long as the text and needed by neither listings nor the index. */
    static final ObjectReader ARTICLE_WITHOUT_HTML = JsonMapper.builder(FACTORY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(Article.class, WithoutHtml.class)
            .build()
            .readerFor(Article.class);

    @JsonIgnoreProperties("html")
    private abstract static class WithoutHtml {
    }

    /** The document of {@code article/warnings.json} and of its WARC metadata record. */
    record Warnings(List<CaptureWarning> warnings) {

        Warnings {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
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

    /** {@code {"warnings": [{"step": ..., "message": ...}]}}, as stored in {@code article/warnings.json}. */
    static byte[] warnings(List<CaptureWarning> warnings) throws IOException {
        return PRETTY.writeValueAsBytes(new Warnings(warnings));
    }

    /**
     * {@code {"unreachedRequisites": [{"url", "kind", "foundIn", "error"}]}}: the requisites that got
     * no response at all, so that the bundle says what it lacks and why; null when every one got a response.
     */
    static byte[] unreachedRequisites(List<FetchedRequisite> fetched) throws IOException {
        List<Map<String, String>> unreached = new ArrayList<>();
        for (FetchedRequisite f : fetched) {
            if (f.error() != null) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("url", f.requisite().url());
                entry.put("kind", f.requisite().kind().name().toLowerCase(Locale.ROOT));
                entry.put("foundIn", f.requisite().foundIn());
                entry.put("error", f.error());
                unreached.add(entry);
            }
        }
        return unreached.isEmpty() ? null : PRETTY.writeValueAsBytes(Map.of("unreachedRequisites", unreached));
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
