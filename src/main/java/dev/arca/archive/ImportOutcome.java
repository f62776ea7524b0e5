package dev.arca.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.arca.bundle.CaptureWarning;

import java.util.List;

/**
 * What happened to one page of an imported web archive ({@code arca import}), which a front end
 * prints as a line or a JSON object (its components are the JSON fields).
 *
 * @param status   imported, unchanged (the newest stored capture of the URL has the same article) or failed
 * @param url      the page's URL
 * @param id       the capture ID: the new one when imported
 * @param title    the article's title, when extracted
 * @param bundle   the absolute path of the new bundle
 * @param source   the archive file the page came from
 * @param member   the WARC inside a WACZ, or null
 * @param offset   the offset of the page's record in that WARC
 * @param error    the one-line reason, when failed
 * @param warnings what the steps derived from an imported page could not do, as stored in its bundle
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ImportOutcome(String status, String url, String id, String title, String bundle, String source,
                            String member, long offset, String error, List<CaptureWarning> warnings) {

    public static final String IMPORTED = "imported";
    public static final String UNCHANGED = "unchanged";
    public static final String FAILED = "failed";

    public ImportOutcome {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** False for a failed page, which makes the exit status 1. */
    public boolean ok() {
        return !FAILED.equals(status);
    }
}
