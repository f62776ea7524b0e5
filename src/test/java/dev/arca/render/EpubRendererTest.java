package dev.arca.render;

import dev.arca.extract.Article;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class EpubRendererTest {

    static final Instant MADE = Instant.parse("2024-03-15T10:11:12.345Z");

    static byte[] epub(Article article, CapturedResources resources) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new EpubRenderer().write(article, resources, MADE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> entries(byte[] epub) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(epub))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x3366cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    @Test
    void bookWithImagesAndMetadataPassesEpubcheck() throws IOException {
        Map<String, CapturedResource> captured = new LinkedHashMap<>();
        captured.put("https://news.example/big.png", new CapturedResource(CapturedImagesTest.PNG, "image/png"));
        captured.put("https://news.example/logo.gif", new CapturedResource(CapturedImagesTest.GIF, "image/gif"));
        captured.put("https://news.example/gone.jpg", new CapturedResource(jpeg(), "image/jpeg"));
        // the lead image is the logo: one file, the cover
        captured.put("https://news.example/img/lead.png", new CapturedResource(CapturedImagesTest.GIF, "image/png"));
        captured.put("https://news.example/icon.svg", new CapturedResource(
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script></svg>".getBytes(StandardCharsets.UTF_8), "image/svg+xml"));
        String html = CapturedImagesTest.article("").html() + "<p>Before.</p>"
                + "<figure><img src=\"https://news.example/small.png\" alt=\"A bus\" width=\"640\" height=\"480\""
                + " srcset=\"https://news.example/small.png 300w, https://news.example/big.png 1200w\"><figcaption>The bus</figcaption></figure>"
                + "<p><img src=\"/gone.jpg\" alt=\"A bridge\"> <img src=\"/icon.svg\" alt=\"An icon\"> <img src=\"/absent.png\" alt=\"Absent\"></p>"
                + "<p><img src=\"https://news.example/logo.gif\"></p>";
        Article article = new Article("https://news.example/story?id=1&x=2", null, "Bridge <reopens> & more", "Maria Okafor and Li Wei",
                List.of("Maria Okafor", "Li Wei"), "2024-03-14T08:30:00+01:00", null, "The Courier", "en-GB",
                "A standfirst.", "/img/lead.png", List.of(), null, "text/html", 0.9, 4, "Before.", html);

        byte[] epub = epub(article, CapturedResources.of(captured));

        assertThat(Epubcheck.problems(epub)).isEmpty();
        Map<String, byte[]> entries = entries(epub);
        assertThat(entries.keySet()).startsWith("mimetype").contains("EPUB/article.xhtml", "EPUB/nav.xhtml", "EPUB/package.opf");
        assertThat(entries.keySet().stream().filter(n -> n.startsWith("EPUB/images/")))
                .hasSize(3).anyMatch(n -> n.endsWith(".png")).anyMatch(n -> n.endsWith(".gif")).anyMatch(n -> n.endsWith(".jpg"));
        String opf = new String(entries.get("EPUB/package.opf"), StandardCharsets.UTF_8);
        assertThat(opf).contains("<dc:title>Bridge &lt;reopens&gt; &amp; more</dc:title>", "<dc:language>en-GB</dc:language>",
                "<dc:creator>Maria Okafor</dc:creator>", "<dc:creator>Li Wei</dc:creator>", "<dc:date>2024-03-14T07:30:00Z</dc:date>",
                "<dc:publisher>The Courier</dc:publisher>", "<dc:source>https://news.example/story?id=1&amp;x=2</dc:source>",
                "<meta property=\"dcterms:modified\">2024-03-15T10:11:12Z</meta>");
        assertThat(opf).containsPattern("href=\"images/[0-9a-f]{16}\\.gif\" media-type=\"image/gif\" properties=\"cover-image\"/>");
        String chapter = new String(entries.get("EPUB/article.xhtml"), StandardCharsets.UTF_8);
        assertThat(chapter).contains("<span class=\"missing-image\">An icon</span>", "<span class=\"missing-image\">Absent</span>",
                "alt=\"A bus\" width=\"640\" height=\"480\"").doesNotContain("news.example/big.png").doesNotContain("<script");
        assertThat(epub(article, CapturedResources.of(captured))).as("the same capture, the same book").isEqualTo(epub);
    }

    @Test
    void mimetypeComesFirstUncompressedWithoutExtraField() throws IOException {
        byte[] epub = epub(CapturedImagesTest.article("<p>Hi.</p>"), CapturedResources.none());

        // the OCF's fixed header: a local file header at 0, stored, no extra field, then the name and type
        assertThat(new String(epub, 30, 8 + 20, StandardCharsets.US_ASCII)).isEqualTo("mimetypeapplication/epub+zip");
        assertThat(epub[8] | epub[9] << 8).as("compression method").isZero();
        assertThat(epub[28] | epub[29] << 8).as("extra field length").isZero();
        assertThat(Epubcheck.problems(epub)).isEmpty();
    }

    @Test
    void markupBrowsersForgiveBecomesValidXhtml() {
        String messy = "<p>Para <div>block in a paragraph</div> <h2>and a heading</h2></p>"
                + "<ul>loose text<li>one</li><ul><li>nested without item</li></ul><p>para in list</p></ul>"
                + "<ol start=\"x\"><li>bad start</li></ol><ol start=\"3\"><li>three</li></ol>"
                + "<dl><dd>definition without term</dd></dl><dl><dt>Term</dt><dd>Def</dd></dl>"
                + "<table><tr></tr><caption>late caption</caption></table>"
                + "<table><thead><tr><th scope=\"sideways\" colspan=\"0\">H</th></tr></thead><tr><td rowspan=\"2\">c<table><tr><td>nested</td></tr></table></td></tr></table>"
                + "<figure><figcaption>first</figcaption><img src=\"https://news.example/x.png\"><figcaption>second</figcaption></figure>"
                + "<p><a href=\"https://a.example/x y|z\">outer <a href=\"https://b.example/\">inner</a></a> "
                + "<a href=\"https://a.example/%zz#one#two\">percent</a> <a href=\"http://[bad/\">bad host</a></p>"
                + "<pre><b>bold <p>in pre</p></b></pre><b><p>paragraph in bold</p></b><strike>old</strike>"
                + "<time>yesterday</time><main><section><article><aside>deep</aside></article></section></main>"
                + "<blockquote cite=\"not a url\"><p>quote</p></blockquote><hr><p>\u0001control \uFFFE nonchar \uD800 lone ]]&gt; end</p>";
        Article article = new Article("https://news.example/story", null, "", null, List.of(), "yesterday", null, null, "en_US",
                null, null, List.of(), null, "text/html", 0.5, 40, "", messy);

        String problems = Epubcheck.problems(epub(article, CapturedResources.none()));

        assertThat(problems).isEmpty();
    }

    @Test
    void epubcheckFindsTheBlockInAParagraphThatTheBookAvoids() throws IOException {
        Map<String, byte[]> entries = entries(epub(CapturedImagesTest.article("<p>Hi.</p>"), CapturedResources.none()));
        String chapter = new String(entries.get("EPUB/article.xhtml"), StandardCharsets.UTF_8);
        entries.put("EPUB/article.xhtml", chapter.replace("<p>Hi.</p>", "<p><div>Hi.</div></p>").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream tampered = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(tampered)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (e.getKey().equals("mimetype")) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(e.getValue());
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
            }
        }

        assertThat(Epubcheck.problems(tampered.toByteArray())).contains("ERROR").contains("div");
    }

    @Test
    void datesBecomeTheW3cFormat() {
        assertThat(EpubRenderer.date("2024-03-14T08:30:00.123-05:00")).hasValue("2024-03-14T13:30:00Z");
        assertThat(EpubRenderer.date("2024-03-14T08:30")).hasValue("2024-03-14");
        assertThat(EpubRenderer.date("2024-03-14")).hasValue("2024-03-14");
        assertThat(EpubRenderer.date("2024-03")).hasValue("2024-03");
        assertThat(EpubRenderer.date("March 14")).isEmpty();
        assertThat(EpubRenderer.date(null)).isEmpty();
    }
}
