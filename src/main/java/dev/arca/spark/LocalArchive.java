package dev.arca.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An archive file of any Hadoop file system as a local {@link Path}, which {@code WarcCaptures}
 * reads (and re-opens to resolve revisits, and seeks in for a WACZ's members): a local file as it
 * is, any other copied to the task's temporary directory first, and deleted on {@link #close()}.
 * A copy takes as much local disk as the file (about 1 GB for a Common Crawl WARC), one file per
 * running task.
 */
final class LocalArchive implements Closeable {

    private final Path path;
    private final boolean copied;

    private LocalArchive(Path path, boolean copied) {
        this.path = path;
        this.copied = copied;
    }

    static LocalArchive open(String file, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(file);
        FileSystem fs = source.getFileSystem(conf);
        if ("file".equals(fs.getScheme())) {
            return new LocalArchive(Path.of(fs.makeQualified(source).toUri()), false);
        }
        // the name keeps its suffix: it tells a WACZ from a WARC
        Path copy = Files.createTempFile("arca-", "-" + source.getName());
        try (InputStream in = fs.open(source)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return new LocalArchive(copy, true);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (copied) {
            Files.deleteIfExists(path);
        }
    }
}
