package dev.arca.index;

import dev.arca.store.BundleFile;
import dev.arca.bundle.BundleReader;
import dev.arca.bundle.BundleVerifier;
import dev.arca.bundle.CaptureInfo;
import dev.arca.bundle.CaptureWarning;
import dev.arca.extract.Article;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the article and capture facts of many bundles on worker threads, a bounded number ahead
 * of the thread that writes them into the index, and hands them over in order. Unzipping and JSON
 * parsing then overlap with SQLite's work, which is most of what makes a rebuild fast.
 *
 * <p>Memory is bounded per bundle: each article is read as a stream with its strings cut to what
 * the index takes (see {@link BundleReader#articleForListing()}), and the bundles read ahead are
 * limited by their total size as well as their number. An {@link Error} while reading one bundle
 * (out of memory, a stack overflow) makes that bundle unreadable for now, not the whole run.
 */
final class BundleLoads {

    /** Below this many bundles, threads cost more than they save. */
    private static final int PARALLEL_FROM = 32;
    private static final int AHEAD_PER_THREAD = 64;
    /** The bundles read ahead may add up to this many bytes of files (at least one is always read). */
    private static final long AHEAD_BYTES = 16L << 20;

    /**
     * A bundle's content, or why it could not be read.
     *
     * @param warnings what the steps derived from the capture could not do
     * @param problem  null when read; the reason when unreadable
     * @param passing  true when the problem was this process's, not the bundle's (it ran out of
     *                 memory or stack): the bundle is not remembered as unreadable, and is read again
     * @param gone     true when the file vanished before it could be read
     */
    record Loaded(BundleFile file, Article article, CaptureInfo info, List<CaptureWarning> warnings, String problem,
                  boolean passing, boolean gone) {
    }

    /** Receives each bundle, in the order given. */
    @FunctionalInterface
    interface Sink {
        void accept(Loaded loaded) throws SQLException, IOException;
    }

    private final Path root;
    private final boolean verify;

    /**
     * @param verify whether every hash and digest is checked before a bundle counts as read; false
     *               only for bundles this process has just written whole and renamed into place
     */
    BundleLoads(Path root, boolean verify) {
        this.root = root;
        this.verify = verify;
    }

    void forEach(List<BundleFile> files, Sink sink) throws SQLException, IOException {
        if (files.size() < PARALLEL_FROM) {
            for (BundleFile file : files) {
                sink.accept(load(file));
            }
            return;
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "arca-index-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Loaded>> window = new ArrayDeque<>();
            long windowBytes = 0;
            int next = 0;
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() < threads * AHEAD_PER_THREAD
                        && (window.isEmpty() || windowBytes + files.get(next).size() <= AHEAD_BYTES)) {
                    BundleFile file = files.get(next++);
                    windowBytes += file.size();
                    window.add(pool.submit(() -> load(file)));
                }
                Loaded loaded = await(window.poll());
                windowBytes -= loaded.file().size();
                sink.accept(loaded);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Loaded await(Future<Loaded> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading bundles");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    private Loaded load(BundleFile file) {
        Path path = file.path(root);
        try (BundleReader reader = BundleReader.open(path)) {
            if (verify) {
                // a bundle enters the index only whole: every hash and digest checked, as verify does
                BundleVerifier.check(reader);
            }
            return new Loaded(file, reader.articleForListing(), reader.info(), reader.warnings(), null, false, false);
        } catch (NoSuchFileException e) {
            return new Loaded(file, null, null, List.of(), null, false, true);
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            String prefix = path + ": ";
            return new Loaded(file, null, null, List.of(), message.startsWith(prefix) ? message.substring(prefix.length()) : message,
                    false, false);
        } catch (OutOfMemoryError e) {
            return new Loaded(file, null, null, List.of(), "out of memory while reading it (give arca more heap, e.g. "
                    + "JAVA_OPTS=-Xmx1g); it is read again next time", true, false);
        } catch (StackOverflowError e) {
            return new Loaded(file, null, null, List.of(), "stack overflow while reading it; it is read again next time",
                    true, false);
        }
    }
}
