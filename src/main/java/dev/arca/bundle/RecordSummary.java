package dev.arca.bundle;

import java.time.Instant;

/**
 * One WARC record of a bundle, as {@code arca show} lists it.
 *
 * @param type        the WARC-Type
 * @param target      the WARC-Target-URI, or null
 * @param date        the WARC-Date
 * @param contentType the record's Content-Type
 * @param length      the block's length in bytes
 * @param status      the HTTP status of a response record, else 0
 */
public record RecordSummary(String type, String target, Instant date, String contentType, long length, int status) {
}
