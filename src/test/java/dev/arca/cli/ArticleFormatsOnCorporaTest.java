package dev.arca.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arca.extract.Article;
import dev.arca.extract.Extractor;
import dev.arca.testing.CommonMarkTree;
import dev.arca.testing.Corpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every renderer is total: every page of every corpus in {@code ../shared/corpora} (about 930 real
 * pages) extracts once and renders in every {@code --format}, with no exception, no control
 * character, Markdown that a CommonMark reader finds no HTML or unsafe link in, and JSON that
 * reads back as the same Article. Skipped when {@code ../shared} is absent.
 */
class ArticleFormatsOnCorporaTest {

    private static final Extractor EXTRACTOR = Extractor.create();

    @ParameterizedTest
    @ValueSource(strings = {"readability-pages", "trafilatura-snippets", "wceb-dev"})
    void everyPageRendersInEveryFormat(String corpus) throws IOException {
        assumeTrue(Corpus.available(corpus), "../shared/corpora/" + corpus + " is not here");
        List<Corpus.Page> pages = new ArrayList<>();
        Corpus.forEachPage(corpus, pages::add);

        // one core extracts all of them in about 10 s; use what the machine has
        List<String> failures = pages.parallelStream().flatMap(page -> {
            Article article = EXTRACTOR.extract(page.html(), null, "https://corpus.example/" + page.id() + "/page.html").article();
            List<String> problems = new ArrayList<>();
            for (ArticleFormat format : ArticleFormat.values()) {
                try {
                    String problem = problem(format, article, format.render(article));
                    if (problem != null) {
                        problems.add(page.id() + " " + format + ": " + problem);
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    problems.add(page.id() + " " + format + ": " + e);
                }
            }
            return problems.stream();
        }).toList();

        assertThat(failures).isEmpty();
        assertThat(pages).hasSizeGreaterThan(100);
    }

    private static String problem(ArticleFormat format, Article article, String out) {
        int control = out.codePoints().filter(c -> c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F)
                .findFirst().orElse(-1);
        if (control >= 0) {
            return String.format("control character U+%04X", control);
        }
        if (format == ArticleFormat.markdown) {
            List<String> unsafe = CommonMarkTree.unsafeNodes(out);
            return unsafe.isEmpty() ? null : "unsafe Markdown " + unsafe;
        }
        if (format == ArticleFormat.json) {
            try {
                Article read = Json.mapper().readValue(out, Article.class);
                return read.equals(article) ? null : "JSON reads back as a different Article";
            } catch (JsonProcessingException e) {
                return "invalid JSON: " + e.getOriginalMessage();
            }
        }
        return null;
    }
}
