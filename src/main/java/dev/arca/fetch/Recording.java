package dev.arca.fetch;

import java.util.List;

/**
 * What a browser capture made of its page besides the {@link Capture}, which holds the page's
 * redirect chain, its rendered DOM as the body and every other response the page loaded as its
 * {@link Capture#requisites() requisites}.
 *
 * @param resources the rendered DOM, screenshots and PDF; empty when the page was not captured in the browser
 * @param warnings  limits the browser hit, or why its capture was not kept, one line each
 */
public record Recording(List<Resource> resources, List<String> warnings) {

    /** A static capture records nothing more. */
    public static final Recording NONE = new Recording(List.of(), List.of());

    public Recording {
        resources = List.copyOf(resources);
        warnings = List.copyOf(warnings);
    }
}
