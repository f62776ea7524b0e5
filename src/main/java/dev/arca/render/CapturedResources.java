package dev.arca.render;

import java.util.Map;
import java.util.Optional;

/**
 * Where renderers find what a capture kept of a page's resources, by URL: in arca, the bundle's
 * WARC records; in tests, a map. Renderers never fetch anything; what is not found here is shown
 * as missing.
 */
@FunctionalInterface
public interface CapturedResources {

    /**
     * The captured resource at {@code url} (absolute, without fragment), if the capture holds a
     * successful response for it, after the redirects it recorded: an error page is no resource,
     * and renderers show it as missing.
     */
    Optional<CapturedResource> find(String url);

    /** No resources: every image shows its alt text. */
    static CapturedResources none() {
        return url -> Optional.empty();
    }

    /** The resources of a map from URL to resource. */
    static CapturedResources of(Map<String, CapturedResource> byUrl) {
        Map<String, CapturedResource> copy = Map.copyOf(byUrl);
        return url -> Optional.ofNullable(copy.get(url));
    }
}
