package dev.arca.extract;

import java.util.List;

/**
 * What the {@link Extractor} made of a page: the article, and what a reader should know about it,
 * such as that the page builds its content with JavaScript and needs a browser to show it.
 *
 * @param article  the article
 * @param warnings one line each, in the order the steps found them; empty when all went well
 */
public record Extraction(Article article, List<String> warnings) implements ExtractionResult {

    public Extraction {
        warnings = List.copyOf(warnings);
    }

    /** True when the page is built by JavaScript: what was extracted is not the story, a browser would show it. */
    public boolean needsBrowser() {
        return warnings.stream().anyMatch(w -> w.endsWith(ScriptShell.NEEDS_BROWSER));
    }
}
