package dev.arca.fetch;

import java.util.Locale;

/**
 * How much of what a page refers to a capture keeps ({@code --requisites}).
 */
public enum RequisiteLevel {
    /** The page alone. */
    NONE,
    /** The extracted article's images and its lead image: what {@code restore --as html} shows. */
    ARTICLE,
    /** What a browser displays without running scripts, on a 1280-pixel screen at density 1, landscape or portrait (the default). */
    PAGE,
    /** {@link #PAGE}, and scripts, every {@code srcset} candidate and font source, audio and video. */
    ALL;

    /** The level named {@code name} (any case), as the option writes it. */
    public static RequisiteLevel of(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
