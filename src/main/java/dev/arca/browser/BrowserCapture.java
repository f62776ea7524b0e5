package dev.arca.browser;

import dev.arca.fetch.Capture;
import dev.arca.fetch.Recording;

/**
 * A page as the browser showed it: the {@link Capture} holds the page's redirect chain and, as
 * its body, the rendered DOM to extract from; the {@link Recording} holds everything else the page
 * loaded, the DOM as a resource and the screenshots.
 */
public record BrowserCapture(Capture capture, Recording recording) {
}
