package dev.arca.fetch;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Everything arca received for one URL: each hop of the redirect chain as it crossed the wire,
 * and the final body decoded from its Content-Encoding.
 *
 * <p>A capture read from a local file has no exchanges; its body is the file's bytes.
 *
 * @param requested   the URL as the user gave it
 * @param url         the final URL, after redirects
 * @param date        when the final request was sent, or when the file was read
 * @param exchanges   the hops in order; empty for a local file
 * @param mediaType   the final response's media type without parameters, e.g. "text/html"
 * @param contentType the final Content-Type header as given, or null
 * @param body        the final body, decoded from any Content-Encoding
 * @param requisites  what the page needs to be displayed, fetched after it (see {@link RequisiteFetcher}); empty when none were
 */
public record Capture(
        URI requested,
        URI url,
        Instant date,
        List<Exchange> exchanges,
        String mediaType,
        String contentType,
        byte[] body,
        List<FetchedRequisite> requisites) {

    public Capture {
        exchanges = List.copyOf(exchanges);
        requisites = List.copyOf(requisites);
    }

    /** A capture of the page alone. */
    public Capture(URI requested, URI url, Instant date, List<Exchange> exchanges, String mediaType, String contentType,
                   byte[] body) {
        this(requested, url, date, exchanges, mediaType, contentType, body, List.of());
    }

    /** This capture with {@code fetched} as its requisites. */
    public Capture withRequisites(List<FetchedRequisite> fetched) {
        return new Capture(requested, url, date, exchanges, mediaType, contentType, body, fetched);
    }

    /** The exchange whose response is the page itself, or null for a local file. */
    public Exchange finalExchange() {
        return exchanges.isEmpty() ? null : exchanges.get(exchanges.size() - 1);
    }

    /** True when the body is HTML or XHTML and worth extracting. */
    public boolean isHtml() {
        return MediaTypes.isHtml(mediaType);
    }
}
