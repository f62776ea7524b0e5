package dev.arca.extract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The Article's section, favicon and images, from what the page declares and what its body shows. */
class ArticleFieldsTest {

    private static final String STORY = "<p>" + "The harbour works went on through the night, the crews said. ".repeat(12)
            + "</p>";

    private static Article extract(String html) {
        return Extractor.create().extract(html.getBytes(StandardCharsets.UTF_8), "text/html",
                "https://news.example/2024/story").article();
    }

    @Test
    void sectionFromOpenGraphOrJsonLd() {
        assertThat(extract("<head><meta property=\"article:section\" content=\"Ports\"></head><body><article>" + STORY
                + "</article></body>").section()).isEqualTo("Ports");
        assertThat(extract("<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Pier\","
                + "\"articleSection\":[\"Business\",\"Ports\"]}</script></head><body><article>" + STORY
                + "</article></body>").section()).isEqualTo("Business");
    }

    @Test
    void directionFromTheBodysLettersWhenThePageDeclaresNone() {
        String hebrew = "<p>" + "עבודות הנמל נמשכו כל הלילה, כך אמרו הצוותים בעיר. ".repeat(12) + "</p>";
        String arabic = "<p>" + "استمرت أعمال الميناء طوال الليل، كما قال العمال في المدينة. ".repeat(12) + "</p>";
        Article he = extract("<body><article>" + hebrew + "</article></body>");
        Article ar = extract("<body><article>" + arabic + "</article></body>");
        Article en = extract("<body><article>" + STORY + "</article></body>");
        Article declared = extract("<html dir=ltr><body><article>" + hebrew + "</article></body></html>");

        assertThat(he.direction()).isEqualTo("rtl");
        assertThat(ar.direction()).isEqualTo("rtl");
        assertThat(en.direction()).isEqualTo("ltr");
        assertThat(declared.direction()).as("what the page declares wins").isEqualTo("ltr");
        assertThat(he.provenance().get("direction").source()).isEqualTo("text");
        assertThat(DirectionStep.of("12:30 — 2024")).isNull();
        assertThat(DirectionStep.of("Tel Aviv: " + "שלום עולם ".repeat(3))).isEqualTo("rtl");
    }

    @Test
    void faviconIsTheDeclaredIconAbsoluteAndATouchIconOnlyWithoutOne() {
        assertThat(extract("<head><link rel=\"apple-touch-icon\" href=\"/touch.png\"><link rel=\"shortcut icon\" "
                + "href=\"/fav.ico\"></head><body>" + STORY + "</body>").favicon()).isEqualTo("https://news.example/fav.ico");
        assertThat(extract("<head><link rel=\"apple-touch-icon\" href=\"/touch.png\"></head><body>" + STORY
                + "</body>").favicon()).isEqualTo("https://news.example/touch.png");
        assertThat(extract("<body>" + STORY + "</body>").favicon()).isNull();
    }

    @Test
    void imagesOfTheBodyWithAltCaptionAndStatedSize() {
        Article a = extract("<body><article>" + STORY + "<figure><img src=\"/img/pier.jpg\" alt=\"The pier\" width=\"640\" "
                + "height=\"50%\"><figcaption>The pier at dawn.</figcaption></figure>" + STORY
                + "<p><img src=\"https://cdn.example/crane.png\"></p></article></body>");

        assertThat(a.images()).containsExactly(
                new Image("https://news.example/img/pier.jpg", "The pier", "The pier at dawn.", 640, null, null),
                new Image("https://cdn.example/crane.png", null, null, null, null, null));
    }
}
