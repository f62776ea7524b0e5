package dev.arca.fetch;

import java.net.URI;

/**
 * The {@code Referer} a browser sends under its default policy, strict-origin-when-cross-origin:
 * the whole referring URL (without fragment) to its own origin, only the origin to another, and
 * nothing from https to http.
 */
final class Referer {

    private Referer() {
    }

    /** The header's value for a request to {@code target} from {@code from}; null for none. */
    static String of(URI from, URI target) {
        if (from == null || from.getScheme() == null || !from.getScheme().startsWith("http")) {
            return null;
        }
        if ("https".equals(from.getScheme()) && !"https".equals(target.getScheme())) {
            return null;
        }
        String origin = from.getScheme() + "://" + from.getRawAuthority();
        boolean sameOrigin = from.getScheme().equals(target.getScheme())
                && from.getRawAuthority().equalsIgnoreCase(String.valueOf(target.getRawAuthority()));
        if (!sameOrigin) {
            return origin + "/";
        }
        String whole = from.toString();
        int hash = whole.indexOf('#');
        return hash < 0 ? whole : whole.substring(0, hash);
    }
}
