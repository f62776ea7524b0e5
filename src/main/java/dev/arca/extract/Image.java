package dev.arca.extract;

/**
 * A picture the article's body shows, as the Article JSON lists it.
 *
 * @param url      absolute URL of the picture (the {@code src} the body keeps)
 * @param alt      its alternative text, or null
 * @param caption  the caption of the figure it sits in, or null
 * @param width    the width the page states, in CSS pixels, or null
 * @param height   the height the page states, in CSS pixels, or null
 * @param captured whether the bundle holds the picture's bytes; null when unknown: the extractor sees
 *                 the page and not what else was fetched, so the archiver, which does, says it
 */
public record Image(String url, String alt, String caption, Integer width, Integer height, Boolean captured) {

    /** This picture, said to be captured or not. */
    public Image withCaptured(boolean isCaptured) {
        return new Image(url, alt, caption, width, height, isCaptured);
    }
}
