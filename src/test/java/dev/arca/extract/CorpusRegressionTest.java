package dev.arca.extract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A quick check against the unpacked readability-pages corpus: titles and body text of a sample
 * of pages. Opt-in and skipped when the corpus is absent: run with
 * {@code -Darca.corpora=/path/to/unpacked/corpora} (a folder holding {@code readability-pages/}).
 * The full figures come from {@code src/bench} and the corpus scorer, not from this test.
 */
class CorpusRegressionTest {

    private static final Pattern TITLE = Pattern.compile("\"title\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void readabilityPagesKeepTheirTitlesAndText() throws IOException {
        String root = System.getProperty("arca.corpora");
        assumeTrue(root != null, "set -Darca.corpora to run the corpus check");
        Path dir = Path.of(root, "readability-pages");
        assumeTrue(Files.isDirectory(dir), "no readability-pages under " + root);
        List<Path> pages;
        try (Stream<Path> s = Files.list(dir)) {
            pages = s.filter(p -> Files.isRegularFile(p.resolve("source.html"))).sorted().limit(40).toList();
        }
        Extractor extractor = Extractor.create();
        int titled = 0;
        int matched = 0;
        for (Path page : pages) {
            Article a = extractor.extract(Files.readAllBytes(page.resolve("source.html")), null,
                    "http://fakehost/test/page.html").article();
            assertThat(a.text()).as(page.toString()).isNotNull();
            Matcher m = TITLE.matcher(Files.readString(page.resolve("expected.json")));
            if (m.find() && !m.group(1).isEmpty() && !m.group(1).contains("\\")) {
                titled++;
                matched += m.group(1).strip().replaceAll("\\s+", " ").equals(a.title()) ? 1 : 0;
            }
        }
        assertThat(pages).isNotEmpty();
        assertThat((double) matched / Math.max(1, titled)).isGreaterThan(0.95);
    }
}
