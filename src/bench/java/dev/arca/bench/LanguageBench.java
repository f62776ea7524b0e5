package dev.arca.bench;

import dev.arca.extract.Article;
import dev.arca.extract.Extractor;
import org.jsoup.nodes.Entities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How well the extractor's language detection agrees with the language pages declare. Every
 * {@code *.html} below the corpus directories is extracted; a page that declares a language
 * (any source but the text) is extracted a second time as bare paragraphs of its own body text,
 * with nothing declared, so that the language can only come from detection. Prints per declared
 * language the pages, the ones detected the same (primary subtag compared), the ones with no
 * guess, and the total.
 *
 * <pre>LanguageBench CORPUS_DIR...</pre>
 */
public final class LanguageBench {

    private LanguageBench() {
    }

    public static void main(String[] args) throws IOException {
        Extractor extractor = Extractor.create();
        Map<String, int[]> byLanguage = new TreeMap<>();
        long nanos = 0;
        for (String dir : args) {
            List<Path> pages;
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            }
            for (Path page : pages) {
                Article declared = extractor.extract(Files.readAllBytes(page), "text/html", "https://corpus.example/").article();
                if (declared.language() == null || declared.text() == null || declared.text().isBlank()
                        || "text".equals(declared.provenance().get("language").source())) {
                    continue;
                }
                String want = primary(declared.language());
                StringBuilder bare = new StringBuilder("<html><body><article>");
                for (String line : declared.text().split("\n")) {
                    bare.append("<p>").append(Entities.escape(line)).append("</p>");
                }
                long t0 = System.nanoTime();
                Article detected = extractor.extract(bare.append("</article></body></html>").toString()
                        .getBytes(StandardCharsets.UTF_8), "text/html", "https://corpus.example/").article();
                nanos += System.nanoTime() - t0;
                int[] counts = byLanguage.computeIfAbsent(want, k -> new int[3]);
                counts[0]++;
                if (detected.language() == null) {
                    counts[2]++;
                } else if (primary(detected.language()).equals(want)) {
                    counts[1]++;
                }
            }
        }
        int pages = 0;
        int same = 0;
        int none = 0;
        System.out.println("declared  pages  same  no-guess");
        for (Map.Entry<String, int[]> e : byLanguage.entrySet()) {
            int[] c = e.getValue();
            System.out.printf(Locale.ROOT, "%-8s %6d %5d %9d%n", e.getKey(), c[0], c[1], c[2]);
            pages += c[0];
            same += c[1];
            none += c[2];
        }
        System.out.printf(Locale.ROOT, "total    %6d %5d %9d   agreement %.3f, guessed %.3f, %.1f ms per bare page%n",
                pages, same, none, pages == 0 ? 0 : (double) same / pages, pages == 0 ? 0 : (double) (pages - none) / pages,
                pages == 0 ? 0 : nanos / 1e6 / pages);
    }

    private static String primary(String tag) {
        String p = tag.toLowerCase(Locale.ROOT);
        int dash = p.indexOf('-');
        return dash < 0 ? p : p.substring(0, dash);
    }
}
