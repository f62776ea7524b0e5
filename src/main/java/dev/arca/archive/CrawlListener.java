package dev.arca.archive;

import dev.arca.store.StoreEntry;

import java.io.IOException;

/**
 * What a {@link Crawl} tells as it goes, for a front end to show: the command line prints a line or
 * JSON object per outcome, a progress bar and a summary. Called from the crawl's workers and from
 * the thread that adds inputs, so implementations are thread-safe.
 */
public interface CrawlListener {

    /** One more input was taken; a listener may throw here to stop the crawl taking more. */
    void queued();

    /** A worker began fetching {@code input}. */
    void started(String input);

    /** The outcome of one input; {@code cause} is the exception behind a failure, or null. */
    void done(FetchOutcome outcome, Throwable cause);

    /** Something the crawl decided about an input, e.g. which feed a page links to. */
    void note(String message);

    /** A stored bundle that could not be read while looking for earlier captures. */
    void unreadable(StoreEntry entry, IOException failure);

    /** True when the listener can no longer tell anything (its output failed): the crawl drains its queue without fetching. */
    boolean stopped();
}
