package dev.arca.extract;

/**
 * Where a metadata value was read: the kinds of evidence a page offers, each with the trust
 * arca gives it before agreement between sources is counted. Publishers write JSON-LD and
 * OpenGraph for machines on purpose; a date found in running text or a URL is a guess.
 */
public enum Source {
    /** A schema.org object in {@code <script type="application/ld+json">}. */
    JSON_LD("json-ld", 0.9),
    /** OpenGraph and {@code article:*} properties. */
    OPENGRAPH("opengraph", 0.85),
    /** Other {@code <meta>} names (Dublin Core, Twitter cards, Parse.ly, plain names), {@code <link>}, {@code <title>}, {@code <html lang dir>}. */
    META("meta", 0.8),
    /** schema.org microdata on visible elements. */
    MICRODATA("microdata", 0.85),
    /** A {@code <time datetime>} element. */
    TIME("time", 0.75),
    /** The page's address. */
    URL("url", 0.55),
    /** The visible text: a heading, a "By ..." line, a dateline, the body's script or language. */
    TEXT("text", 0.6);

    private final String key;
    private final double trust;

    Source(String key, double trust) {
        this.key = key;
        this.trust = trust;
    }

    /** The name in the Article JSON, e.g. "json-ld". */
    public String key() {
        return key;
    }

    /** 0–1: how far a value from this source is trusted on its own. */
    double trust() {
        return trust;
    }
}
