package dev.arca.extract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every option of {@link Extractor#builder()} changes what is extracted, and the result says how extraction went. */
class ExtractorOptionsTest {

    private static final String URL = "https://harbour.example/news/bridge";

    /** A story with links and a table, of plenty of text. */
    private static byte[] story() {
        StringBuilder html = new StringBuilder("<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>");
        for (int i = 0; i < 6; i++) {
            html.append("<p>The harbour bridge reopened on Thursday after engineers replaced every cable, said the")
                    .append(" <a href=\"https://harbour.example/council\">council</a> in a statement that ran to many")
                    .append(" sentences about steel, traffic and the weather of the spring, paragraph ").append(i).append(".</p>");
        }
        html.append("<table><tr><th>Span</th><th>Cables</th></tr><tr><td>North tollgate</td><td>forty</td></tr>")
                .append("<tr><td>South tollgate</td><td>thirty</td></tr></table>");
        return html.append("</article></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A short story, and a longer one in a block whose class looks like boilerplate: only relaxed rules keep it. */
    private static byte[] hiddenStory() {
        StringBuilder html = new StringBuilder("<html><body><div><p>The ferry timetable changes in spring,"
                + " the operator said on Monday, with more sailings at dusk.</p></div><div class=\"community\">");
        for (int i = 0; i < 8; i++) {
            html.append("<p>Operators said passenger numbers fell while the bridge was closed for its repair, and that")
                    .append(" evening sailings on weekdays will end at eleven from April, paragraph ").append(i).append(".</p>");
        }
        return html.append("</div></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Article extract(Extractor extractor, byte[] page) {
        ExtractionResult result = extractor.extract(page, "text/html; charset=utf-8", URL);
        assertThat(result).isInstanceOf(Extraction.class);
        return result.article();
    }

    @Test
    void withoutLinksTheArticleKeepsTheirWordsButNotTheAnchors() {
        Article withLinks = extract(Extractor.create(), story());
        Article without = extract(Extractor.builder().keepLinks(false).build(), story());

        assertThat(withLinks.html()).contains("<a href=\"https://harbour.example/council\"");
        assertThat(without.html()).doesNotContain("<a ").contains("said the council in a statement");
        assertThat(without.text()).isEqualTo(withLinks.text());
    }

    @Test
    void withoutTablesTheArticleLosesTheTableFromItsHtmlAndText() {
        Article withTables = extract(Extractor.create(), story());
        Article without = extract(Extractor.builder().keepTables(false).build(), story());

        assertThat(withTables.html()).contains("<table");
        assertThat(withTables.text()).contains("North tollgate");
        assertThat(without.html()).doesNotContain("<table").contains("harbour bridge reopened");
        assertThat(without.text()).doesNotContain("North tollgate").contains("harbour bridge reopened");
    }

    @Test
    void precisionTakesTheStrictResultWhereBalancedRetriesRelaxed() {
        Article precise = extract(Extractor.builder().bias(Extractor.Bias.PRECISION).build(), hiddenStory());
        Article balanced = extract(Extractor.create(), hiddenStory());
        Article recall = extract(Extractor.builder().bias(Extractor.Bias.RECALL).build(), hiddenStory());

        assertThat(precise.text()).contains("ferry timetable").doesNotContain("passenger numbers");
        assertThat(balanced.text()).contains("passenger numbers");
        assertThat(recall.text().length()).isGreaterThanOrEqualTo(balanced.text().length());
    }

    @Test
    void minTextDecidesWhenTooLittleTextIsRetried() {
        Article strictEnough = extract(Extractor.builder().minText(50).build(), hiddenStory());
        Article retried = extract(Extractor.builder().minText(500).build(), hiddenStory());

        assertThat(strictEnough.text()).doesNotContain("passenger numbers");
        assertThat(retried.text()).contains("passenger numbers");
        assertThatThrownBy(() -> Extractor.builder().minText(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theArticlesMediaTypeIsThePages() {
        Article xhtml = Extractor.create().extract(story(), "application/xhtml+xml; charset=utf-8", URL).article();

        assertThat(xhtml.mediaType()).isEqualTo("application/xhtml+xml");
        assertThat(extract(Extractor.create(), story()).mediaType()).isEqualTo("text/html");
        assertThat(Extractor.create().extract(story(), null, URL).article().mediaType()).isEqualTo("text/html");
    }
}
