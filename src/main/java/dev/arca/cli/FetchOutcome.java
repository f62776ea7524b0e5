package dev.arca.cli;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What happened to one input of {@code arca fetch}, printed as a line or a JSON object.
 *
 * @param url      the input as given
 * @param finalUrl the URL after redirects, when fetched
 * @param status   "archived" or "failed"
 * @param id       the capture ID, when archived
 * @param title    the article's title, when archived
 * @param bundle   the absolute path of the bundle, when archived
 * @param error    the one-line reason, when failed
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FetchOutcome(String url, String finalUrl, String status, String id, String title, String bundle, String error) {

    static final String ARCHIVED = "archived";
    static final String FAILED = "failed";

    static FetchOutcome failed(String url, String error) {
        return new FetchOutcome(url, null, FAILED, null, null, null, error);
    }

    boolean ok() {
        return !FAILED.equals(status);
    }
}
