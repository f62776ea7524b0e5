package dev.arca.bundle;

import java.util.Map;

/**
 * How large a bundle and its parts may be before a reader refuses them. The limits sit far above
 * anything arca writes, and low enough that a crafted bundle (a ZIP bomb, a central directory with
 * a million entries, a record claiming petabytes) costs no more than a small read.
 */
final class BundleLimits {

    /** arca writes seven members; room for later additions, none for a directory bomb. */
    static final int MAX_ENTRIES = 64;
    /** The central directory of {@link #MAX_ENTRIES} entries with long names fits easily. */
    static final long MAX_CENTRAL_DIRECTORY = 1 << 20;
    /** Any member, the WARC included, may not declare more than this. */
    static final long MAX_MEMBER = 4L << 30;
    /** Above this size a member that compresses more than {@link #MAX_RATIO}:1 is taken for a bomb. */
    static final long RATIO_FLOOR = 16L << 20;
    static final long MAX_RATIO = 100;
    /** A WARC record's block; --max-size bodies are far smaller. */
    static final long MAX_RECORD = 2L << 30;
    /** HTTP headers of a stored response, before its payload. */
    static final int MAX_HTTP_HEAD = 1 << 20;
    /** A line of the CDXJ index: a 10,000-character URL appears in it twice. */
    static final int MAX_CDXJ_LINE = 1 << 20;

    /** Members read whole into memory, and how large each may be. */
    private static final Map<String, Long> IN_MEMORY = Map.of(
            BundleWriter.DIGEST_PATH, 64L << 10,
            BundleWriter.DATAPACKAGE_PATH, 1L << 20,
            BundleWriter.CAPTURE_PATH, 1L << 20,
            BundleWriter.WARNINGS_PATH, 1L << 20,
            BundleWriter.ARTICLE_PATH, 256L << 20);

    /**
     * The longest JSON string any reader accepts: no string is longer than the largest member
     * that holds one, the article. Jackson's own default (20 million characters) is below what
     * a page under {@code --max-size} can hold.
     */
    static final int MAX_JSON_STRING = (int) maxSize(BundleWriter.ARTICLE_PATH);

    /**
     * What listings, the index and search snippets read of each string of an article (the text
     * included), in bytes of UTF-8: the first mebibyte, so that a huge article costs them no more
     * memory than a book's worth of words.
     */
    static final int LISTED_STRING = 1 << 20;

    private BundleLimits() {
    }

    /** The largest size {@code member} may declare. */
    static long maxSize(String member) {
        return IN_MEMORY.getOrDefault(member, MAX_MEMBER);
    }
}
