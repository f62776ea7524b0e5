package dev.arca.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Recognises web archives (WARC, ARC, WACZ) among saved pages, from their first bytes and, failing
 * that, their names: archived as a page, one would become a capture of compressed bytes with an
 * empty article.
 */
final class WebArchives {

    /** Enough of a file to see its first record's header, or its first ZIP entry's name. */
    static final int HEAD = 4096;

    private WebArchives() {
    }

    /** "a WARC file (gzip-compressed)" and the like, when {@code head} or {@code name} is a web archive's. */
    static Optional<String> kind(byte[] head, String name) {
        if (startsWith(head, "WARC/")) {
            return Optional.of("a WARC file");
        }
        if (startsWith(head, "filedesc://")) {
            return Optional.of("an ARC file");
        }
        if (head.length > 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            byte[] inflated = gunzipped(head);
            if (startsWith(inflated, "WARC/")) {
                return Optional.of("a WARC file (gzip-compressed)");
            }
            if (startsWith(inflated, "filedesc://")) {
                return Optional.of("an ARC file (gzip-compressed)");
            }
        }
        if (isWaczEntry(firstZipEntry(head))) {
            return Optional.of("a WACZ file");
        }
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".warc") || lower.endsWith(".warc.gz")) {
            return Optional.of("a WARC file");
        }
        if (lower.endsWith(".arc") || lower.endsWith(".arc.gz")) {
            return Optional.of("an ARC file");
        }
        return lower.endsWith(".wacz") ? Optional.of("a WACZ file") : Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (bytes[i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    /** The start of what a gzip member holds, as far as {@code head} goes; empty when it does not decode. */
    private static byte[] gunzipped(byte[] head) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
            return in.readNBytes(16);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The name in a ZIP file's first local file header, or null when {@code head} does not start with one. */
    private static String firstZipEntry(byte[] head) {
        if (head.length < 30 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            return null;
        }
        int length = (head[26] & 0xff) | (head[27] & 0xff) << 8;
        return 30 + length <= head.length ? new String(head, 30, length, StandardCharsets.UTF_8) : null;
    }

    /** A member that only a WACZ has (WACZ 1.1.1 puts no order on them). */
    private static boolean isWaczEntry(String name) {
        return name != null && (name.startsWith("archive/") || name.startsWith("indexes/") || name.startsWith("pages/")
                || name.equals("datapackage.json") || name.equals("datapackage-digest.json"));
    }
}
