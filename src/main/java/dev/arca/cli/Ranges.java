package dev.arca.cli;

import java.time.Duration;

/**
 * The documented range of every option that takes a number, a duration or a size. The option's
 * converter checks it, so a value out of range is a usage error wherever it comes from, the
 * command line or the config file, and the same text is in the option's description, hence in
 * {@code --help} and the man pages.
 */
final class Ranges {

    static final int JOBS_MIN = 1;
    static final int JOBS_MAX = 256;
    /** Concurrent fetches or checks: more threads than this only queue for the same two cores and hosts. */
    static final String JOBS = JOBS_MIN + " to " + JOBS_MAX;

    static final int RETRIES_MAX = 10;
    /** Retries of a transient failure; the back-off doubles each time, so the tenth waits about eight minutes. */
    static final String RETRIES = "0 to " + RETRIES_MAX;

    static final int REDIRECTS_MAX = 50;
    /** Redirects followed; browsers give up after about 20. */
    static final String REDIRECTS = "0 to " + REDIRECTS_MAX;

    static final int LIST_LIMIT_MAX = Integer.MAX_VALUE;
    static final String LIST_LIMIT = "0 to " + LIST_LIMIT_MAX;

    static final int SEARCH_LIMIT_MAX = 100_000;
    /** Hits shown; each is read back from its bundle for its snippet (src/bench/index-bench.sh counts hits with the most). */
    static final String SEARCH_LIMIT = "1 to " + SEARCH_LIMIT_MAX;

    static final int SITEMAPS_MAX = 100_000;
    /** Sitemaps read in one run, indexes included: the depth limit does not bound how wide an index fans out. */
    static final String SITEMAPS = "1 to " + SITEMAPS_MAX;

    static final int SITEMAP_URLS_MAX = 10_000_000;
    /** Page URLs taken from sitemaps in one run; the protocol allows 50,000 per sitemap. */
    static final String SITEMAP_URLS = "1 to " + SITEMAP_URLS_MAX;

    static final long DAY_SECONDS = 86_400;
    /** Between two requests to one host: no wait at all, up to a day. */
    static final String DELAY = "0 to " + DAY_SECONDS + " s";
    /** For one URL, redirects included. */
    static final String TIMEOUT = "1 to " + DAY_SECONDS + " s";

    static final long MAX_SIZE_MAX = 1L << 30;
    /** Bodies are held in memory as byte arrays, so a gibibyte is already more than most heaps give. */
    static final String MAX_SIZE = "1 byte to 1GiB";

    static final int REQUISITES_MAX = 100_000;
    /** Requisites of one page; a rich news page has a few hundred. */
    static final String REQUISITES = "1 to " + REQUISITES_MAX;

    private Ranges() {
    }

    static final class Requisites extends WholeNumberConverter {
        Requisites() {
            super(1, REQUISITES_MAX, REQUISITES);
        }
    }

    static final class Jobs extends WholeNumberConverter {
        Jobs() {
            super(JOBS_MIN, JOBS_MAX, JOBS);
        }
    }

    static final class Retries extends WholeNumberConverter {
        Retries() {
            super(0, RETRIES_MAX, RETRIES);
        }
    }

    static final class Redirects extends WholeNumberConverter {
        Redirects() {
            super(0, REDIRECTS_MAX, REDIRECTS);
        }
    }

    static final class ListLimit extends WholeNumberConverter {
        ListLimit() {
            super(0, LIST_LIMIT_MAX, LIST_LIMIT);
        }
    }

    static final class SearchLimit extends WholeNumberConverter {
        SearchLimit() {
            super(1, SEARCH_LIMIT_MAX, SEARCH_LIMIT);
        }
    }

    static final class Sitemaps extends WholeNumberConverter {
        Sitemaps() {
            super(1, SITEMAPS_MAX, SITEMAPS);
        }
    }

    static final class SitemapUrls extends WholeNumberConverter {
        SitemapUrls() {
            super(1, SITEMAP_URLS_MAX, SITEMAP_URLS);
        }
    }

    static final class Delay extends SecondsConverter {
        Delay() {
            super(Duration.ZERO, Duration.ofSeconds(DAY_SECONDS), DELAY);
        }
    }

    static final class Timeout extends SecondsConverter {
        Timeout() {
            super(Duration.ofSeconds(1), Duration.ofSeconds(DAY_SECONDS), TIMEOUT);
        }
    }

    static final class MaxSize extends ByteSizeConverter {
        MaxSize() {
            super(1, MAX_SIZE_MAX, MAX_SIZE);
        }
    }
}
