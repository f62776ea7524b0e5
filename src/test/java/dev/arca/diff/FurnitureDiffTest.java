package dev.arca.diff;

import dev.arca.extract.Article;
import dev.arca.extract.Extractor;
import dev.arca.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Two captures of one page that differ only around the article: the diff of their articles is empty. */
class FurnitureDiffTest {

    private static final String URL = "https://example.com/news/harbour-bridge-reopens";

    private static String replaced(String page, String from, String to) {
        assertThat(page).contains(from);
        return page.replace(from, to);
    }

    private static Article extract(String page) {
        return Extractor.create().extract(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", URL).article();
    }

    @Test
    void menusRelatedArticlesCommentsAndSidebarNeverShowAsChanges() {
        String first = Fixtures.text("story.html");
        String second = first;
        second = replaced(second, "<li><a href=\"/weather\">Weather</a></li>", "<li><a href=\"/weather\">Weather</a></li><li><a href=\"/culture\">Culture</a></li>");
        second = replaced(second, "Ferry timetable changes for the summer season announced today", "Council approves the new harbour car park after a long debate");
        second = replaced(second, "Road closures planned around the harbour this weekend", "Lifeboat crew rescues two sailors off the point");
        second = replaced(second, "Storm warning issued for the coast", "Schools close early for the holiday");
        second = replaced(second, "3 thoughts on this story", "4 thoughts on this story");
        second = replaced(second, "<li class=\"comment\"><p>Finally!", "<li class=\"comment\"><p>About time too, the detour was awful for everyone living on the north bank.</p></li><li class=\"comment\"><p>Finally!");
        second = replaced(second, "We use cookies to improve your experience.", "This site uses cookies. Manage your preferences.");
        second = replaced(second, "Get the morning briefing", "Get the evening briefing");

        Article before = extract(first);
        Article after = extract(second);

        assertThat(before.text()).contains("steel cables");
        assertThat(ArticleDiff.between(before, after).isEmpty()).isTrue();
    }

    @Test
    void anEditInsideTheArticleDoesShow() {
        String first = Fixtures.text("story.html");
        String second = replaced(first, "The repairs cost £48 million", "The repairs cost £58 million");

        ArticleDiff diff = ArticleDiff.between(extract(first), extract(second));

        assertThat(diff.paragraphs()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ParagraphChange.Kind.CHANGED);
            assertThat(change.spans()).contains(new Span(Span.Op.DELETE, "£48"), new Span(Span.Op.INSERT, "£58"));
        });
    }
}
