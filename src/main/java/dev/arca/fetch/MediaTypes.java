package dev.arca.fetch;

import java.util.Locale;

/** Reads media types from Content-Type values and guesses them from file names. */
public final class MediaTypes {

    private MediaTypes() {
    }

    /** The media type of a Content-Type value without parameters, lower-cased; null when absent. */
    public static String of(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.isEmpty() ? null : type.toLowerCase(Locale.ROOT);
    }

    /** True for HTML and XHTML. */
    public static boolean isHtml(String mediaType) {
        return "text/html".equals(mediaType) || "application/xhtml+xml".equals(mediaType);
    }

    /** Guesses a media type from a file name, for local files that have no Content-Type. */
    public static String forFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            return "text/html";
        }
        if (lower.endsWith(".xhtml")) {
            return "application/xhtml+xml";
        }
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (lower.endsWith(".txt")) {
            return "text/plain";
        }
        return null;
    }
}
