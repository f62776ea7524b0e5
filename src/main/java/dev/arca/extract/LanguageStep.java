package dev.arca.extract;

/**
 * The language of a page that declares none ({@code <html lang>}, {@code content-language}, JSON-LD
 * {@code inLanguage}): detected from the body's text by {@link TextLanguage}, with provenance
 * {@code text} and the detector's confidence. A reader, an index or a search stemmer then knows the
 * story is German without the page having said so. A declared language always wins: publishers
 * know their language better than a statistical model does, and the model is only loaded for the
 * pages that need it. In a heap too small for the model the page gets a warning instead.
 */
final class LanguageStep implements Step {

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        if (m.language() != null) {
            return;
        }
        if (!TextLanguage.available()) {
            if (page.text() != null && page.text().strip().length() >= TextLanguage.MIN_TEXT) {
                page.warn("language not detected: the page declares none and the language model needs a heap of at least "
                        + TextLanguage.MIN_HEAP / (1024 * 1024) + " MiB (-Xmx)");
            }
            return;
        }
        TextLanguage.Guess guess = TextLanguage.guess(page.text());
        if (guess != null) {
            m.offer(Metadata.Field.LANGUAGE, guess.tag(), Source.TEXT, guess.confidence());
        }
    }
}
