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

    private static final String[] HTML_TAGS = {"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div",
            "<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--"};

    /**
     * The media type of a body served without a Content-Type, sniffed as browsers do (WHATWG MIME
     * Sniffing, the HTML, PDF and binary rules): text/html, application/pdf, text/plain, or
     * application/octet-stream.
     */
    public static String sniff(byte[] body) {
        int start = 0;
        while (start < body.length && (body[start] == ' ' || body[start] == '\t' || body[start] == '\n'
                || body[start] == '\r' || body[start] == '\f')) {
            start++;
        }
        for (String tag : HTML_TAGS) {
            int end = start + tag.length();
            if (end < body.length && startsWithIgnoringCase(body, start, tag)
                    && (tag.equals("<!--") || body[end] == ' ' || body[end] == '>')) {
                return "text/html";
            }
        }
        if (startsWithIgnoringCase(body, 0, "%PDF-")) {
            return "application/pdf";
        }
        for (int i = 0; i < Math.min(body.length, 1445); i++) {
            int b = body[i] & 0xff;
            if (b <= 0x08 || b == 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) {
                return "application/octet-stream";
            }
        }
        return body.length == 0 ? "application/octet-stream" : "text/plain";
    }

    private static boolean startsWithIgnoringCase(byte[] body, int from, String prefix) {
        if (body.length - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase((char) (body[from + i] & 0xff)) != Character.toLowerCase(prefix.charAt(i))) {
                return false;
            }
        }
        return true;
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
