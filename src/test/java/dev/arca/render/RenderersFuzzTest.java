package dev.arca.render;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.arca.extract.Article;
import dev.arca.testing.CommonMarkTree;
import dev.arca.testing.FuzzedArticle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every renderer is total and safe for any Article: no exception, no control character in its
 * output, Markdown with no HTML and no unsafe link, a page with no script, handler or foreign
 * URL. Inputs are laid out by {@link FuzzedArticle}, so the seeds under
 * {@code RenderersFuzzTestInputs} are readable. Run longer with
 * {@code JAZZER_FUZZ=1 mvn test -Dtest='RenderersFuzzTest#markdownIsSafeForAnyArticle'}.
 */
class RenderersFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void markdownIsSafeForAnyArticle(byte[] bytes) {
        String md = new MarkdownRenderer().render(FuzzedArticle.of(bytes));

        assertNoControls(md);
        assertThat(CommonMarkTree.unsafeNodes(md)).as(md).isEmpty();
    }

    @FuzzTest(maxDuration = "5m")
    void textIsPrintableForAnyArticle(byte[] bytes) {
        Article article = FuzzedArticle.of(bytes);

        String text = new TextRenderer().render(article);

        assertNoControls(text);
    }

    @FuzzTest(maxDuration = "5m")
    void htmlPageIsInertForAnyArticle(byte[] bytes) {
        String html = new HtmlPageRenderer().render(FuzzedArticle.of(bytes));

        assertNoControls(html);
        Document page = Jsoup.parse(html);
        assertThat(page.select("script, iframe, object, embed, form, base, link")).as(html).isEmpty();
        assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .isEqualTo(HtmlPageRenderer.CONTENT_SECURITY_POLICY);
        for (Element el : page.getAllElements()) {
            for (Attribute attribute : el.attributes()) {
                assertThat(attribute.getKey()).as(html).doesNotStartWith("on");
            }
        }
        for (Element a : page.select("a[href]")) {
            assertThat(a.attr("href")).as(html).matches("(?is)(https?:|mailto:|tel:|ftp:|#).*");
        }
        assertThat(page.select("img[src]")).allMatch(img -> img.attr("src").startsWith("data:"), html);
    }

    private static void assertNoControls(String out) {
        assertThat(out.codePoints().filter(c -> c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F))
                .as(out).isEmpty();
    }
}
