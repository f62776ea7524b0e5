package dev.arca.testing;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A corpus of real pages in {@code ../shared/corpora/NAME}, read straight from its
 * {@code corpus.tar.xz}, so a fresh clone needs no unpacking step and nothing lands on disk.
 */
public final class Corpus {

    private static final Path ROOT = Path.of("..", "shared", "corpora").toAbsolutePath().normalize();

    /** One page: the corpus's id for it and the bytes of its {@code source.html}. */
    public record Page(String id, byte[] html) {
    }

    private Corpus() {
    }

    /** Whether {@code ../shared/corpora/NAME/corpus.tar.xz} is there. */
    public static boolean available(String name) {
        return Files.isRegularFile(archive(name));
    }

    /** Calls {@code action} with every {@code <id>/source.html} of the corpus, in archive order. */
    public static void forEachPage(String name, Consumer<Page> action) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive(name)), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String path = entry.getName();
                if (entry.isFile() && path.endsWith("/source.html")) {
                    action.accept(new Page(path.substring(0, path.length() - "/source.html".length()), tar.readAllBytes()));
                }
            }
        }
    }

    private static Path archive(String name) {
        return ROOT.resolve(name).resolve("corpus.tar.xz");
    }
}
