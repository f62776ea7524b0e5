package dev.arca.render;

import dev.arca.fetch.MediaTypes;

/**
 * The bytes captured for one URL, as the renderers embed them.
 *
 * @param bytes       the response body, decoded from any Content-Encoding
 * @param contentType the Content-Type the server gave (may be null): its charset decodes a
 *                    stylesheet; images are known by their bytes anyway, since servers often mislabel them
 */
public record CapturedResource(byte[] bytes, String contentType) {

    public CapturedResource {
        if (bytes == null) {
            throw new IllegalArgumentException("a captured resource needs its bytes");
        }
    }

    /** The media type without parameters, lower-cased; null when the server gave none. */
    public String mediaType() {
        return MediaTypes.of(contentType);
    }
}
