package dev.arca.browser;

import dev.arca.fetch.Capture;
import dev.arca.fetch.Recording;

/**
 * A page as the browser showed it: the {@link Capture} holds the page's redirect chain, as its
 * body the rendered DOM to extract from, and as its requisites every other response the page
 * loaded; the {@link Recording} holds the DOM as a resource, the screenshots and the PDF.
 */
public record BrowserCapture(Capture capture, Recording recording) {
}
