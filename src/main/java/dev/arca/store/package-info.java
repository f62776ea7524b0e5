/**
 * The store directory: bundles under {@code <yyyy>/<mm>/}, capture IDs, atomic writes, the
 * writers' lock, and change events for what is derived from the bundles
 * ({@link dev.arca.store.StoreListener}). It knows bundles as files only: nothing of their
 * contents, of articles, of SQLite or of the command line.
 */
package dev.arca.store;
