package dev.arca.render;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/** Language tags as pages write them, kept only when well-formed BCP 47, which HTML and EPUB require. */
final class LanguageTag {

    private LanguageTag() {
    }

    static Optional<String> wellFormed(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 64) {
            return Optional.empty();
        }
        try {
            new Locale.Builder().setLanguageTag(tag.strip());
            return Optional.of(tag.strip());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }
}
