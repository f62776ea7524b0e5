package dev.arca.bundle;

import java.time.Instant;

/**
 * A response or resource record as the CDXJ index names it: enough for a replay tool to find the
 * record's gzip member in the WARC without reading anything else.
 *
 * @param url    the record's WARC-Target-URI
 * @param date   its WARC-Date
 * @param mime   the payload's media type
 * @param status the HTTP status, 200 for resource records
 * @param digest the WARC-Payload-Digest, {@code sha256:<hex>}
 * @param offset where the record's gzip member starts in the WARC file
 * @param length the gzip member's length in bytes
 */
record IndexedRecord(String url, Instant date, String mime, int status, String digest, long offset, long length) {
}
