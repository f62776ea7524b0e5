package dev.arca.cli;

import dev.arca.archive.LimitReached;
import dev.arca.fetch.FetchException;
import dev.arca.store.StoreException;

/**
 * The command line's words for a failure that a setting decided: the stages say which setting
 * (a size limit, robots.txt, certificates, which store), and only here is it named as the flag or
 * variable that changes it, so that every stage can serve another front end as it is.
 */
final class FlagHints {

    private FlagHints() {
    }

    /** The failure's message, with the flag that changes its outcome when a setting decided it. */
    static String message(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof FetchException e && e.setting().isPresent()) {
            return switch (e.setting().get()) {
                case MAX_SIZE -> named(message, FetchException.SIZE_LIMIT, "--max-size");
                case TIMEOUT -> message + " (see --timeout)";
                case MAX_REDIRECTS -> message + " (see --max-redirects)";
                case CERTIFICATES -> message + " (use --insecure to accept any certificate)";
                case ROBOTS -> message + " (use --ignore-robots to fetch it anyway)";
            };
        }
        if (failure instanceof LimitReached e) {
            return named(message, e.limit().phrase(), switch (e.limit()) {
                case SITEMAPS -> "--max-sitemaps";
                case SITEMAP_URLS -> "--max-sitemap-urls";
            });
        }
        if (failure instanceof StoreException e && e.kind().isPresent()) {
            return message + switch (e.kind().get()) {
                case NO_STORE -> " (fetch a page first, or choose another store with --store or ARCA_STORE)";
                case NOT_A_DIRECTORY -> " (choose another with --store or ARCA_STORE)";
                case NOT_WRITABLE -> " (choose a writable store with --store or ARCA_STORE)";
            };
        }
        return message;
    }

    /** {@code message} with its last {@code phrase} (what the stage calls the setting) replaced by {@code flag}. */
    private static String named(String message, String phrase, String flag) {
        int at = message.lastIndexOf(phrase);
        return at < 0 ? message : message.substring(0, at) + flag + message.substring(at + phrase.length());
    }
}
