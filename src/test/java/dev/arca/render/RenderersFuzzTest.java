package dev.arca.render;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.arca.extract.Article;
import dev.arca.testing.CommonMarkTree;
import dev.arca.testing.FuzzedArticle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

        assertInert(html, HtmlPageRenderer.CONTENT_SECURITY_POLICY);
        assertThat(Jsoup.parse(html).select("img[src]")).as(html).isEmpty();
    }

    @FuzzTest(maxDuration = "5m")
    void htmlPageWithImagesIsInertForAnyArticle(byte[] bytes) {
        String html = new HtmlPageRenderer().render(FuzzedArticle.of(bytes), EVERY_URL_A_PICTURE);

        assertInert(html, HtmlPageRenderer.CONTENT_SECURITY_POLICY);
        assertThat(Jsoup.parse(html).select("img[src]")).allMatch(img -> img.attr("src").startsWith("data:image/png;base64,"), html);
    }

    @FuzzTest(maxDuration = "5m")
    void selfContainedPageIsInertForAnyPage(byte[] bytes) {
        String html = SelfContainedPage.render(bytes, "text/html", "https://site.example/dir/page.html", EVERY_URL_A_PICTURE);

        assertNoControls(html);
        Document page = Jsoup.parse(html);
        assertThat(page.select("script, object, embed, base, meta[http-equiv=refresh], iframe[src], iframe[srcdoc], noscript"))
                .as(html).isEmpty();
        assertThat(page.select("meta[http-equiv]").first().attr("content")).isEqualTo(SelfContainedPage.CONTENT_SECURITY_POLICY);
        assertNoHandlers(page, html);
    }

    @FuzzTest(maxDuration = "5m")
    void folderStaysInsideItselfForAnyArticle(byte[] bytes) {
        List<ArticleFolder.Entry> entries = ArticleFolder.of(FuzzedArticle.of(bytes), EVERY_URL_A_PICTURE, "{}");

        assertThat(entries).extracting(ArticleFolder.Entry::name).startsWith("index.html", "article.md", "article.json")
                .allMatch(name -> name.matches("index\\.html|article\\.(md|json)|images/[0-9a-f]{16}\\.png"));
        String md = new String(entries.get(1).content(), StandardCharsets.UTF_8);
        assertNoControls(md);
        assertThat(CommonMarkTree.unsafeNodes(md)).as(md).allMatch(node -> node.matches("Image images/[0-9a-f]{16}\\.png"));
        assertInert(new String(entries.get(0).content(), StandardCharsets.UTF_8), null);
    }

    @FuzzTest(maxDuration = "5m")
    void epubIsWellFormedForAnyArticle(byte[] bytes) throws Exception {
        byte[] epub = EpubRendererTest.epub(FuzzedArticle.of(bytes), EVERY_URL_A_PICTURE);

        Map<String, byte[]> entries = EpubRendererTest.entries(epub);
        assertThat(entries.keySet()).startsWith("mimetype");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().matches(".*\\.(xhtml|opf|xml)")) {
                // throws on any document an XML parser would refuse
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(e.getValue()));
            }
        }
    }

    /** Every URL "captured" as a picture, so that the image paths run on whatever the input links. */
    private static final CapturedResources EVERY_URL_A_PICTURE =
            url -> Optional.of(new CapturedResource(CapturedImagesTest.PNG, "image/png"));

    /** No control, no script, handler or foreign URL; the policy as given (null: any). */
    private static void assertInert(String html, String policy) {
        assertNoControls(html);
        Document page = Jsoup.parse(html);
        assertThat(page.select("script, iframe, object, embed, form, base, link")).as(html).isEmpty();
        if (policy != null) {
            assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content")).isEqualTo(policy);
        }
        assertNoHandlers(page, html);
        for (Element a : page.select("a[href]")) {
            assertThat(a.attr("href")).as(html).matches("(?is)(https?:|mailto:|tel:|ftp:|#).*");
        }
    }

    private static void assertNoHandlers(Document page, String html) {
        for (Element el : page.getAllElements()) {
            for (Attribute attribute : el.attributes()) {
                assertThat(attribute.getKey()).as(html).doesNotStartWith("on");
                assertThat(attribute.getValue().strip()).as(html).doesNotStartWithIgnoringCase("javascript:");
            }
        }
    }

    private static void assertNoControls(String out) {
        assertThat(out.codePoints().filter(c -> c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F))
                .as(out).isEmpty();
    }
}
