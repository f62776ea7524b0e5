/**
 * What changed between two snapshots of an article: {@link dev.arca.diff.ArticleDiff#between}
 * compares two {@link dev.arca.extract.Article}s (never the pages, so page furniture cannot show)
 * and gives an immutable diff of the metadata and of the body, paragraph by paragraph, with
 * word-level marks inside edited paragraphs. Renderers turn it into unified text, JSON, Markdown
 * or a standalone side-by-side HTML page.
 *
 * <h2>The JSON form ({@link dev.arca.diff.JsonDiffRenderer}, schema {@code arca-diff/1})</h2>
 * One object, every field always present, in this order:
 * <ul>
 *   <li>{@code schema}: {@code "arca-diff/1"}; a change that breaks readers gets a new version</li>
 *   <li>{@code before}, {@code after}: the labels of the two snapshots (e.g. an ID), or null</li>
 *   <li>{@code changed}: false when neither metadata nor body changed</li>
 *   <li>{@code summary}: {@code wordsAdded}, {@code wordsRemoved}, {@code paragraphsAdded},
 *       {@code paragraphsRemoved}, {@code paragraphsChanged} (edited in place, split or merged),
 *       {@code paragraphsMoved}: numbers</li>
 *   <li>{@code fields}: the metadata that changed, each {@code {"field", "before", "after"}}, where
 *       {@code field} is the Article JSON name ({@code title}, {@code byline}, {@code authors},
 *       {@code published}, {@code modified}, {@code leadImage}, {@code description},
 *       {@code siteName}, {@code language}, {@code tags}, {@code url}, {@code canonicalUrl},
 *       {@code sourceUrl}) and the values are strings (lists joined with {@code ", "}) or null</li>
 *   <li>{@code paragraphs}: the body's changes in reading order, each {@code {"kind", "before",
 *       "after", "beforeText", "afterText", "spans"}}: {@code kind} is {@code added},
 *       {@code removed}, {@code changed}, {@code moved}, {@code split} or {@code merged};
 *       {@code before} and {@code after} are paragraph numbers from 1 (0 for none on that side);
 *       the texts hold the paragraph(s), several separated by {@code "\n"} for a split or merge,
 *       {@code ""} for none; {@code spans} is a list of {@code {"op", "text"}} with {@code op}
 *       {@code equal}, {@code insert} or {@code delete}: word runs, one space between two of
 *       them, {@code "\n"} a paragraph break; empty for added, removed and unedited moved
 *       paragraphs</li>
 * </ul>
 * All text is clean: no control characters, whitespace runs as one space.
 *
 * <h2>Cost</h2>
 * Paragraphs are matched through hashes and shared shingles and kept in order by a longest
 * increasing subsequence, never by comparing every pair; word diffs (Myers' algorithm from
 * java-diff-utils, in linear space) run only inside paired paragraphs, after their
 * common first and last words are set aside, and at most {@value dev.arca.diff.Words#MAX_DIFFED_WORDS}
 * words (both sides) are diffed word by word; a longer rewritten stretch is shown deleted and
 * inserted whole. A 50,000-word article against a rewrite of it takes well under a second in a
 * 64 MiB heap (src/bench/README.md, "diff").
 */
package dev.arca.diff;
