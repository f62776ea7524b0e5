package dev.arca.fetch;

/**
 * The screen that requisites are chosen for: which {@code srcset} candidate, which
 * {@code <source media>}, which {@code @media} rules. Issue 12 fixes it at 1280 CSS pixels wide at
 * density 1, a common desktop window; the height (800) only matters to {@code vh} units, height
 * and orientation queries.
 */
record Viewport(double width, double height, double density) {

    static final Viewport DESKTOP = new Viewport(1280, 800, 1);

    /** The initial font size, for {@code em} and {@code rem} in media queries and {@code sizes}. */
    static final double FONT_SIZE = 16;
}
