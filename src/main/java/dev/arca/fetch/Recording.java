package dev.arca.fetch;

import java.util.List;

/**
 * What a browser capture recorded beyond the page's own redirect chain, which its {@link Capture}
 * holds: every other response the page loaded, and the resources made of the page.
 *
 * @param loaded    the page's other exchanges (scripts, stylesheets, images, XHR), in the order they finished
 * @param resources the rendered DOM, screenshots and PDF
 * @param warnings  limits the recording hit, one line each
 */
public record Recording(List<Exchange> loaded, List<Resource> resources, List<String> warnings) {

    /** A static capture records nothing more. */
    public static final Recording NONE = new Recording(List.of(), List.of(), List.of());

    public Recording {
        loaded = List.copyOf(loaded);
        resources = List.copyOf(resources);
        warnings = List.copyOf(warnings);
    }
}
