package dev.arca.render;

import java.util.Base64;

/** {@code data:} URIs, which let one file carry the resources it shows (RFC 2397). */
final class DataUri {

    private DataUri() {
    }

    static String of(String mediaType, byte[] bytes) {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
