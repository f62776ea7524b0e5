package dev.arca.bench;

import dev.arca.archive.Archiver;
import dev.arca.bundle.WarcCaptures;
import dev.arca.extract.Extractor;
import dev.arca.fetch.FetchOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The baseline of {@code spark-bench.sh}: every page of the WARC and WACZ files named, read by
 * {@link WarcCaptures} and extracted by one {@link Extractor} on one thread, in one cold JVM, as
 * {@code arca extract FILE.warc.gz} would (without printing). Prints pages, seconds and pages/s.
 *
 * <pre>WarcExtractBench FILE...</pre>
 */
public final class WarcExtractBench {

    private WarcExtractBench() {
    }

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        Extractor extractor = Extractor.create();
        long pages = 0;
        long words = 0;
        for (String file : args) {
            try (WarcCaptures captures = WarcCaptures.open(Path.of(file), FetchOptions.DEFAULT_MAX_SIZE,
                    (f, member, offset, why) -> System.err.println(f + " at " + offset + ": " + why))) {
                for (Optional<WarcCaptures.Found> found = captures.next(); found.isPresent(); found = captures.next()) {
                    words += Archiver.extractionOf(found.get().capture(), extractor).article().wordCount();
                    pages++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "extractor pages=%d words=%d seconds=%.2f pages_per_s=%.1f%n", pages, words, seconds, pages / seconds);
    }
}
