package dev.arca.extract;

/**
 * One named stage of extraction, such as reading metadata, pruning furniture or scoring blocks.
 *
 * <p>The {@link Extractor} runs its steps in order over one {@link Page}; a step reads and
 * changes only the page, so a new step can be added to the list without touching the others.
 * Steps hold no per-document state and must be safe to share between threads.
 */
interface Step {

    /** Does this step's job on {@code page}. */
    void apply(Page page);
}
