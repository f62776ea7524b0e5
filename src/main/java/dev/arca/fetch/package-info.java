/**
 * Getting pages: HTTP exchanges ({@link dev.arca.fetch.Fetcher}), politeness
 * ({@link dev.arca.fetch.PoliteFetcher}: robots.txt, one request at a time per host, retries),
 * saved files, URLs, feeds and sitemaps as lists of links. Failures say which setting decided
 * them ({@link dev.arca.fetch.FetchException.Setting}), never a command-line flag. It knows
 * nothing of bundles, stores or the command line.
 */
package dev.arca.fetch;
