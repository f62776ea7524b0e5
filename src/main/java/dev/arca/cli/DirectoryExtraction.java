package dev.arca.cli;

import dev.arca.extract.Article;
import dev.arca.extract.Extractor;
import dev.arca.fetch.LocalFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Batch extraction of saved pages, as trafilatura's {@code --input-dir}: every {@code *.html} and
 * {@code *.htm} below a directory becomes {@code OUT/<same relative path>.<ext>}. One bad file is
 * reported and skipped; the run goes on.
 */
final class DirectoryExtraction {

    private final Extractor extractor;
    private final ArticleFormat format;
    private final long maxSize;
    private final ArcaCommand arca;

    DirectoryExtraction(Extractor extractor, ArticleFormat format, long maxSize, ArcaCommand arca) {
        this.extractor = extractor;
        this.format = format;
        this.maxSize = maxSize;
        this.arca = arca;
    }

    int run(Path inputDir, Path outputDir, int jobs, boolean stats) throws IOException {
        if (!Files.isDirectory(inputDir)) {
            throw new IOException("--input-dir " + inputDir + " is not a directory");
        }
        List<Path> pages = pages(inputDir);
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try (TargetDirectory out = TargetDirectory.open(outputDir)) {
            List<Future<?>> done = new ArrayList<>();
            for (Path page : pages) {
                done.add(pool.submit(() -> extractTo(page, inputDir, out, errors)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (stats) {
            arca.console().err().printf(Locale.ROOT, "documents %d, errors %d, %.2f s, %.1f documents/s%n",
                    pages.size(), errors.get(), seconds, pages.size() / Math.max(seconds, 1e-9));
        }
        return errors.get() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void extractTo(Path page, Path inputDir, TargetDirectory outputDir, AtomicInteger errors) {
        try {
            Article article = extractor.extract(LocalFile.page(page, maxSize), null, page.toAbsolutePath().toUri().toString()).article();
            String rendered = format == ArticleFormat.json ? Json.line(article) + "\n" : format.render(article);
            Path relative = inputDir.relativize(page);
            String name = relative.getFileName().toString();
            write(outputDir, relative.getParent(), name.substring(0, name.lastIndexOf('.')) + "." + format.extension(),
                    rendered.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            errors.incrementAndGet();
            arca.error("extract " + page + ": " + ErrorHandler.describe(e));
        }
    }

    /** Writes {@code bytes} to {@code dir/<folders>/name}, making the folders, following no link below {@code dir}. */
    private static void write(TargetDirectory dir, Path folders, String name, byte[] bytes) throws IOException {
        if (folders == null) {
            dir.write(name, true, out -> out.write(bytes));
            return;
        }
        try (TargetDirectory sub = dir.subdirectory(folders.getName(0).toString())) {
            write(sub, folders.getNameCount() == 1 ? null : folders.subpath(1, folders.getNameCount()), name, bytes);
        }
    }

    private static List<Path> pages(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".html") || name.endsWith(".htm");
                    })
                    .sorted()
                    .toList();
        }
    }
}
