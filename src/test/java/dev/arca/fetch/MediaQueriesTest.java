package dev.arca.fetch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaQueriesTest {

    private static boolean m(String query) {
        return MediaQueries.matches(query, Viewport.DESKTOP);
    }

    @Test
    void mediaTypesAndTheirPrefixes() {
        assertThat(m("")).isTrue();
        assertThat(m("all")).isTrue();
        assertThat(m("screen")).isTrue();
        assertThat(m("only screen")).isTrue();
        assertThat(m("print")).isFalse();
        assertThat(m("not print")).isTrue();
        assertThat(m("not screen")).isFalse();
        assertThat(m("print, screen")).isTrue();
        assertThat(m("tv")).isFalse();
        assertThat(m("SCREEN")).isTrue();
    }

    @Test
    void widthHeightAndTheirUnits() {
        assertThat(m("(min-width: 1280px)")).isTrue();
        assertThat(m("(min-width: 1281px)")).isFalse();
        assertThat(m("(max-width: 1279.98px)")).isFalse();
        assertThat(m("screen and (min-width: 64em)")).isTrue();
        assertThat(m("screen and (min-width: 80.0625em)")).isFalse();
        assertThat(m("(max-width: 767px)")).isFalse();
        assertThat(m("(min-width: 768px) and (max-width: 1440px)")).isTrue();
        assertThat(m("(min-height: 700px)")).isTrue();
        assertThat(m("(max-height: 50vh)")).isFalse();
        assertThat(m("(width: 1280px)")).isTrue();
        assertThat(m("(min-width: 13.333in)")).isTrue();
    }

    @Test
    void rangeSyntax() {
        assertThat(m("(width >= 1280px)")).isTrue();
        assertThat(m("(width > 1280px)")).isFalse();
        assertThat(m("(1000px < width <= 1280px)")).isTrue();
        assertThat(m("(1300px <= width)")).isFalse();
        assertThat(m("(400px < width < 700px)")).isFalse();
        assertThat(m("(width < 48rem)")).isFalse();
    }

    @Test
    void conditionsNotAndOrAndNesting() {
        assertThat(m("not (max-width: 600px)")).isTrue();
        assertThat(m("(max-width: 600px) or (orientation: landscape)")).isTrue();
        assertThat(m("((min-width: 600px) and (hover: hover)) or (pointer: coarse)")).isTrue();
        assertThat(m("(max-width: 600px) and (orientation: landscape) or (color)")).isFalse();
        assertThat(m("screen and (not (color))")).isFalse();
    }

    @Test
    void featuresOfADesktopScreenWithoutScripts() {
        assertThat(m("(orientation: landscape)")).isTrue();
        assertThat(m("(orientation: portrait)")).isFalse();
        assertThat(m("(prefers-color-scheme: dark)")).isFalse();
        assertThat(m("(prefers-reduced-motion: no-preference)")).isTrue();
        assertThat(m("(hover: hover) and (pointer: fine)")).isTrue();
        assertThat(m("(-webkit-min-device-pixel-ratio: 2), (min-resolution: 192dpi)")).isFalse();
        assertThat(m("(min-resolution: 1dppx)")).isTrue();
        assertThat(m("(min-aspect-ratio: 16/10)")).isTrue();
        assertThat(m("(min-aspect-ratio: 16/9)")).isFalse();
        assertThat(m("(scripting: enabled)")).isFalse();
        assertThat(m("(color)")).isTrue();
        assertThat(m("(monochrome)")).isFalse();
    }

    @Test
    void aWindowOfTheSameWidthTallerThanWideIsPortrait() {
        Viewport p = Viewport.PORTRAIT;
        assertThat(MediaQueries.matches("(orientation: portrait)", p)).isTrue();
        assertThat(MediaQueries.matches("(orientation: landscape)", p)).isFalse();
        assertThat(MediaQueries.matches("(orientation: portrait) and (min-resolution: 120dpi)", p)).isFalse();
        assertThat(MediaQueries.matches("(min-width: 1140px) and (min-height: 2000px)", p)).isTrue();
        assertThat(MediaQueries.matches("(max-aspect-ratio: 1/1)", p)).isTrue();
        assertThat(MediaQueries.matches("(min-height: 50vh)", p)).isTrue();
        assertThat(MediaQueries.matches("(min-height: 2000px)", Viewport.DESKTOP)).isFalse();
    }

    @Test
    void unknownAndBrokenQueriesAreFalse() {
        assertThat(m("(unknown-feature: 3)")).isFalse();
        assertThat(m("(min-width: 100%)")).isFalse();
        assertThat(m("screen and")).isFalse();
        assertThat(m("screen (color)")).isFalse();
        assertThat(m("(min-width: 100px")).isTrue();
        assertThat(m("func(x)")).isFalse();
        assertThat(m(", screen")).isTrue();
        assertThat(m("not")).isFalse();
    }
}
