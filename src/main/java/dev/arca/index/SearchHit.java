package dev.arca.index;

/**
 * One result of a full-text search.
 *
 * @param capture the capture that matched
 * @param score   its BM25 relevance, higher is better
 * @param snippet the best-matching passage with each matched word in {@code [brackets]}, or null
 *                when the bundle could not be read again to make one
 */
public record SearchHit(IndexedCapture capture, double score, String snippet) {
}
