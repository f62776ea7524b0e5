/**
 * Wires the stages: one capture ({@link dev.arca.archive.Archiver}: extract, render, bundle, store,
 * capture first) and a polite crawl of many ({@link dev.arca.archive.Crawl}, fed by
 * {@link dev.arca.archive.LinkSources} from feeds and sitemaps), telling a
 * {@link dev.arca.archive.CrawlListener} what happens. The only package that sees every stage.
 * It knows nothing of the command line, of SQLite or of how outcomes are printed: "is this page
 * stored?" is the {@link dev.arca.archive.StoredPages} its caller gives, and failures are worded
 * by its caller too.
 */
package dev.arca.archive;
