package dev.arca.render;

import dev.arca.extract.Article;
import dev.arca.extract.Extractor;
import dev.arca.testing.Corpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The EPUB of every page of every corpus in {@code ../shared/corpora} (about 930 real pages)
 * passes epubcheck with no error and no warning: real articles hold the markup that browsers
 * forgive and EPUB does not. Skipped when {@code ../shared} is absent.
 */
class EpubOnCorporaTest {

    private static final Extractor EXTRACTOR = Extractor.create();

    @ParameterizedTest
    @ValueSource(strings = {"readability-pages", "trafilatura-snippets", "wceb-dev"})
    void everyPageMakesAValidBook(String corpus) throws IOException {
        assumeTrue(Corpus.available(corpus), "../shared/corpora/" + corpus + " is not here");
        List<Corpus.Page> pages = new ArrayList<>();
        Corpus.forEachPage(corpus, pages::add);

        List<String> failures = pages.parallelStream().flatMap(page -> {
            Article article = EXTRACTOR.extract(page.html(), null, "https://corpus.example/" + page.id() + "/page.html");
            try {
                String problems = Epubcheck.problems(EpubRendererTest.epub(article, CapturedResources.none()));
                return problems.isEmpty() ? java.util.stream.Stream.<String>empty() : java.util.stream.Stream.of(page.id() + ": " + problems);
            } catch (RuntimeException | StackOverflowError e) {
                return java.util.stream.Stream.of(page.id() + ": " + e);
            }
        }).toList();

        assertThat(failures).isEmpty();
        assertThat(pages).hasSizeGreaterThan(100);
    }
}
