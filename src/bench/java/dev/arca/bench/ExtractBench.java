package dev.arca.bench;

import dev.arca.extract.Extractor;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Warm single-thread throughput of arca's extractor next to Readability4J 1.0.8, in the same
 * JVM over the same pages held in memory. Each corpus is run through each extractor for a
 * warm-up (at least {@code --warmup} seconds), then {@code --rounds} timed passes of each,
 * interleaved; the median and the best pass are printed as documents per second. A third
 * column times jsoup parsing alone, the floor under every jsoup-based extractor. Both start from the raw bytes and
 * include decoding and jsoup parsing (Readability4J gets the bytes read as UTF-8, as the peers
 * in the corpus README did), and both end with the article's HTML and text as strings
 * ({@link Readability4JRun}).
 *
 * <pre>ExtractBench [--warmup SECONDS] [--rounds N] CORPUS_DIR...</pre>
 * A corpus directory holding {@code <id>/source.html} pages is read as such; otherwise every
 * {@code *.html}/{@code *.htm} below it counts.
 */
public final class ExtractBench {

    private ExtractBench() {
    }

    record Doc(String url, byte[] bytes) {
    }

    public static void main(String[] args) throws IOException {
        double warmup = 20;
        int rounds = 5;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> dirs.add(Path.of(args[i]));
            }
        }
        if (dirs.isEmpty()) {
            System.err.println("usage: ExtractBench [--warmup SECONDS] [--rounds N] CORPUS_DIR...");
            System.exit(2);
        }
        Extractor arca = Extractor.create();
        Consumer<Doc> arcaRun = d -> arca.extract(d.bytes(), null, d.url()).article();
        Consumer<Doc> r4jRun = d -> Readability4JRun.extract(d.url(), d.bytes());
        // the floor: decoding and parsing alone, which every extractor here pays
        Consumer<Doc> parseRun = d -> Jsoup.parse(new String(d.bytes(), StandardCharsets.UTF_8), d.url());
        System.out.printf(Locale.ROOT, "warm-up %.0f s per extractor and corpus, %d timed passes each, interleaved;"
                + " docs/s as median (best)%n", warmup, rounds);
        System.out.printf(Locale.ROOT, "%-22s %6s %8s %18s %18s %18s%n", "corpus", "docs", "MB", "arca",
                "readability4j", "jsoup parse only");
        for (Path dir : dirs) {
            List<Doc> docs = load(dir);
            double mb = docs.stream().mapToLong(d -> d.bytes().length).sum() / 1e6;
            warm(docs, arcaRun, warmup);
            warm(docs, r4jRun, warmup);
            warm(docs, parseRun, warmup / 2);
            double[] a = new double[rounds];
            double[] r = new double[rounds];
            double[] p = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                // interleaved, so that load from other processes falls on all alike
                a[i] = timedPass(docs, arcaRun);
                r[i] = timedPass(docs, r4jRun);
                p[i] = timedPass(docs, parseRun);
            }
            System.out.printf(Locale.ROOT, "%-22s %6d %8.1f %18s %18s %18s%n", dir.getFileName(), docs.size(), mb,
                    summary(a), summary(r), summary(p));
        }
    }

    private static String summary(double[] rates) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.1f (%.1f)", sorted[sorted.length / 2], sorted[sorted.length - 1]);
    }

    private static void warm(List<Doc> docs, Consumer<Doc> run, double seconds) {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        do {
            pass(docs, run);
        } while (System.nanoTime() < until);
    }

    private static double timedPass(List<Doc> docs, Consumer<Doc> run) {
        long t = System.nanoTime();
        pass(docs, run);
        return docs.size() / ((System.nanoTime() - t) / 1e9);
    }

    private static void pass(List<Doc> docs, Consumer<Doc> run) {
        for (Doc d : docs) {
            try {
                run.accept(d);
            } catch (RuntimeException | StackOverflowError e) {
                // a baseline that fails on a page still spent the time; keep going
            }
        }
    }

    static List<Doc> load(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".html") || n.endsWith(".htm");
            }).sorted().toList();
        }
        boolean sourcesOnly = files.stream().anyMatch(p -> p.getFileName().toString().equals("source.html"));
        List<Doc> docs = new ArrayList<>();
        for (Path f : files) {
            if (!sourcesOnly || f.getFileName().toString().equals("source.html")) {
                docs.add(new Doc("http://example.invalid/" + dir.relativize(f), Files.readAllBytes(f)));
            }
        }
        return docs;
    }
}
