package dev.arca.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per metadata source, each on a page that carries only that source. */
class MetadataStepsTest {

    private static Metadata meta(String html, String url, Step... steps) {
        return Fixtures.run(html, url, steps).metadata();
    }

    @Test
    void jsonLdArticleInsideGraphWithAuthorArrayAndPublisher() {
        Metadata m = meta("""
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"WebPage","name":"Ignore me"},
                  {"@type":["ReportageNewsArticle"],"headline":"Rivers rise after storm",
                   "author":[{"@type":"Person","name":"Ana Lind"},"Ben Ode"],
                   "datePublished":"2022-05-01T08:00:00-04:00","dateModified":"2022-05-02",
                   "publisher":{"@type":"Organization","name":"River Times"},
                   "description":"Flood warnings", "inLanguage":"en-US",
                   "image":{"@type":"ImageObject","url":"https://rt.example/i.jpg"},"keywords":"floods, weather"}]}
                </script>""", null, new JsonLdStep());
        assertThat(m.title()).isEqualTo("Rivers rise after storm");
        assertThat(m.authors()).containsExactly("Ana Lind", "Ben Ode");
        assertThat(m.byline()).isEqualTo("Ana Lind, Ben Ode");
        assertThat(m.published()).isEqualTo("2022-05-01T08:00:00-04:00");
        assertThat(m.modified()).isEqualTo("2022-05-02");
        assertThat(m.siteName()).isEqualTo("River Times");
        assertThat(m.language()).isEqualTo("en-US");
        assertThat(m.leadImage()).isEqualTo("https://rt.example/i.jpg");
        assertThat(m.tags()).containsExactly("floods", "weather");
        assertThat(m.articleTyped()).isTrue();
    }

    @Test
    void jsonLdTopLevelArrayAndSingleAuthorObject() {
        Metadata m = meta("""
                <script type="application/ld+json">[{"@type":"BreadcrumbList"},
                 {"@context":"http://schema.org","@type":"BlogPosting","headline":"Notes",
                  "author":{"@type":"Person","name":"Cy Rowe"}}]</script>""", null, new JsonLdStep());
        assertThat(m.title()).isEqualTo("Notes");
        assertThat(m.byline()).isEqualTo("Cy Rowe");
    }

    @Test
    void brokenJsonLdIsIgnored() {
        Metadata m = meta("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", </script>", null,
                new JsonLdStep());
        assertThat(m.title()).isNull();
    }

    @Test
    void openGraphArticleAndTwitterTags() {
        Metadata m = meta("""
                <meta property="og:title" content="Bridge reopens">
                <meta property="og:site_name" content="Town Post">
                <meta property="og:type" content="article">
                <meta property="og:image" content="https://tp.example/b.jpg">
                <meta property="article:published_time" content="2020-01-02T03:04:05Z">
                <meta property="article:modified_time" content="2020-01-03T00:00:00Z">
                <meta property="article:tag" content="roads">
                <meta name="twitter:description" content="The bridge is open again">""", null, new MetaTagStep());
        assertThat(m.title()).isEqualTo("Bridge reopens");
        assertThat(m.siteName()).isEqualTo("Town Post");
        assertThat(m.published()).isEqualTo("2020-01-02T03:04:05Z");
        assertThat(m.modified()).isEqualTo("2020-01-03T00:00:00Z");
        assertThat(m.leadImage()).isEqualTo("https://tp.example/b.jpg");
        assertThat(m.tags()).containsExactly("roads");
        assertThat(m.description()).isEqualTo("The bridge is open again");
        assertThat(m.articleTyped()).isTrue();
    }

    @Test
    void plainMetaNamesAuthorDescriptionDateKeywords() {
        Metadata m = meta("""
                <meta name="author" content="Dee Vance">
                <meta name="description" content="A short summary">
                <meta name="date" content="2019-07-08">
                <meta name="keywords" content="alpha, beta">
                <meta http-equiv="content-language" content="de-AT">""", null, new MetaTagStep());
        assertThat(m.byline()).isEqualTo("Dee Vance");
        assertThat(m.authors()).containsExactly("Dee Vance");
        assertThat(m.description()).isEqualTo("A short summary");
        assertThat(m.published()).isEqualTo("2019-07-08");
        assertThat(m.tags()).containsExactly("alpha", "beta");
        assertThat(m.language()).isEqualTo("de-AT");
    }

    @Test
    void dublinCoreAndSpaceSeparatedProperties() {
        Metadata m = meta("""
                <meta property="dc:title og:title" content="Shared title">
                <meta name="DC.creator" content="Eve Marsh">""", null, new MetaTagStep());
        assertThat(m.title()).isEqualTo("Shared title");
        assertThat(m.byline()).isEqualTo("Eve Marsh");
    }

    @Test
    void microdataOnVisibleElements() {
        Metadata m = meta("""
                <div itemscope itemtype="https://schema.org/NewsArticle">
                  <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Flo Grant</span></span>
                  <time itemprop="datePublished" datetime="2018-11-12T09:00:00+00:00">12 Nov</time>
                  <div itemprop="publisher" itemscope><span itemprop="name">Daily Ledger</span></div>
                </div>""", null, new MicrodataStep());
        assertThat(m.byline()).isEqualTo("Flo Grant");
        assertThat(m.published()).isEqualTo("2018-11-12T09:00:00Z");
        assertThat(m.siteName()).isEqualTo("Daily Ledger");
        assertThat(m.articleTyped()).isTrue();
    }

    @Test
    void authorsThatDifferOnlyInCaseAreOneKeepingTheMixedCaseForm() {
        Metadata m = meta("""
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Tides",
                  "author":[{"@type":"Person","name":"JANE DOE"},{"@type":"Person","name":"jane doe"}, "Ben Ode"]}</script>
                <div itemscope itemtype="https://schema.org/NewsArticle">
                  <span itemprop="author">Jane Doe</span><span itemprop="author">BEN ODE</span>
                </div>""", null, new JsonLdStep(), new MicrodataStep());
        assertThat(m.authors()).containsExactly("Jane Doe", "Ben Ode");
    }

    @Test
    void canonicalLinkHtmlLangAndTimeElement() {
        Metadata m = meta("""
                <html lang="pt-BR"><head><link rel="canonical" href="/noticias/ponte"></head>
                <body><p>Texto</p><time datetime="2021-06-07T10:00:00-03:00">7 de junho</time></body></html>""",
                "https://jornal.example/x?utm=1", new DocumentDataStep());
        assertThat(m.canonicalUrl()).isEqualTo("https://jornal.example/noticias/ponte");
        assertThat(m.language()).isEqualTo("pt-BR");
        assertThat(m.published()).isEqualTo("2021-06-07T10:00:00-03:00");
    }

    @Test
    void dateInUrlPathWhenNothingElse() {
        Metadata m = meta("<p>No dates here</p>", "https://blog.example/2017/04/09/a-post/",
                new DocumentDataStep());
        assertThat(m.published()).isEqualTo("2017-04-09");
    }

    @Test
    void dateWrittenInThePage() {
        Metadata m = meta("<h1>Neue Brücke</h1><div class=\"datum\">Veröffentlicht am 19. Oktober 2019</div>"
                + "<p>Die Brücke ist fertig.</p>", null, new TextDateStep());
        assertThat(m.published()).isEqualTo("2019-10-19");
    }

    @Test
    void bylineInTextInSeveralLanguages() {
        assertThat(meta("<p class=x>By Jane Doe</p><p>Story text.</p>", null, new BylineStep()).byline())
                .isEqualTo("Jane Doe");
        assertThat(meta("<div>Von Hans Maier</div><p>Text.</p>", null, new BylineStep()).byline())
                .isEqualTo("Hans Maier");
        assertThat(meta("<p>Par Sophie Martin et Luc Bernard</p><p>Texte.</p>", null, new BylineStep()).byline())
                .isEqualTo("Sophie Martin et Luc Bernard");
    }

    @Test
    void bylineFromRelAuthorAndBylineClass() {
        assertThat(meta("<p>Text</p><a rel=\"author\" href=\"/a\">Kim Park</a>", null, new BylineStep()).byline())
                .isEqualTo("Kim Park");
        assertThat(meta("<span class=\"byline\"><span itemprop=\"name\">Lee Hart</span> in Sport</span>", null,
                new BylineStep()).byline()).isEqualTo("Lee Hart");
    }

    @Test
    void titleDropsSiteSuffixAndSectionPrefix() {
        assertThat(meta("<title>Storm closes the coast road | Coastline Daily</title>", null, new TitleStep())
                .title()).isEqualTo("Storm closes the coast road");
        assertThat(meta("<title>Sport: School wins the national rowing title</title>", null, new TitleStep())
                .title()).isEqualTo("School wins the national rowing title");
        assertThat(meta("<title>Council approves the new depot - Valley Courier</title>", null, new TitleStep())
                .title()).isEqualTo("Council approves the new depot");
    }

    @Test
    void sourceLinkOfRepublishedStory() {
        assertThat(meta("<p>Story.</p><p><a href=\"https://origin.example/story\">Source link</a></p>",
                "https://copy.example/x", new SourceLinkStep()).sourceUrl()).isEqualTo("https://origin.example/story");
        assertThat(meta("<p>Originally published at <a href=\"https://blog.example/p\">Blog</a>.</p>", null,
                new SourceLinkStep()).sourceUrl()).isEqualTo("https://blog.example/p");
        assertThat(meta("<p><a href=\"https://x.example/\">Home</a></p>", null, new SourceLinkStep()).sourceUrl())
                .isNull();
    }
}
