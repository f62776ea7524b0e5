package dev.arca.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per metadata source, each on a page that carries only that source. */
class MetadataStepsTest {

    private static Metadata meta(String html, String url, Step... steps) {
        return Fixtures.run(html, url, steps).metadata();
    }

    @Test
    void tagIndexHoldsEachTagInDocumentOrderAndIsDroppedWhenContentWorkStarts() {
        Page page = new Page(org.jsoup.Jsoup.parse("<head><meta name=a content=1><script>x()</script></head><body>"
                + "<div itemscope itemtype=https://schema.org/Article><meta itemprop=b content=2><h1>T</h1></div>"
                + "<span itemscope>no type</span><a href=/1>one</a><p><a href=/2>two</a></p></body>"), null);
        TagIndex tags = page.tags();
        assertThat(tags.get("meta")).extracting(e -> e.attr("content")).containsExactly("1", "2");
        assertThat(tags.get("a")).extracting(e -> e.attr("href")).containsExactly("/1", "/2");
        assertThat(tags.get("time")).isEmpty();
        assertThat(tags.itemScopes()).extracting(e -> e.attr("itemtype")).containsExactly("https://schema.org/Article");
        assertThat(page.tags()).isSameAs(tags);
        page.startAttempt(Page.Strictness.FULL, false);
        assertThat(page.tags()).as("a content attempt may change the original").isNotSameAs(tags);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> tags.get("div"));
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

    private static String settled(String... values) {
        java.util.List<Metadata.Candidate> candidates = new java.util.ArrayList<>();
        Source[] sources = {Source.JSON_LD, Source.META, Source.TIME, Source.TEXT};
        for (int i = 0; i < values.length; i++) {
            candidates.add(new Metadata.Candidate(values[i], sources[i], sources[i].trust()));
        }
        return DateStep.settle(candidates).value();
    }

    @Test
    void datesSettleOnThePagesOwnClock() {
        // the same instant in UTC and with the page's offset: the offset wins
        assertThat(settled("2019-10-18T22:04:00Z", "2019-10-19T00:04:00+02:00")).isEqualTo("2019-10-19T00:04:00+02:00");
        // a local time without offset and the UTC instant make one local time with its offset
        assertThat(settled("2022-05-04T00:25:00Z", "2022-05-03T21:25:00")).isEqualTo("2022-05-03T21:25:00-03:00");
        assertThat(settled("2022-05-03T21:25:00", "2022-05-04T00:25:00Z")).isEqualTo("2022-05-03T21:25:00-03:00");
        // the local day the page shows, when nothing gives the offset
        assertThat(settled("2022-05-04T00:25:56Z", "2022-05-03")).isEqualTo("2022-05-03");
        // but not when the page also shows the UTC day
        assertThat(settled("2022-05-04T00:25:56Z", "2022-05-04", "2022-05-03")).isEqualTo("2022-05-04T00:25:56Z");
        // an offset of the page's own is kept, and a date that disagrees changes nothing
        assertThat(settled("2021-03-05T10:00:00+01:00", "2021-03-05T09:00:00Z")).isEqualTo("2021-03-05T10:00:00+01:00");
        assertThat(settled("2021-03-05T10:00:00Z", "2020-01-01")).isEqualTo("2021-03-05T10:00:00Z");
        // a bare day is made precise by a time on that day
        assertThat(settled("2021-03-05", "2021-03-05T10:00:00+01:00")).isEqualTo("2021-03-05T10:00:00+01:00");
    }

    @Test
    void visibleDatelineOpensAParagraphButADateInProseIsAFact() {
        assertThat(meta("<p><strong>01.02.2022 Der Arbeitsmarkt ist gut in das Jahr gestartet, die Zahl der Arbeitslosen "
                + "sank im Januar weniger stark als sonst, und die Nachfrage nach Personal blieb hoch.</strong></p>", null,
                new TextDateStep()).published()).isEqualTo("2022-02-01");
        assertThat(meta("<p>The crane was built on 14 March 1921 and worked the quay for almost fifty years before it "
                + "was retired, dismantled and stored in a shed by the old railway line.</p>", null, new TextDateStep())
                .published()).isNull();
        assertThat(meta("<header><h1>Neue Brücke</h1><span class=\"date\">10. November 2021</span></header><p>Text.</p>",
                null, new TextDateStep()).published()).isEqualTo("2021-11-10");
        assertThat(meta("<header><a href=/>Home</a> <span class=\"date\">10. November 2021</span></header><p>Text.</p>",
                null, new TextDateStep()).published()).isNull();
    }

    @Test
    void webPageDateWhenThePageIsNoArticle() {
        Metadata m = meta("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
                + "{\"@type\":\"WebPage\",\"name\":\"About us\",\"datePublished\":\"2018-06-07T10:13:17+00:00\"}]}"
                + "</script>", null, new JsonLdStep());
        assertThat(m.published()).isEqualTo("2018-06-07T10:13:17Z");
    }

    @Test
    void bylineTextWithoutDatesTitlesAndLabels() {
        assertThat(Bylines.withoutDate("By Joshua Sokol May 20, 2019")).isEqualTo("By Joshua Sokol");
        assertThat(Bylines.withoutDate("Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC")).isEqualTo("Joe Wee");
        assertThat(Bylines.withoutDate("Posted on September 21, 2020 by Adi Tzlil")).isEqualTo("Adi Tzlil");
        assertThat(Bylines.withoutDate("James Akinaka • 8h")).isEqualTo("James Akinaka");
        assertThat(Bylines.withoutDate("By Julia Beizer, Published: March 8 at 3:23 pm")).isEqualTo("By Julia Beizer");
        assertThat(Bylines.withoutDate("Von Anna Berg, 8. März")).isEqualTo("Von Anna Berg");
        assertThat(Bylines.withoutDate("By Ann Lee, Bureau Chief")).as("no month, nothing cut").isEqualTo("By Ann Lee, Bureau Chief");
        assertThat(Bylines.withoutDate("About the Author - Florina Ionescu")).isEqualTo("Florina Ionescu");
        assertThat(Bylines.withoutDate("Sunday, Feb 1, 2015 11:57 AM UTC")).isNull();
        assertThat(Bylines.withoutDate("Last Updated: January 7, 2025")).isNull();
        assertThat(Bylines.withoutDate("Houzz Deutschland vor 5 Stunden Mehr")).isEqualTo("Houzz Deutschland");
        assertThat(Bylines.namesInOne("det/dpa")).containsExactly("det", "dpa");
        assertThat(Bylines.namesInOne("Lee, Ann")).containsExactly("Lee, Ann");
        assertThat(Bylines.split("Ann Lee AND Bo Park/AP")).containsExactly("Ann Lee", "Bo Park", "AP");
        assertThat(Bylines.readsAsNames("Sign In| Sign Up | Subscribe")).isFalse();
        assertThat(Bylines.readsAsNames("Katie Couric New Yorkers post their feelings about the election")).isFalse();
        assertThat(Bylines.readsAsNames("By Brenda Goodman, MA WebMD Health News")).isTrue();
    }

    @Test
    void aMarkedTimeInALineThatCountsCommentsStillDatesTheStory() {
        Metadata m = meta("<div class=\"by-line-comments-views-date\"><time itemprop=\"datePublished\""
                + " datetime=\"2012-11-06T13:53:00-0800\">Nov 6, 2012</time> 4 comments</div>", null,
                new DocumentDataStep());
        assertThat(m.published()).isEqualTo("2012-11-06T13:53:00-08:00");
        Metadata comment = meta("<div class=\"comment-meta\"><time class=\"published\" datetime=\"2012-11-08\">"
                + "Nov 8</time></div>", null, new DocumentDataStep());
        assertThat(comment.published()).isNull();
    }

    @Test
    void metaBylinesLoseTheirByAndOpenGraphAuthorsCount() {
        assertThat(meta("<meta name=\"byl\" content=\"By Corey Kilgannon\">", null, new MetaTagStep()).byline())
                .isEqualTo("Corey Kilgannon");
        assertThat(meta("<meta property=\"og:article:author\" content=\"BBC News\">", null, new MetaTagStep()).byline())
                .isEqualTo("BBC News");
    }

    @Test
    void microdataOfAnItemInsideTheArticleIsNotTheArticles() {
        Metadata m = meta("""
                <div itemscope itemtype="https://schema.org/NewsArticle">
                  <figure itemprop="image" itemscope itemtype="https://schema.org/ImageObject">
                    <span itemprop="author">Photo Agency</span></figure>
                  <span itemprop="author">Sarah Archer</span>
                </div>""", null, new MicrodataStep());
        assertThat(m.byline()).isEqualTo("Sarah Archer");
    }

    @Test
    void provenanceNamesTheSourceCountsAgreementAndKeepsTheRunnerUp() {
        Metadata m = meta("""
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge reopens",
                 "datePublished":"2020-01-02T03:04:05Z"}</script>
                <meta property="og:title" content="Bridge reopens">
                <meta name="date" content="2020-01-05">""", null, new JsonLdStep(), new MetaTagStep(), new DateStep());
        var p = m.provenance();
        assertThat(p.get("title").source()).isEqualTo("json-ld");
        assertThat(p.get("title").confidence()).isGreaterThan(Source.JSON_LD.trust());
        assertThat(p.get("title").runnerUp()).isNull();
        assertThat(p.get("published").source()).isEqualTo("json-ld");
        assertThat(p.get("published").confidence()).isLessThan(Source.JSON_LD.trust());
        assertThat(p.get("published").runnerUp()).isEqualTo(new Provenance.RunnerUp("2020-01-05", "meta", 0.8));
    }

    private static String title(String html) {
        return titled(html).title();
    }

    private static String headline(String html) {
        return titled(html).headline();
    }

    private static Metadata titled(String html) {
        return meta(html, "https://coastline.example/news/story", new JsonLdStep(), new MetaTagStep(),
                new DocumentDataStep(), new SourceLinkStep(), new TitleStep());
    }

    @Test
    void titleMarkupBecomesTextAndPlaceholdersAreNoTitles() {
        assertThat(title("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"headline\":\"Why the <em>old</em> pier matters\"}</script>")).isEqualTo("Why the old pier matters");
        assertThat(title("<meta property=\"og:title\" content=\"(no title)\"><title>Pier reopens after repairs"
                + "</title>")).isEqualTo("Pier reopens after repairs");
        assertThat(title("<meta property=\"og:title\" content=\"Untitled\"><body><h1>Pier reopens</h1></body>"))
                .isEqualTo("Pier reopens");
    }

    @Test
    void headlineLosesSiteNamesAtEitherEndButKeepsItsKicker() {
        assertThat(headline("<meta property=\"og:site_name\" content=\"Coastline Daily\">"
                + "<meta property=\"og:title\" content=\"Coastline Daily: Pier reopens after repairs\">"))
                .isEqualTo("Pier reopens after repairs");
        // the host names the site too
        assertThat(headline("<meta property=\"og:title\" content=\"Pier reopens after repairs - Coastline\">"))
                .isEqualTo("Pier reopens after repairs");
        // a suffix nothing proves to be the site's name stays
        assertThat(headline("<meta property=\"og:title\" content=\"Pier reopens after repairs | Local | Tide\">"
                + "<body><h1>Pier reopens after repairs</h1></body>")).isEqualTo("Pier reopens after repairs | Local | Tide");
        assertThat(headline("<title>Exclusive: Minister quits over harbour deal</title><body><h1>Exclusive:\n  Minister "
                + "quits over harbour deal</h1></body>")).isEqualTo("Exclusive: Minister quits over harbour deal");
    }

    @Test
    void aCommentsTimeIsNotThePublicationDate() {
        Metadata m = meta("""
                <body><article><h1>Leek soup</h1><p>Cut the leeks into rings.</p>
                <div class="recipe-comment-box"><div class="middle">
                <time datetime="2020-09-23T18:19:06+02:00">23.09.20</time> Lovely soup!</div></div>
                <footer><time datetime="2020-09-20">20.09.2020</time></footer></article></body>""",
                null, new DocumentDataStep());
        assertThat(m.published()).isEqualTo("2020-09-20");
    }
}
