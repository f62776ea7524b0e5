package dev.arca.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The form of a URL used to recognise the same page twice: lower-case scheme and host (IDN hosts
 * already in punycode), no default port, no fragment, and no tracking parameters
 * ({@code utm_*}, {@code fbclid}, {@code gclid}, {@code mc_cid}, {@code mc_eid}). Other query
 * parameters keep their order, since servers may depend on it.
 */
public final class UrlNormalizer {

    private static final List<String> TRACKING = List.of("fbclid", "gclid", "mc_cid", "mc_eid");

    private UrlNormalizer() {
    }

    /** Normalises an absolute http(s) URL, e.g. one from {@link WebUrl#parse}. */
    public static URI normalize(URI url) {
        if (url.getHost() == null) {
            // java.net.URI keeps a non-ASCII host only as the authority; WebUrl converts it to punycode
            try {
                return normalize(WebUrl.parse(url.toString()));
            } catch (FetchException e) {
                return url;
            }
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        if ((port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"))) {
            port = -1;
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = cleanQuery(url.getRawQuery());
        StringBuilder out = new StringBuilder(scheme).append("://");
        if (url.getRawUserInfo() != null) {
            out.append(url.getRawUserInfo()).append('@');
        }
        out.append(host);
        if (port != -1) {
            out.append(':').append(port);
        }
        out.append(path);
        if (query != null) {
            out.append('?').append(query);
        }
        try {
            return new URI(out.toString());
        } catch (URISyntaxException e) {
            return url;
        }
    }

    /** Parses and normalises, in one step. */
    public static String normalize(String url) throws FetchException {
        return normalize(WebUrl.parse(url)).toString();
    }

    private static String cleanQuery(String query) {
        if (query == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String param : query.split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(param);
            }
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }
}
