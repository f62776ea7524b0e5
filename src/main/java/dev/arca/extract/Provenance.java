package dev.arca.extract;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where one metadata field of an {@link Article} came from and how sure arca is of it; when
 * another source said something else, that runner-up is kept too, so that a reader can see
 * the choice that was made (a JSON-LD date against a visible dateline, say).
 *
 * @param source     the {@link Source#key()} of the chosen value, e.g. "json-ld"
 * @param confidence 0–1: the source's trust, raised when other sources agree and lowered when one disagrees
 * @param runnerUp   the best value that lost, or null when every source agreed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(String source, double confidence, RunnerUp runnerUp) {

    /** A value a field could have had: what it was, where it came from, how sure arca was of it. */
    public record RunnerUp(String value, String source, double confidence) {
    }
}
