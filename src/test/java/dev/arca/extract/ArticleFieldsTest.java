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
    void languageFromTheBodysTextWhenThePageDeclaresNone() {
        String german = "<p>" + "Die Hafenarbeiten dauerten die ganze Nacht, sagten die Mannschaften in der Stadt. ".repeat(8)
                + "</p>";
        String japanese = "<p>東京都は二日、新しい防災計画を発表した。計画では、地震や台風に備えて避難所を増やし、住民への情報提供を強化する。"
                + "都の担当者は「住民の安全を最優先に考えた」と話している。港の工事は一晩中続いたと、市内の作業員たちは語った。"
                + "新しい計画は来年の春から実施される予定で、都は説明会を各地で開く。</p>";
        Article de = extract("<body><article>" + german + "</article></body>");
        Article ja = extract("<body><article>" + japanese + "</article></body>");
        Article declared = extract("<html lang=fr><body><article>" + german + "</article></body></html>");
        Article tooShort = extract("<body><article><p>Guten Morgen.</p></article></body>");

        assertThat(de.language()).isEqualTo("de");
        assertThat(de.provenance().get("language").source()).isEqualTo("text");
        assertThat(de.provenance().get("language").confidence()).isBetween(0.5, 0.9);
        assertThat(ja.language()).isEqualTo("ja");
        assertThat(declared.language()).as("what the page declares wins").isEqualTo("fr");
        assertThat(tooShort.language()).as("two words are no evidence").isNull();
        // the first characters are names and figures, which say little: the guess reads on rather than trust them
        String table = "Ajax 3, PSV 1, Feyenoord 2, AZ 0, Twente 1, Utrecht 1, Vitesse 0, Heerenveen 2. ";
        String report = "Die Hafenarbeiten dauerten die ganze Nacht, sagten die Mannschaften in der Stadt. "
                + "Am Morgen lagen drei Frachter vor der Einfahrt und warteten auf einen freien Liegeplatz. "
                + "Der Bürgermeister versprach, dass die neuen Kräne noch vor dem Winter in Betrieb gehen würden. "
                + "Viele Anwohner beklagen sich seit Wochen über den Lärm, der bis in die frühen Stunden anhält. "
                + "Die Gewerkschaft fordert zusätzliche Schichten, damit die Arbeiter sich besser erholen können. ";
        TextLanguage.Guess afterTheScores = TextLanguage.guess(table + report);
        assertThat(afterTheScores).isNotNull();
        assertThat(afterTheScores.tag()).isEqualTo("de");
        assertThat(TextLanguage.tag("cmn")).isEqualTo("zh");
        assertThat(TextLanguage.tag("gsw")).as("no two-letter code: the ISO 639-3 one is the BCP 47 tag").isEqualTo("gsw");
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
