/**
 * The WACZ 1.1.1 bundle (WARC/1.1 inside) of one capture: writing, reading, verifying, and reading
 * the pages of any other tool's WARC or WACZ as captures ({@link dev.arca.bundle.WarcCaptures}).
 * It uses the fetch values (Capture, Exchange) and the extract Article it stores; it knows nothing
 * of the store directory, the index or the command line.
 */
package dev.arca.bundle;
