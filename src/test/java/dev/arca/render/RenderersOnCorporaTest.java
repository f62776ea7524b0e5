package dev.arca.render;

import dev.arca.extract.Article;
import dev.arca.extract.Extractor;
import dev.arca.testing.Corpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The renderers that use a capture's resources are total on real pages: every page of every
 * corpus in {@code ../shared/corpora} (about 930) renders as a self-contained page, as the
 * article's page with images, as a folder and as an EPUB, with no exception and no control
 * character, every URL standing for a captured picture; and the EPUB of every eighth page (half
 * of them with pictures) passes epubcheck with no error and no warning: epubcheck takes 0.1 to
 * 0.5 s a book, so all of them would take minutes (every page's book, without pictures, passed
 * when the renderer was written). {@code ArticleFormatsOnCorporaTest}
 * covers the forms without resources. Skipped when {@code ../shared} is absent.
 */
class RenderersOnCorporaTest {

    private static final Extractor EXTRACTOR = Extractor.create();
    private static final CapturedResources EVERY_URL_A_PICTURE =
            url -> Optional.of(new CapturedResource(CapturedImagesTest.PNG, "image/png"));

    @ParameterizedTest
    @ValueSource(strings = {"readability-pages", "trafilatura-snippets", "wceb-dev"})
    void everyPageRendersWithResources(String corpus) throws IOException {
        assumeTrue(Corpus.available(corpus), "../shared/corpora/" + corpus + " is not here");
        List<Corpus.Page> pages = new ArrayList<>();
        Corpus.forEachPage(corpus, pages::add);
        AtomicInteger checked = new AtomicInteger();

        List<String> failures = java.util.stream.IntStream.range(0, pages.size()).parallel().boxed().flatMap(i -> {
            Corpus.Page page = pages.get(i);
            String url = "https://corpus.example/" + page.id() + "/page.html";
            try {
                Article article = EXTRACTOR.extract(page.html(), null, url).article();
                List<String> problems = new ArrayList<>();
                control("page", SelfContainedPage.render(page.html(), null, url, EVERY_URL_A_PICTURE), problems);
                control("html", new HtmlPageRenderer().render(article, EVERY_URL_A_PICTURE), problems);
                for (ArticleFolder.Entry entry : ArticleFolder.of(article, EVERY_URL_A_PICTURE, "{}")) {
                    if (!entry.name().startsWith("images/")) {
                        control("folder " + entry.name(), new String(entry.content(), java.nio.charset.StandardCharsets.UTF_8), problems);
                    }
                }
                boolean checkBook = i % 8 == 0;
                byte[] epub = EpubRendererTest.epub(article, i % 16 == 0 ? CapturedResources.none() : EVERY_URL_A_PICTURE);
                if (checkBook) {
                    checked.incrementAndGet();
                    String report = Epubcheck.problems(epub);
                    if (!report.isEmpty()) {
                        problems.add("epub: " + report);
                    }
                }
                return problems.stream().map(p -> page.id() + " " + p);
            } catch (RuntimeException | StackOverflowError e) {
                return Stream.of(page.id() + ": " + e);
            }
        }).toList();

        assertThat(failures).isEmpty();
        assertThat(pages).hasSizeGreaterThan(100);
        assertThat(checked.get()).isGreaterThan(pages.size() / 9);
    }

    private static void control(String form, String out, List<String> problems) {
        out.codePoints().filter(c -> c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F).findFirst()
                .ifPresent(c -> problems.add(String.format("%s: control character U+%04X", form, c)));
    }
}
