/**
 * What changed between two snapshots of an article: {@link dev.arca.diff.ArticleDiff#between}
 * compares two {@link dev.arca.extract.Article}s (never the pages, so page furniture cannot show)
 * and gives an immutable diff of the metadata and of the body, paragraph by paragraph, with
 * word-level marks inside edited paragraphs. Renderers turn it into unified text, JSON, Markdown
 * or a standalone side-by-side HTML page.
 *
 * <h2>Cost</h2>
 * Paragraph alignment runs Myers' algorithm (java-diff-utils, in linear space) only over the
 * paragraphs found on both sides; word diffs run only inside paired paragraphs, after their
 * common first and last words are set aside, and at most {@value dev.arca.diff.Words#MAX_DIFFED_WORDS}
 * words (both sides) are diffed word by word; a longer rewritten stretch is shown deleted and
 * inserted whole. A 50,000-word article against a rewrite of it takes well under a second in a
 * 64 MiB heap (src/bench/README.md, "diff").
 */
package dev.arca.diff;
