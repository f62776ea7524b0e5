package dev.arca.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The URL that references in a page or a stylesheet are resolved against, parsed once. Only what
 * could be fetched comes out: absolute http(s) URLs without their fragment; {@code data:},
 * {@code blob:}, {@code javascript:} and same-document {@code #} references are nothing to fetch.
 */
final class BaseUrl {

    private final URI base;

    BaseUrl(String base) {
        URI parsed = null;
        if (base != null && !base.isBlank()) {
            try {
                parsed = WebUrl.parse(base);
            } catch (FetchException e) {
                // without a usable base only absolute references resolve
            }
        }
        this.base = parsed;
    }

    /** {@code reference} as an absolute http(s) URL, if it names something to fetch. */
    Optional<String> resolve(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String ref = reference.strip();
        if (ref.isEmpty() || ref.startsWith("#")) {
            return Optional.empty();
        }
        int colon = ref.indexOf(':');
        if (colon > 0) {
            String scheme = ref.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") && scheme.chars().allMatch(
                    c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of((base == null ? WebUrl.parse(ref) : WebUrl.resolve(base, ref)).toString());
        } catch (FetchException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
