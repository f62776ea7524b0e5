package dev.arca.extract;

/**
 * A page the extractor could not cope with: a step threw {@code cause} (a bug, or a page nested
 * deeper than a recursive step can follow).
 *
 * @param article the page's URL and media type, with no content
 * @param cause   what the step threw
 */
public record ExtractionFailure(Article article, Throwable cause) implements ExtractionResult {
}
