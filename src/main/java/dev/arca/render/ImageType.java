package dev.arca.render;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The formats of captured images, known by their first bytes rather than by the Content-Type a
 * server sent, which is often wrong (a WebP served as image/jpeg, an error page as image/png).
 */
enum ImageType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    SVG("image/svg+xml", "svg"),
    AVIF("image/avif", "avif"),
    BMP("image/bmp", "bmp"),
    ICO("image/x-icon", "ico");

    final String mediaType;
    final String extension;

    ImageType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The format of {@code bytes}, or null when they are no image a browser shows. */
    static ImageType sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        if (startsWith(bytes, 4, 'f', 't', 'y', 'p') && (startsWith(bytes, 8, 'a', 'v', 'i', 'f')
                || startsWith(bytes, 8, 'a', 'v', 'i', 's'))) {
            return AVIF;
        }
        if (startsWith(bytes, 0, 'B', 'M')) {
            return BMP;
        }
        if (startsWith(bytes, 0, 0, 0, 1, 0)) {
            return ICO;
        }
        return looksLikeSvg(bytes) ? SVG : null;
    }

    private static boolean looksLikeSvg(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        int svg = head.indexOf("<svg");
        return svg >= 0 && head.substring(0, svg).replaceAll("(?s)<\\?xml.*?\\?>|<!--.*?-->|<!doctype[^>]*>", "").isBlank();
    }

    private static boolean startsWith(byte[] bytes, int at, int... prefix) {
        if (bytes.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[at + i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
