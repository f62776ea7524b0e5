package dev.arca.extract;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes, with any Content-Type, extract to an Article: never an exception, never a hang.
 * Run longer with {@code JAZZER_FUZZ=1 mvn test -Dtest=ExtractorFuzzTest}.
 */
class ExtractorFuzzTest {

    private static final Extractor EXTRACTOR = Extractor.create();

    @FuzzTest(maxDuration = "5m")
    void extractsAnyBytes(FuzzedDataProvider data) {
        String contentType = data.consumeBoolean() ? data.consumeString(60) : null;
        byte[] body = data.consumeRemainingAsBytes();

        Article article = EXTRACTOR.extract(body, contentType, "http://example.com/news/story").article();

        assertThat(article.text()).isNotNull();
        assertThat(article.html()).isNotNull();
        assertThat(article.wordCount()).isNotNegative();
    }
}
