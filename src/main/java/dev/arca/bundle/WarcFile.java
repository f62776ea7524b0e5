package dev.arca.bundle;

import java.util.List;

/**
 * A finished WARC, gzip-compressed record by record, with the index entries for its response and
 * resource records.
 *
 * @param bytes the whole {@code .warc.gz}
 * @param index one entry per response or resource record, in file order
 */
record WarcFile(byte[] bytes, List<IndexedRecord> index) {

    WarcFile {
        index = List.copyOf(index);
    }
}
