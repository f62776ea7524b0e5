package dev.arca.bundle;

/**
 * The facts of one capture that are not part of the article, stored as {@code article/capture.json}
 * so that listings and indexes never need to parse the WARC.
 *
 * @param id            the capture ID
 * @param requestedUrl  the URL as the user gave it
 * @param normalizedUrl the requested URL normalised for deduplication
 * @param url           the final URL, after redirects
 * @param captured      when the page was fetched, ISO-8601 in UTC
 * @param status        the final HTTP status, or 0 for a local file
 * @param mediaType     the final response's media type
 * @param contentHash   the {@link ContentHash} of the article
 * @param software      the arca version that wrote the bundle
 */
public record CaptureInfo(String id, String requestedUrl, String normalizedUrl, String url, String captured,
                          int status, String mediaType, String contentHash, String software) {
}
