/**
 * The SQLite/FTS index of a store ({@link dev.arca.index.StoreIndex}): listings, search, stats,
 * derived from the bundles and rebuilt from them at will. It follows the store's change events
 * and repairs itself against the month directories. It knows nothing of fetching or of the
 * command line.
 */
package dev.arca.index;
