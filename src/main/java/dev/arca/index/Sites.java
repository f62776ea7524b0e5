package dev.arca.index;

import java.net.URI;
import java.util.Locale;

/**
 * The "site" of a capture, the host of its URL without "www.", as listings show it and
 * {@code --site} filters on it. A site also matches its subdomains, so the index keys sites by
 * their labels reversed ({@code news.example.com} → {@code com.example.news.}): the captures of
 * {@code example.com} and everything below it are then one range of that key.
 */
final class Sites {

    private Sites() {
    }

    /** The site of {@code url}, or "" when it has no host. */
    public static String of(String url) {
        if (url == null) {
            return "";
        }
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : normalize(host);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** A host as the user typed it, in the form {@link #of} produces. */
    public static String normalize(String host) {
        String lower = host.strip().toLowerCase(Locale.ROOT);
        while (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        return lower.startsWith("www.") ? lower.substring(4) : lower;
    }

    /** The sort key of a site: its labels reversed, each followed by a dot. */
    static String key(String site) {
        String[] labels = site.split("\\.");
        StringBuilder key = new StringBuilder(site.length() + 1);
        for (int i = labels.length - 1; i >= 0; i--) {
            key.append(labels[i]).append('.');
        }
        return key.toString();
    }

    /** The first key after every site at or below {@code site}: the range's exclusive end. */
    static String keyEnd(String site) {
        String key = key(site);
        return key.substring(0, key.length() - 1) + (char) ('.' + 1);
    }
}
