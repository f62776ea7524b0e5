package dev.arca.index;

import dev.arca.store.StoreEntry;
import dev.arca.bundle.CaptureWarning;
import dev.arca.extract.Article;

import java.util.List;

/**
 * One capture as the index knows it: where its bundle is and the article's metadata, without the
 * body (that stays in the bundle). What {@code list}, {@code search} and scripts see.
 *
 * @param entry         the bundle
 * @param article       the article's metadata; {@code text} and {@code html} are empty
 * @param site          the host of the article's URL without "www."
 * @param normalizedUrl the requested URL, normalised, which groups the snapshots of one page
 * @param status        the final HTTP status, or 0 for a local file
 * @param contentHash   the fingerprint of title and text that tells a changed story from the same one
 * @param warnings      what the steps derived from the capture could not do; empty for most
 */
public record IndexedCapture(StoreEntry entry, Article article, String site, String normalizedUrl, int status,
                             String contentHash, List<CaptureWarning> warnings) {

    public IndexedCapture {
        warnings = List.copyOf(warnings);
    }
}
