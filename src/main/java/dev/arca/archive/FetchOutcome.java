package dev.arca.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.arca.bundle.CaptureWarning;
import dev.arca.store.StoreEntry;

import java.util.List;

/**
 * What happened to one input of a {@link Crawl} ({@code arca fetch}), which a front end prints as a
 * line or a JSON object (its components are the JSON fields).
 *
 * @param url      the input as given
 * @param finalUrl the URL after redirects, when fetched
 * @param status   archived, unchanged, skipped, failed or blocked
 * @param id       the capture ID: the new one when archived, the stored one when unchanged or skipped
 * @param title    the article's title, when fetched, or the stored capture's when skipped
 * @param bundle   the absolute path of that capture's bundle
 * @param error    the one-line reason, when failed or blocked
 * @param warnings what the steps derived from an archived page could not do, as stored in its
 *                 bundle: each {@code {"step", "message"}}; empty otherwise
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FetchOutcome(String url, String finalUrl, String status, String id, String title, String bundle, String error,
                           List<CaptureWarning> warnings) {

    public static final String ARCHIVED = "archived";
    public static final String UNCHANGED = "unchanged";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";
    public static final String BLOCKED = "blocked";

    public FetchOutcome {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** An outcome without warnings. */
    public FetchOutcome(String url, String finalUrl, String status, String id, String title, String bundle, String error) {
        this(url, finalUrl, status, id, title, bundle, error, List.of());
    }

    static FetchOutcome stored(String url, String finalUrl, String status, StoreEntry entry, String title) {
        return new FetchOutcome(url, finalUrl, status, entry.id(), title, entry.bundle().toString(), null);
    }

    /** A page newly archived, with the warnings of its derived steps. */
    static FetchOutcome archived(String url, String finalUrl, StoreEntry entry, String title, List<CaptureWarning> warnings) {
        return new FetchOutcome(url, finalUrl, ARCHIVED, entry.id(), title, entry.bundle().toString(), null, warnings);
    }

    /** Already in the store; {@code existing} is null when the same URL is in progress earlier in this run. */
    static FetchOutcome skipped(String url, StoredPage existing) {
        return existing == null ? new FetchOutcome(url, null, SKIPPED, null, null, null, null)
                : new FetchOutcome(url, null, SKIPPED, existing.entry().id(), existing.title(),
                existing.entry().bundle().toString(), null);
    }

    static FetchOutcome failed(String url, String error) {
        return new FetchOutcome(url, null, FAILED, null, null, null, error);
    }

    static FetchOutcome blocked(String url, String error) {
        return new FetchOutcome(url, null, BLOCKED, null, null, null, error);
    }

    /** False for failed and blocked inputs, which make the exit status 1. */
    public boolean ok() {
        return !FAILED.equals(status) && !BLOCKED.equals(status);
    }
}
