package dev.arca.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.arca.extract.Article;
import dev.arca.extract.Extractor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Batch extraction over a directory, as {@code arca extract --input-dir DIR --output-dir OUT}
 * will do: every {@code *.html}/{@code *.htm} below DIR becomes {@code OUT/<same path>.json}
 * holding the Article. Stand-in for the CLI until it lands, used to score the corpora.
 *
 * <pre>CorpusExtract --input-dir DIR --output-dir OUT [--jobs N] [--stats] [--urls manifest.tsv]</pre>
 * {@code --urls} reads "relative-dir TAB url" lines (the corpora's manifest.tsv) to give each
 * page its address; without it pages are extracted with no URL, as the CLI does.
 */
public final class CorpusExtract {

    private CorpusExtract() {
    }

    public static void main(String[] args) throws Exception {
        Path in = null;
        Path out = null;
        Path urls = null;
        int jobs = 1;
        boolean stats = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input-dir" -> in = Path.of(args[++i]);
                case "--output-dir" -> out = Path.of(args[++i]);
                case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                case "--urls" -> urls = Path.of(args[++i]);
                case "--stats" -> stats = true;
                default -> {
                    System.err.println("usage: CorpusExtract --input-dir DIR --output-dir OUT [--jobs N] [--stats]"
                            + " [--urls FILE]");
                    System.exit(2);
                }
            }
        }
        if (in == null || out == null) {
            System.err.println("CorpusExtract: --input-dir and --output-dir are required");
            System.exit(2);
        }
        Map<String, String> addresses = urls == null ? Map.of() : readUrls(urls);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(in)) {
            files = walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase();
                return n.endsWith(".html") || n.endsWith(".htm");
            }).sorted().toList();
        }
        Extractor extractor = Extractor.create();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<?>> done = new ArrayList<>();
        final Path inDir = in;
        final Path outDir = out;
        for (Path f : files) {
            done.add(pool.submit(() -> {
                Path rel = inDir.relativize(f);
                try {
                    byte[] bytes = Files.readAllBytes(f);
                    String url = rel.getParent() == null ? null : addresses.get(rel.getParent().toString());
                    Article a = extractor.extract(bytes, null, url);
                    String name = rel.getFileName().toString();
                    Path target = outDir.resolve(rel).resolveSibling(name.substring(0, name.lastIndexOf('.'))
                            + ".json");
                    Files.createDirectories(target.getParent());
                    json.writeValue(target.toFile(), a);
                } catch (IOException | RuntimeException e) {
                    errors.incrementAndGet();
                    System.err.println("CorpusExtract: " + rel + ": " + e);
                }
            }));
        }
        for (Future<?> d : done) {
            d.get();
        }
        pool.shutdown();
        double secs = (System.nanoTime() - start) / 1e9;
        if (stats) {
            System.err.printf("documents=%d errors=%d seconds=%.2f docs_per_second=%.1f%n", files.size(),
                    errors.get(), secs, files.size() / secs);
        }
        System.exit(errors.get() > 0 ? 1 : 0);
    }

    private static Map<String, String> readUrls(Path file) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split("\t");
            if (parts.length >= 2 && parts[1].startsWith("http")) {
                m.put(parts[0], parts[1]);
            }
        }
        return m;
    }
}
