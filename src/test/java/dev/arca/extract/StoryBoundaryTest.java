package dev.arca.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixture pages for each failure mode of the story's boundary and of the furniture inside it,
 * and pages of other kinds (a gallery, a list, a profile, a directory) that must keep their content.
 */
class StoryBoundaryTest {

    private static String text(String name) {
        return Fixtures.extract("furniture/" + name, "https://news.example/2024/04/09/story").text();
    }

    @Test
    void modernNewsPageKeepsTheStoryAndTheQuotedPostButNotItsFurniture() {
        String text = text("modern-news.html");
        assertThat(text).containsSubsequence(
                "Ministers back a £2bn lagoon",
                "The government has approved a tidal lagoon",
                "The eleven-kilometre wall",
                "Local fishermen have opposed the scheme",
                "Today's decision is a huge step for clean energy",
                "The mayor, who campaigned for the lagoon",
                "Construction is expected to start next spring");
        assertThat(text).doesNotContain("Energy\n", "Advertisement", "£1 a week", "Read more", "In pictures",
                "Fishing boats at the north quay", "Share on", "Tags:", "twelve years", "Morning Briefing",
                "More from", "Council tax", "community guidelines", "Image: Estuary Power");
    }

    @Test
    void furnitureWithoutTellingClassNamesIsFoundByWhatItSays() {
        String text = text("plain-furniture.html");
        assertThat(text).containsSubsequence(
                "Night buses will run again",
                "The new buses at the depot in Aberfach.",
                "The route will link six towns",
                "Shift workers at the hospital",
                "The first night bus leaves the depot",
                "The campaign group posted pictures",
                "Campaigners at the bus station on Tuesday.",
                "The council will pay for the first year");
        assertThat(text).doesNotContain("Home >", "Transport\n", "Story continues", "Photograph:", "Tags:",
                "affiliate", "is the Gazette's transport reporter", "Comments are moderated", "More from",
                "Ferry fares frozen", "Library to open");
        assertThat(text.indexOf("Campaigners at the bus station"))
                .as("a repeated caption is kept once").isEqualTo(text.lastIndexOf("Campaigners at the bus station"));
    }

    @Test
    void aShortPostInThePagesOneArticleBeatsALongerSidebarBox() {
        String text = text("short-post-long-sidebar.html");
        assertThat(text).containsSubsequence("I would put my money into night ferries", "Thanks to Tom for the tip");
        assertThat(text).doesNotContain("About this series", "a good dozen of these notes");
    }

    @Test
    void aSeeAlsoParagraphAndAHeadingMadeByClassCloseTheStoryButABoxOfTeasersInsideItDoesNot() {
        String text = text("styled-section-headings.html");
        assertThat(text).containsSubsequence("Topinambur ist eine robuste Knolle", "Geerntet wird nach Bedarf",
                "Wer im Frühjahr", "hat im nächsten Jahr wieder eine Ernte");
        assertThat(text).doesNotContain("könnte dich auch interessieren", "Knollen richtig lagern", "Verwandte Artikel",
                "Pastinaken", "Lesen Sie auch", "umpflanzen");
    }

    @Test
    void aStoryInSeveralBoxesOfOneKindSplitByAFigureIsKeptWhole() {
        assertThat(text("split-sections.html")).containsSubsequence("The harbour board met on Tuesday",
                "Fishermen who use the pier", "The rebuilt pier will be wider", "Residents will be asked");
    }

    @Test
    void aStandfirstInTheHeaderThatTheDescriptionRepeatsOpensTheStory() {
        String text = text("standfirst-in-header.html");
        assertThat(text).containsSubsequence("The harbour board voted on Tuesday to rebuild the north pier",
                "The vote was eleven to two", "before the plans go to the council");
        assertThat(text).doesNotContain("By Ann Lee", "Estuary Gazette, 2024");
    }

    @Test
    void aMastheadSloganThatTheDescriptionRepeatsIsNotAStandfirst() {
        String slogan = "News, sport and weather from the six towns of the estuary, every day since 1887.";
        String html = "<html><head><meta name=description content='" + slogan + "'></head><body>"
                + "<header><p class=slogan>" + slogan + "</p></header><article><h1>Pier to reopen</h1><div>"
                + "<p>The north pier will reopen in May after two years of work, the harbour board said on Tuesday.</p>"
                + "<p>Fishermen who moved to the south quay while it was closed said they would be glad to return.</p>"
                + "<p>The board will ask residents about the pier's new lighting at a meeting next month.</p>"
                + "</div></article></body></html>";
        String text = Extractor.create().extract(org.jsoup.Jsoup.parse(html, "https://news.example/pier"),
                "https://news.example/pier").article().text();
        assertThat(text).startsWith("The north pier will reopen").doesNotContain("every day since 1887");
    }

    @Test
    void aStandfirstSetAsAHeadingInItsOwnBoxIsKept() {
        assertThat(text("standfirst-as-heading.html")).containsSubsequence("Kurz vor der Sitzung des Hafenrats",
                "Der Hafenrat kommt am Dienstag zusammen", "den Rest teilen sich die Stadt und der Hafen");
    }

    /**
     * A read-on link in brackets, labelled datelines and signatures, an author bio in another case,
     * a contact line, a promotion, a pager, a list with its "related" caption inside it and a legal
     * footer line, all inside the story's own box; a title "by" its author inside a sentence stays.
     */
    @Test
    void inlineFurnitureOfTheStorysOwnBoxIsCut() {
        String text = text("inline-furniture.html");
        assertThat(text).containsSubsequence("Night buses will run again", "after a campaign by shift workers at the hospital.",
                "The route will link", "review the route after that.",
                "quotes Three Men in a Boat by Jerome K. Jerome on its cover.");
        assertThat(text).doesNotContain("read more", "[]", "posted on", "Posted by", "valleyadmin", "Check out more",
                "is a transport reporter", "Contact Mark", "By:", "Weiter", "Imprint", "Privacy", "zum Thema", "Busfahrer",
                "anmelden");
    }

    @Test
    void aBoxHoldingAnotherStoryUnderItsOwnHeadlineAndBylineIsCutButALiveBlogsEntriesAreNot() {
        String text = text("another-story-in-a-box.html");
        assertThat(text).containsSubsequence("Forty chefs and food writers", "The letter warns",
                "Two amendments to the bill", "more than a hundred thousand names");
        assertThat(text).doesNotContain("Prince backs", "Tom Pyman", "million young people", "apprenticeships");
        assertThat(text("live-blog-entries.html")).containsSubsequence("All ferries across the estuary",
                "The council has told the six secondary schools", "About four thousand homes");
    }

    @Test
    void aGalleryPageKeepsItsPictures() {
        assertThat(text("gallery-page.html")).contains("Thousands came to the harbour",
                "The tall ships arrived", "Fireworks over the harbour closed the festival");
    }

    @Test
    void aListPageKeepsItsList() {
        assertThat(text("list-page.html")).contains("Cliff path to the lighthouse", "Fishing villages – 11 km");
    }

    @Test
    void aProfilePageKeepsItsFactsAndBio() {
        assertThat(text("profile-page.html")).contains("Stroke, women's eight", "Ada started rowing at school",
                "Coach of the junior squad");
    }

    @Test
    void aPageOfLinksReturnsTheLinksRatherThanNothing() {
        assertThat(text("directory-page.html")).contains("Inshore waters forecast", "Visitors' moorings and prices");
    }
}
