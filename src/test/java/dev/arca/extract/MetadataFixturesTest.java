package dev.arca.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages whose metadata says one thing in several ways: the page's own clock, its visible byline, its infobox. */
class MetadataFixturesTest {

    private static Article extract(String name) {
        return Fixtures.extract("metadata/" + name, "https://news.example/story");
    }

    @Test
    void keepsThePagesOwnOffsetWhenJsonLdGivesTheSameInstantInUtc() {
        Article a = extract("local-offset.html");
        assertThat(a.published()).isEqualTo("2019-10-19T00:04:00+02:00");
    }

    @Test
    void theVisibleLocalDayWinsOverTheUtcDayOfTheSameMoment() {
        Article a = extract("utc-and-local-day.html");
        assertThat(a.published()).startsWith("2022-05-03");
    }

    @Test
    void anInfoboxDateIsNotThePublicationDate() {
        Article a = extract("encyclopedia.html");
        assertThat(a.published()).isNull();
        assertThat(a.text()).contains("harbour crane is a crane used to load");
    }

    @Test
    void bylineIsTheVisibleNameNotAHandleAMenuOrASidebar() {
        Article a = extract("byline-sidebar.html");
        assertThat(a.byline()).isEqualTo("Keira Vance");
        assertThat(a.authors()).containsExactly("Keira Vance");
    }

    @Test
    void headlineLosesBothTheAggregatorAndTheOutletOfARepublishedStory() {
        Article a = extract("republished-title.html");
        assertThat(a.title()).isEqualTo("Dredging starts in the outer harbour — Harbour Herald | Coast News Hub");
        assertThat(a.headline()).isEqualTo("Dredging starts in the outer harbour");
        assertThat(a.sourceUrl()).isEqualTo("https://harbour-herald.example/news/dredging-starts");
    }

    @Test
    void aScreenReaderLabelInsideTheBylineIsNotPartOfTheName() {
        Article a = extract("byline-screen-reader-label.html");
        assertThat(a.byline()).isEqualTo("Lena Hartwig");
    }

    @Test
    void aDateInTheNextInlineElementIsCutOffWithoutEatingTheName() {
        Article a = extract("byline-glued-date.html");
        assertThat(a.byline()).isEqualTo("Mara Quintenon");
    }

    @Test
    void anAbbreviatedWeekdayBeforeTheDateIsNotPartOfTheByline() {
        Article a = extract("byline-weekday-abbreviation.html");
        assertThat(a.byline()).isEqualTo("Jonas Brandt");
    }

    @Test
    void degreesAfterEachAuthorsNameAreDropped() {
        Article a = extract("byline-degrees-and-handle.html");
        assertThat(a.byline()).isEqualTo("Ines Moreau, Tom Reyes");
        assertThat(a.authors()).containsExactly("Ines Moreau", "Tom Reyes");
    }

    @Test
    void aSocialHandleAfterTheNameIsDropped() {
        Article a = extract("byline-handle.html");
        assertThat(a.byline()).isEqualTo("Rafael Ortega");
    }

    @Test
    void aRelatedStorysTimeDoesNotDateThePage() {
        Article a = extract("related-teaser-time.html");
        assertThat(a.published()).startsWith("2023-10-31");
        assertThat(a.byline()).as("the byline as the page states it").isEqualTo("von kmeier");
        assertThat(a.authors()).containsExactly("kmeier");
    }

    @Test
    void theForumsClockAndAMembersJoinDateDoNotDateThePost() {
        Article a = extract("forum-current-time.html");
        assertThat(a.published()).startsWith("2009-01-21");
    }

    @Test
    void aDateInAPhotoCaptionIsTheDayOfThePicture() {
        Article a = extract("photo-caption-date.html");
        assertThat(a.published()).isEqualTo("2022-01-14");
    }

    @Test
    void theTwitterCardsWrittenByFieldNamesTheAuthor() {
        Article a = extract("byline-twitter-card.html");
        assertThat(a.byline()).isEqualTo("Karla Birnbaum");
        assertThat(a.authors()).containsExactly("Karla Birnbaum");
    }

    @Test
    void aPostsOwnFooterNamesItsAuthorButThePagesFooterDoesNot() {
        Article a = extract("byline-entry-footer.html");
        assertThat(a.authors()).containsExactly("Andrea");
    }

    @Test
    void theNamesAfterAnAutorOrVonLabelAreTheByline() {
        assertThat(extract("byline-label.html").authors()).containsExactly("Fritz Imwald");
        assertThat(extract("byline-label-after-breaks.html").authors()).containsExactly("Götz Wachtel");
    }

    @Test
    void aBlogBeitragVonLineIsAByline() {
        Article a = extract("byline-beitrag-von.html");
        assertThat(a.authors()).containsExactly("Margarita Korenewa");
    }

    @Test
    void aRelativeTimeAfterTheNameEndsIt() {
        Article a = extract("byline-relative-time.html");
        assertThat(a.byline()).isEqualTo("Lina Hofer");
    }

    @Test
    void theVisibleWriterWinsOverThePublisherNamedAsAuthor() {
        Article a = extract("byline-site-as-author.html");
        assertThat(a.authors()).containsExactly("Emma Duval");
        assertThat(a.byline()).endsWith("Emma Duval");
    }

    @Test
    void aWholeBylineInOneAuthorNameIsSplitIntoItsNames() {
        Article a = extract("byline-joined-names.html");
        assertThat(a.authors()).containsExactly("Glen Oakes", "Brenda Carr");
    }
}
