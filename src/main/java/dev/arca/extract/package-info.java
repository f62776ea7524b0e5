/**
 * The article of an HTML page: {@link dev.arca.extract.Extractor} (options through
 * {@link dev.arca.extract.Extractor#builder()}) returns an {@link dev.arca.extract.ExtractionResult},
 * an article or a failure with its cause. It knows nothing of HTTP, bundles, stores or the
 * command line: it is given bytes, a content type and a URL.
 */
package dev.arca.extract;
