package dev.arca.archive;

import java.io.IOException;

/**
 * A bound of the crawl's link sources was reached (how many sitemaps are read, how many URLs they
 * give); the message names it as {@link Limit#phrase()}, for a front end to name it its own way.
 */
public final class LimitReached extends IOException {

    /** The bounds on what feeds and sitemaps may cost, as {@link LinkSources.Limits} holds them. */
    public enum Limit {
        /** The most sitemaps read in one run. */
        SITEMAPS("the sitemap limit"),
        /** The most URLs taken from sitemaps in one run. */
        SITEMAP_URLS("the sitemap URL limit");

        private final String phrase;

        Limit(String phrase) {
            this.phrase = phrase;
        }

        /** How messages name this limit. */
        public String phrase() {
            return phrase;
        }
    }

    private final Limit limit;

    LimitReached(Limit limit, String message) {
        super(message);
        this.limit = limit;
    }

    /** Which limit was reached. */
    public Limit limit() {
        return limit;
    }
}
