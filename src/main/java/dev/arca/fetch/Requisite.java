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
        STYLESHEET, IMAGE, FONT, ICON, POSTER, FRAME, SCRIPT, MEDIA
    }
}
