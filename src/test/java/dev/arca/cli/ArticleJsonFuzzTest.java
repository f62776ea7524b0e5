package dev.arca.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.arca.extract.Article;
import dev.arca.testing.FuzzedArticle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Article JSON that {@code extract --format json} and {@code restore --as json} print is valid
 * for any Article: it reads back, as UTF-8, to the same Article, and holds no raw control
 * character. A lone surrogate, which UTF-8 cannot hold, is the one thing written as a '?'.
 * Run longer with {@code JAZZER_FUZZ=1 mvn test -Dtest=ArticleJsonFuzzTest}.
 */
class ArticleJsonFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void writesValidJsonForAnyArticle(byte[] bytes) throws IOException {
        Article article = FuzzedArticle.of(bytes);

        String json = ArticleFormat.json.render(article);
        String written = new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        Article read = Json.mapper().readValue(written.getBytes(StandardCharsets.UTF_8), Article.class);

        assertThat(written.codePoints().filter(c -> c < 0x20 && c != '\n' || c >= 0x7F && c <= 0x9F)).isEmpty();
        assertThat(ArticleFormat.json.render(read)).isEqualTo(written);
        if (written.equals(json)) {
            assertThat(read).isEqualTo(article);
        }
    }
}
