package dev.arca.fetch;

import dev.arca.fetch.Stylesheet.Reference;
import dev.arca.fetch.Stylesheet.Use;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StylesheetTest {

    private static final String BASE = "https://cdn.example/css/site.css";

    private static Stylesheet parse(String css) {
        return Stylesheet.parse(css, BASE);
    }

    @Test
    void commentsAndStringsHideNothingAndEscapesAreDecoded() {
        Stylesheet sheet = parse("""
                /* url(in-comment.png) @import "in-comment.css"; */
                a::after { content: "url(in-string.png)"; }
                b { background: url(un\\)quoted\\ name.png) }
                c { background: url( "dq\\"uote.png" ) , url('sq.png') }
                d { background: url(\\68 ex.png) }
                e { background-image: URL(upper.PNG) }
                f { background: url(  spaced.png  ) }
                """);

        assertThat(sheet.references()).extracting(Reference::written).containsExactly(
                "un)quoted name.png", "dq\"uote.png", "sq.png", "hex.png", "upper.PNG", "spaced.png");
        assertThat(sheet.references()).extracting(Reference::url).containsExactly(
                "https://cdn.example/css/un)quoted%20name.png", "https://cdn.example/css/dq%22uote.png",
                "https://cdn.example/css/sq.png", "https://cdn.example/css/hex.png", "https://cdn.example/css/upper.PNG",
                "https://cdn.example/css/spaced.png");
    }

    @Test
    void badUrlsAndBadStringsAreSkippedAndParsingGoesOn() {
        Stylesheet sheet = parse("a{background:url(bad url.png)} b{content:\"unterminated\n} c{background:url(good.png)}"
                + " d{background:url(with(paren.png)} e{background:url(\"never closed");

        assertThat(sheet.references()).extracting(Reference::written).containsExactly("good.png", "never closed");
    }

    @Test
    void importsCountOnlyBeforeTheFirstRuleWithTheirConditions() {
        Stylesheet sheet = parse("@charset \"utf-8\";\n@layer reset, base;\n@import url(a.css) screen and (min-width: 600px);\n"
                + "@import 'b.css' layer(base) supports(display: grid);\n@import url(\"c.css\");\n"
                + "@namespace svg url(http://www.w3.org/2000/svg);\n@import url(after-namespace.css);\n"
                + "p{color:red}\n@import url(after-rule.css);");

        assertThat(sheet.references()).filteredOn(r -> r.use() == Use.IMPORT).extracting(Reference::url).containsExactly(
                "https://cdn.example/css/a.css", "https://cdn.example/css/b.css", "https://cdn.example/css/c.css");
        assertThat(sheet.references()).extracting(Reference::written).doesNotContain("http://www.w3.org/2000/svg");
    }

    @Test
    void fontFaceLoadsTheFirstSupportedSourceOfTheLastSrc() {
        Stylesheet sheet = parse("""
                @font-face { font-family: Old; src: url(old.eot); src: url(old.eot?#iefix) format('embedded-opentype'),
                  local("Old Sans"), url(old.woff2) format("woff2"), url(old.woff) format("woff"), url(old.svg#Old) format("svg"); }
                @font-face { font-family: Bare; src: url(bare.eot), url(bare.svg), url(bare.ttf); }
                @font-face { font-family: Tech; src: url(color.woff2) format("woff2") tech(color-sbix), url(plain.woff2) format(woff2) tech(variations); }
                @font-face { font-family: Broken; src: url(a.woff2) format("woff2"); src: nonsense; }
                @font-face { font-family: Fmt; src: url(x.woff2) format("woff2", "woff"), url(y.woff) format(woff); }
                """);

        assertThat(sheet.references()).filteredOn(Reference::loaded).extracting(Reference::written, Reference::use)
                .containsExactly(tuple("old.woff2", Use.FONT), tuple("bare.ttf", Use.FONT), tuple("plain.woff2", Use.FONT),
                        tuple("a.woff2", Use.FONT), tuple("x.woff2", Use.FONT));
        assertThat(sheet.references()).filteredOn(r -> !r.loaded()).extracting(Reference::written).contains(
                "old.eot", "old.eot?#iefix", "old.woff", "old.svg#Old", "bare.eot", "color.woff2", "y.woff");
    }

    @Test
    void imageSetLoadsTheCandidateForDensityOneOfATypeBrowsersShow() {
        Stylesheet sheet = parse("""
                a { background-image: image-set("a-2x.png" 2x, "a-1x.png" 1x, url(a-low.png) 0.5x); }
                b { background-image: -webkit-image-set(url(b@2x.jpg) 2x, url(b@3x.jpg) 3x); }
                c { background-image: image-set(url(c.jxl) type("image/jxl") 1x, url(c.avif) type("image/avif") 1x, url(c.jpg) 1x); }
                d { background-image: image-set(url(d-192.png) 192dpi, url(d-96.png) 96dpi); }
                e { background-image: image-set(url(e.png)); }
                """);

        assertThat(sheet.references()).filteredOn(Reference::loaded).extracting(Reference::written)
                .containsExactly("a-1x.png", "b@2x.jpg", "c.avif", "d-96.png", "e.png");
        assertThat(sheet.references()).hasSize(11);
    }

    @Test
    void imagesOfMediaRulesForOtherScreensAreNotLoaded() {
        Stylesheet sheet = parse("""
                @media print { a { background: url(print.png) } }
                @media (max-width: 767px) { a { background: url(phone.png) } }
                @media screen and (min-width: 768px) and (max-width: 1440px) { a { background: url(desktop.png) } }
                @media not print { @supports (display:grid) { a { background: url(nested.png) } } }
                @media (prefers-color-scheme: dark) { a { background: url(dark.png) } }
                @media (width >= 1200px) { a { background: url(range.png) } }
                @container card (min-width: 400px) { a { background: url(container.png) } }
                @keyframes spin { from { background: url(frame.png) } }
                """);

        assertThat(sheet.references()).filteredOn(Reference::loaded).extracting(Reference::written)
                .containsExactly("desktop.png", "nested.png", "range.png", "container.png", "frame.png");
    }

    @Test
    void nestedRulesAndCustomPropertiesAreSearchedToo() {
        Stylesheet sheet = parse(".card { --bg: url(var.png); & .title { background: url(nested-rule.png) } "
                + "mask: url(#clip); cursor: url(cursor.cur), auto; list-style: url(data:image/gif;base64,R0lGOD) }");

        assertThat(sheet.references()).extracting(Reference::written, Reference::url).containsExactly(
                tuple("var.png", "https://cdn.example/css/var.png"),
                tuple("nested-rule.png", "https://cdn.example/css/nested-rule.png"),
                tuple("#clip", null),
                tuple("cursor.cur", "https://cdn.example/css/cursor.cur"),
                tuple("data:image/gif;base64,R0lGOD", null));
    }

    @Test
    void rewriteReplacesExactlyTheUrlsAndKeepsEveryOtherByte() {
        String css = "@import 'a.css';\n/* url(x.png) */ b{background:url( b.png ) no-repeat;content:\"url(c)\"}"
                + " c{background:url(\"c.png\")} d{background:url(keep.png)}";
        String out = parse(css).rewrite(r -> r.written().equals("keep.png") ? Optional.empty()
                : Optional.of("data:image/png;base64,AA==\"" + r.written()));

        assertThat(out).isEqualTo("@import \"data:image/png;base64,AA==\\\"a.css\";\n/* url(x.png) */ "
                + "b{background:url(\"data:image/png;base64,AA==\\\"b.png\") no-repeat;content:\"url(c)\"}"
                + " c{background:url(\"data:image/png;base64,AA==\\\"c.png\")} d{background:url(keep.png)}");
        assertThat(Stylesheet.parse(out, BASE).references()).extracting(Reference::written)
                .containsExactly("data:image/png;base64,AA==\"a.css", "data:image/png;base64,AA==\"b.png",
                        "data:image/png;base64,AA==\"c.png", "keep.png");
    }

    @Test
    void styleAttributesAreDeclarations() {
        Stylesheet style = Stylesheet.parseDeclarations("background: url(hero.jpg) center / cover; border-image: url('b.png') 30",
                "https://news.example/story/");

        assertThat(style.references()).extracting(Reference::url).containsExactly(
                "https://news.example/story/hero.jpg", "https://news.example/story/b.png");
    }

    @Test
    void hostileInputEndsCleanly() {
        String deep = "a{" + "(".repeat(200_000) + "url(x.png)";
        assertThat(parse(deep).references()).extracting(Reference::written).containsExactly("x.png");
        assertThat(parse("@media (").references()).isEmpty();
        assertThat(parse("\\").references()).isEmpty();
        assertThat(parse("@font-face{src:").references()).isEmpty();
        assertThat(parse("a{background:image-set(").references()).isEmpty();
        assertThat(parse("}}}} a{background:url(ok.png)}").references()).extracting(Reference::written).containsExactly("ok.png");
    }

    @Test
    void decodesByBomHeaderCharsetRuleThenThePage() {
        byte[] latin = "@charset \"iso-8859-1\"; a{content:\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Stylesheet.decode(latin, "text/css", StandardCharsets.UTF_8)).contains("\u00e9");
        byte[] utf8 = "a{content:\"\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(Stylesheet.decode(utf8, "text/css; charset=utf-8", null)).contains("\u00e9");
        assertThat(Stylesheet.decode(utf8, "text/css", StandardCharsets.ISO_8859_1)).contains("\u00c3\u00a9");
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertThat(Stylesheet.decode(bom, "text/css; charset=iso-8859-1", null)).isEqualTo("a{content:\"\u00e9\"}");
        assertThat(Stylesheet.decode(utf8, "text/css; charset=bogus-label", null)).contains("\u00e9");
    }
}
