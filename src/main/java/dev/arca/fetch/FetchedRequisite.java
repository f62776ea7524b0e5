package dev.arca.fetch;

import java.util.List;

/**
 * What fetching one {@link Requisite} of a page gave: its exchanges as received (redirects, then
 * the response, whatever its status), or the network error that left it without a response.
 *
 * @param requisite what was asked for, and where the page names it
 * @param exchanges the hops in order; empty when {@code error} is set
 * @param error     why no response arrived, in one line; null when one did
 */
public record FetchedRequisite(Requisite requisite, List<Exchange> exchanges, String error) {

    public FetchedRequisite {
        exchanges = List.copyOf(exchanges);
    }

    /** The last hop: the requisite's own response, or null when none arrived. */
    public Exchange response() {
        return exchanges.isEmpty() ? null : exchanges.get(exchanges.size() - 1);
    }

    /** The bytes received for it, every hop's body counted. */
    public long size() {
        return size(exchanges);
    }

    /** The bytes of every hop's body. */
    static long size(List<Exchange> exchanges) {
        return exchanges.stream().mapToLong(e -> e.body().length).sum();
    }
}
