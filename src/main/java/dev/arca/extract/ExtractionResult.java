package dev.arca.extract;

/**
 * What {@link Extractor#extract} gives: an {@link Extraction}, or an {@link ExtractionFailure} that
 * keeps the exception a step threw. Either way there is an {@link #article()} to store (a failed one
 * has metadata only), so a caller decides, in the open, whether a failure is worth a warning.
 */
public sealed interface ExtractionResult permits Extraction, ExtractionFailure {

    /** The article: extracted, or for a failure the page's URL and media type with no content. */
    Article article();
}
