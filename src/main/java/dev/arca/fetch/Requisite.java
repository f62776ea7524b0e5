package dev.arca.fetch;

/**
 * A resource a page needs to be displayed, found in its HTML or in one of its stylesheets.
 *
 * @param url     absolute http(s) URL without fragment, resolved against {@code <base href>} and the page
 *                (or against the stylesheet that names it)
 * @param kind    what it is, which is also how a browser would ask for it
 * @param foundIn where it was found, for people: {@code "img srcset"}, {@code "link rel=stylesheet"},
 *                {@code "style attribute"}, {@code "@font-face src"}, {@code "default favicon"}
 */
public record Requisite(String url, Kind kind, String foundIn) {

    /** What a requisite is. */
    public enum Kind {
        STYLESHEET("text/css,*/*;q=0.1"),
        IMAGE(Kind.IMAGES),
        FONT("application/font-woff2;q=1.0,application/font-woff;q=0.9,*/*;q=0.8"),
        ICON(Kind.IMAGES),
        POSTER(Kind.IMAGES),
        FRAME("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        SCRIPT("*/*"),
        MEDIA("*/*"),
        /** Anything else a page loads in the browser: what its scripts fetch, a manifest. */
        OTHER("*/*");

        private static final String IMAGES = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";

        private final String accept;

        Kind(String accept) {
            this.accept = accept;
        }

        /** The {@code Accept} header a browser sends for this kind of resource (Chromium's, Firefox's for fonts). */
        public String accept() {
            return accept;
        }
    }
}
