package dev.arca.bundle;

import java.io.IOException;
import java.util.List;

/**
 * A finished WARC, gzip-compressed record by record, with the index entries for its response and
 * resource records. Closing it deletes the temporary file a large WARC was spilled to.
 *
 * @param content the whole {@code .warc.gz}, with its size and digests
 * @param index   one entry per response or resource record, in file order
 */
record WarcFile(SpillBuffer content, List<IndexedRecord> index) implements AutoCloseable {

    WarcFile {
        index = List.copyOf(index);
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
