package dev.arca.fetch;

import java.net.URI;
import java.time.Instant;

/**
 * Something arca made of a page rather than received: its rendered DOM, a screenshot, a PDF.
 * Stored as a WARC resource record under its own {@code urn:} target, so that replay tools do not
 * take it for the page.
 *
 * @param target    e.g. {@code urn:view:https://example.com/story} for the viewport screenshot
 * @param date      when it was made
 * @param mediaType e.g. "image/png"
 * @param body      its bytes
 */
public record Resource(URI target, Instant date, String mediaType, byte[] body) {
}
