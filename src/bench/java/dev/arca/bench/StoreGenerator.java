package dev.arca.bench;

import dev.arca.extract.Article;
import dev.arca.fetch.Capture;
import dev.arca.store.CaptureIds;
import dev.arca.testing.SyntheticBundles;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes a store of synthetic captures for the index benchmark, fast: {@link SyntheticArticles}
 * written as real bundles by arca's {@link dev.arca.bundle.BundleWriter}, in the store's layout
 * ({@code <yyyy>/<mm>/<id>.wacz}) but without the per-bundle fsync and index update of
 * {@code Store.save}, as if they had been copied in from another machine. Beside it, the text of
 * each article (title, byline, description, body) as one file, for ripgrep.
 *
 * <p>Usage: {@code StoreGenerator STORE_DIR TEXTS_DIR COUNT [SEED] [THREADS]}. Prints
 * {@code key=value} lines the benchmark script reads: the site and query to time, and the bytes of
 * text written.
 */
public final class StoreGenerator {

    private StoreGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        Path texts = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();

        SyntheticArticles articles = new SyntheticArticles(seed, 60_000);
        AtomicLong textBytes = new AtomicLong();
        AtomicLong bundleBytes = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int chunk = 1000;
            List<Future<?>> jobs = new ArrayList<>();
            for (int from = 0; from < count; from += chunk) {
                int first = from;
                int last = Math.min(count, from + chunk);
                jobs.add(pool.submit(() -> {
                    for (int n = first; n < last; n++) {
                        write(articles.article(n), store, texts, textBytes, bundleBytes);
                    }
                    return null;
                }));
            }
            for (int i = 0; i < jobs.size(); i++) {
                jobs.get(i).get();
                if ((i + 1) % 10 == 0) {
                    System.err.printf(Locale.ROOT, "generated %d bundles%n", Math.min(count, (i + 1) * chunk));
                }
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "generated %d bundles in %.0f s (%.0f/s)%n", count, seconds, count / seconds);
        System.out.println("count=" + count);
        System.out.println("site=" + articles.host(7));
        System.out.println("query=harbour bridge");
        System.out.println("text_bytes=" + textBytes.get());
        System.out.println("bundle_bytes=" + bundleBytes.get());
    }

    private static void write(SyntheticArticles.Generated generated, Path store, Path texts, AtomicLong textBytes,
                              AtomicLong bundleBytes) {
        Article article = generated.article();
        Capture capture = SyntheticBundles.capture(article, generated.requestedUrl(), generated.captured());
        ZonedDateTime utc = generated.captured().atZone(ZoneOffset.UTC);
        Path month = store.resolve(String.format(Locale.ROOT, "%04d/%02d", utc.getYear(), utc.getMonthValue()));
        try {
            Files.createDirectories(month);
            while (true) {
                String id = CaptureIds.next(generated.captured());
                Path bundle = month.resolve(id + ".wacz");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bundle, StandardOpenOption.CREATE_NEW), 1 << 16)) {
                    SyntheticBundles.write(out, id, capture, article);
                } catch (FileAlreadyExistsException e) {
                    continue;
                }
                bundleBytes.addAndGet(Files.size(bundle));
                String text = String.join("\n", article.title(), article.byline(), article.description(), article.text()) + "\n";
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                Path file = texts.resolve(id.substring(id.length() - 2)).resolve(id + ".txt");
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
                textBytes.addAndGet(bytes.length);
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
