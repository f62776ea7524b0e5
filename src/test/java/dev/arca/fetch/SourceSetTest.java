package dev.arca.fetch;

import dev.arca.fetch.SourceSet.Candidate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

class SourceSetTest {

    private static final Viewport V = Viewport.DESKTOP;

    private static String chosen(String srcset, String sizes, String src) {
        return SourceSet.byPreference(SourceSet.parse(srcset), sizes, src, V).get(0);
    }

    @Test
    void parsesCandidatesAsTheStandardDoes() {
        assertThat(SourceSet.parse(" a.jpg 1x,b.jpg 2x , c.jpg, d, e.jpg 640w 360h, f.jpg 1.5x"))
                .extracting(Candidate::url, Candidate::width, Candidate::density).containsExactly(
                        tuple("a.jpg", 0, 1.0), tuple("b.jpg", 0, 2.0), tuple("c.jpg", 0, 1.0), tuple("d", 0, 1.0),
                        tuple("e.jpg", 640, Double.NaN), tuple("f.jpg", 0, 1.5));
    }

    @Test
    void commasInsideUrlsAndParenthesesDoNotSplit() {
        assertThat(SourceSet.parse("https://img.example/f_auto,q_80,w_640/pic.jpg 640w, https://img.example/f_auto,w_1280/pic.jpg 1280w"))
                .extracting(Candidate::url).containsExactly("https://img.example/f_auto,q_80,w_640/pic.jpg",
                        "https://img.example/f_auto,w_1280/pic.jpg");
        // a comma ends a URL only before whitespace or at its end: "b.jpg,c.jpg" is one URL
        assertThat(SourceSet.parse("a.jpg,, b.jpg,c.jpg, d.jpg,,")).extracting(Candidate::url)
                .containsExactly("a.jpg", "b.jpg,c.jpg", "d.jpg");
        assertThat(SourceSet.parse("a.jpg (future, descriptor) 2x, b.jpg 1x")).extracting(Candidate::url).containsExactly("b.jpg");
    }

    @Test
    void invalidDescriptorsDropTheCandidate() {
        assertThat(SourceSet.parse("a 1x 2x, b 100w 1x, c -1x, d 0w, e 1.x, f +1x, g 100h, h 10q, i 1e1x, j 100W"))
                .extracting(Candidate::url).containsExactly("i", "j");
    }

    @Test
    void widthDescriptorsAreDividedByTheSourceSize() {
        String set = "s.jpg 480w, m.jpg 800w, l.jpg 1400w, xl.jpg 2000w";
        assertThat(chosen(set, null, "src.jpg")).isEqualTo("l.jpg"); // 100vw = 1280
        assertThat(chosen(set, "50vw", null)).isEqualTo("m.jpg");
        assertThat(chosen(set, "(max-width: 600px) 100vw, (max-width: 1200px) 50vw, 700px", null)).isEqualTo("m.jpg");
        assertThat(chosen(set, "(min-width: 1280px) calc(50vw - 2rem), 100vw", null)).isEqualTo("m.jpg");
        assertThat(chosen(set, "(min-width: 1281px) 10px, 90vw", null)).isEqualTo("l.jpg");
        assertThat(chosen(set, "400px", null)).isEqualTo("s.jpg");
        assertThat(chosen(set, "20em", null)).isEqualTo("s.jpg");
        assertThat(chosen(set, "min(1500px, 100vw)", null)).isEqualTo("l.jpg");
        assertThat(chosen(set, "clamp(300px, 30vw, 2000px)", null)).isEqualTo("s.jpg");
        assertThat(chosen(set, "auto", null)).isEqualTo("l.jpg");
    }

    @Test
    void invalidSizesEntriesAreSkipped() {
        String set = "s.jpg 480w, m.jpg 800w, l.jpg 1400w";
        assertThat(chosen(set, "50%, 400px", null)).isEqualTo("s.jpg");
        assertThat(chosen(set, "(min-width: 100px) -10px, 700px", null)).isEqualTo("m.jpg");
        assertThat(chosen(set, "(unknown-feature) 400px, 700px", null)).isEqualTo("m.jpg");
        assertThat(chosen(set, "nonsense", null)).isEqualTo("l.jpg");
        assertThat(chosen(set, "calc(100vw -2em)", null)).isEqualTo("l.jpg");
        assertThat(chosen(set, "", null)).isEqualTo("l.jpg");
    }

    @Test
    void densityDescriptorsPickTheSmallestAtLeastOneElseTheDensest() {
        assertThat(chosen("a.jpg 2x, b.jpg 1x, c.jpg 3x", null, null)).isEqualTo("b.jpg");
        assertThat(chosen("a.jpg 2x, c.jpg 1.5x", null, null)).isEqualTo("c.jpg");
        assertThat(chosen("a.jpg 0.5x, c.jpg 0.75x", null, null)).isEqualTo("c.jpg");
        assertThat(chosen("retina.jpg 2x", null, "plain.jpg")).isEqualTo("plain.jpg");
        assertThat(chosen("first.jpg, second.jpg 1x", null, "src.jpg")).isEqualTo("first.jpg");
        assertThat(chosen("", null, "src.jpg")).isEqualTo("src.jpg");
    }

    @Test
    void preferenceOrderGoesFromTheChoiceToDenserThenLighterThenSrc() {
        List<String> order = SourceSet.byPreference(SourceSet.parse("a 320w, b 640w, c 1280w, d 1920w, e 2560w"), "50vw", "src", V);
        assertThat(order).containsExactly("b", "c", "d", "e", "a", "src");
    }

    @Test
    void pictureSkipsSourcesOfOtherScreensAndUnsupportedTypes() {
        Element img = Jsoup.parse("""
                <picture>
                  <source srcset="art-phone.jpg" media="(max-width: 700px)">
                  <source srcset="art.jxl" type="image/jxl">
                  <source srcset="art.heic" type="image/heic">
                  <source type="image/avif; codecs=av01" srcset="art-800.avif 800w, art-1600.avif 1600w" sizes="70vw">
                  <source srcset="art.webp" type="image/webp">
                  <img src="art.jpg" srcset="art-2x.jpg 2x">
                </picture>""", "https://x.example/").selectFirst("img");

        assertThat(ImageSources.candidates(img)).containsExactly("https://x.example/art-1600.avif",
                "https://x.example/art-800.avif", "https://x.example/art.jpg", "https://x.example/art-2x.jpg");
    }

    @Test
    void aPortraitWindowOfTheSameWidthTakesTheOrientationSourceSizedByItsHeight() {
        Element img = Jsoup.parse("""
                <picture>
                  <source media="(orientation: portrait) and (min-resolution: 120dpi)" sizes="149.98vh" srcset="p2-4000.jpg 4000w, p2-8000.jpg 8000w">
                  <source media="(orientation: portrait)" sizes="149.98vh" srcset="p-2000.jpg 2000w, p-3750.jpg 3750w, p-4000.jpg 4000w">
                  <source media="(min-width: 1140px)" sizes="1300px" srcset="l-1300.jpg 1300w">
                  <img src="fallback.jpg">
                </picture>""", "https://x.example/").selectFirst("img");

        assertThat(SourceSet.sourceSize("149.98vh", Viewport.PORTRAIT)).isCloseTo(3599.52, offset(1e-6));
        assertThat(ImageSources.picks(img, true, Viewport.DESKTOP)).first().extracting(ImageSources.Pick::written)
                .isEqualTo("l-1300.jpg");
        assertThat(ImageSources.picks(img, true, Viewport.PORTRAIT)).extracting(ImageSources.Pick::written, ImageSources.Pick::foundIn)
                .startsWith(tuple("p-3750.jpg", "picture source srcset"), tuple("p-4000.jpg", "picture source srcset"));
    }

    @Test
    void pictureSourceWithoutSrcsetOrWithAnEmptyOneIsPassedOver() {
        Element img = Jsoup.parse("<picture><source media=\"all\"><source srcset=\" , \"><source srcset=\"ok.png\">"
                + "<img src=\"fallback.png\"></picture>", "https://x.example/").selectFirst("img");
        assertThat(ImageSources.candidates(img)).first().isEqualTo("https://x.example/ok.png");
    }

    @Test
    void lazyAttributesComeFirstForRenderersThenWhatThePageShowsWithoutScripts() {
        Element img = Jsoup.parse("<img src=\"spacer.gif\" data-srcset=\"p-640.jpg 640w, p-1280.jpg 1280w\" data-sizes=\"auto\""
                + " data-src=\"p.jpg\">", "https://x.example/a/").selectFirst("img");
        assertThat(ImageSources.candidates(img)).containsExactly("https://x.example/a/p-1280.jpg",
                "https://x.example/a/p-640.jpg", "https://x.example/a/p.jpg", "https://x.example/a/spacer.gif");
    }

    @Test
    void supportedTypesAreThoseChromiumDecodes() {
        assertThat(List.of("image/webp", "IMAGE/AVIF", "image/svg+xml", "image/png; q=1", "", "image/jpeg"))
                .allMatch(SourceSet::supportedType);
        assertThat(List.of("image/jxl", "image/heic", "image/tiff", "image/jp2", "video/mp4"))
                .noneMatch(SourceSet::supportedType);
    }
}
