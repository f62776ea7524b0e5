package dev.arca.fetch;

/**
 * The screen that requisites are chosen for: which {@code srcset} candidate, which
 * {@code <source media>}, which {@code @media} rules. Issue 12 fixes it at 1280 CSS pixels wide at
 * density 1; the height only matters to {@code vh} units, height and orientation queries, and a
 * 1280-pixel window may be wider than tall or taller than wide, so images are chosen for both
 * {@link #DESKTOP} and {@link #PORTRAIT}.
 */
record Viewport(double width, double height, double density) {

    /** A common desktop window, wider than tall: the screen of everything requisites choose. */
    static final Viewport DESKTOP = new Viewport(1280, 800, 1);

    /**
     * A 1280-pixel window taller than wide, for the one extra image candidate a {@code <picture>}
     * or a {@code vh}-sized {@code srcset} gives it: a portrait monitor's window, or a tall
     * screenshot such as replay-fidelity's default 1280 x 2400, whose height it takes. Other
     * portrait heights that choose another candidate by {@code vh} are not covered.
     */
    static final Viewport PORTRAIT = new Viewport(1280, 2400, 1);

    /** The initial font size, for {@code em} and {@code rem} in media queries and {@code sizes}. */
    static final double FONT_SIZE = 16;
}
