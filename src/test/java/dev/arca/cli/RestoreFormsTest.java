package dev.arca.cli;

import dev.arca.render.Epubcheck;
import dev.arca.testing.Chromium;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code restore --as html|page|folder|epub}: built from the bundle's own records, the article's
 * captured images embedded, an image the capture lacks shown by its alt text, and nothing loaded
 * from the network (checked in Chromium, with the server that served the page still up to see any request).
 */
class RestoreFormsTest {

    @TempDir
    static Path home;

    private static LoopbackServer server;
    private static Cli cli;
    private static String id;

    @BeforeAll
    static void archiveARichPage() throws IOException {
        server = new LoopbackServer();
        String text = "<p>The harbour bridge reopened to traffic on Thursday morning after two years of repairs. </p>".repeat(8);
        server.html("/news/story", "<!doctype html><html lang=en><head><title>Bridge reopens</title>"
                + "<link rel=stylesheet href=/site.css><meta name=author content='Maria Okafor'></head><body>"
                + "<article><h1>Bridge reopens</h1><figure><img src=/img/bridge.png alt='The bridge at dawn' width=40 height=30>"
                + "<figcaption>The bridge</figcaption></figure>" + text
                + "<p><img src=/img/missing.png alt='A crane, not captured'></p>" + text + "</article></body></html>");
        server.page("/site.css", 200, "@font-face{font-family:Serif;src:url(serif.woff2)} body{color:#123456;font-family:Serif}"
                .getBytes(StandardCharsets.UTF_8), "Content-Type", "text/css");
        server.page("/serif.woff2", 200, "not really a font".getBytes(StandardCharsets.UTF_8), "Content-Type", "font/woff2");
        server.page("/img/bridge.png", 200, png(40, 30), "Content-Type", "image/png");
        server.page("/img/missing.png", 404, "gone".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");
        cli = new Cli(home);
        Cli.Result fetch = cli.run("fetch", server.url("/news/story"));
        assertThat(fetch.status()).as(fetch.err()).isZero();
        id = fetch.out().split("\t")[0];
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, new Color(x * 6, y * 8, 120).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void htmlEmbedsTheCapturedImageAndShowsTheAltTextOfTheOther() {
        Cli.Result r = cli.run("restore", id, "--as", "html");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("src=\"data:image/png;base64,").contains("A crane, not captured")
                .doesNotContain("src=\"http");
    }

    @Test
    void pageInlinesTheStylesheetAndItsFont() {
        Cli.Result r = cli.run("restore", id, "--as", "page");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("#123456").contains("data:font/woff2;base64,").contains("data:image/png;base64,")
                .doesNotContain("<link rel=\"stylesheet\"");
    }

    @Test
    void folderHasTheArticleItsMarkdownAndImagesLinkedRelatively() throws IOException {
        Path folder = home.resolve("notes/story");

        Cli.Result r = cli.run("restore", id, "--as", "folder", "-o", folder.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo(folder.toString());
        try (Stream<Path> images = Files.list(folder.resolve("images"))) {
            List<String> names = images.map(p -> p.getFileName().toString()).toList();
            assertThat(names).hasSize(1).allMatch(n -> n.endsWith(".png"));
            assertThat(Files.readString(folder.resolve("article.md"))).contains("](images/" + names.get(0) + ")")
                    .contains("](" + server.url("/img/missing.png") + ")");
            assertThat(Files.readString(folder.resolve("index.html"))).contains("src=\"images/" + names.get(0) + "\"");
        }
        assertThat(folder.resolve("article.json")).exists();
    }

    @Test
    void markdownOnStdoutLinksTheOriginalUrls() {
        Cli.Result r = cli.run("restore", id, "--as", "markdown");

        assertThat(r.out()).contains("](" + server.url("/img/bridge.png") + ")");
    }

    @Test
    void epubPassesEpubcheckWithNoErrorAndNoWarning() throws IOException {
        Path epub = home.resolve("story.epub");

        Cli.Result r = cli.run("restore", id, "--as", "epub", "-o", epub.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Epubcheck.problems(Files.readAllBytes(epub))).isEmpty();
    }

    @Test
    void folderNeedsADirectory() {
        Cli.Result r = cli.run("restore", id, "--as", "folder");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--as folder writes a directory");
    }

    @Test
    void restoredHtmlAndPageLoadNothingFromTheNetworkInChromium() throws Exception {
        assumeTrue(Chromium.find().isPresent(), "chromium is not installed");
        for (String form : List.of("html", "page")) {
            Path file = home.resolve("offline-" + form + ".html");
            assertThat(cli.run("restore", id, "--as", form, "-o", file.toString()).status()).isZero();
            int before = server.requests().size();

            String dom = Chromium.dumpDom(file, home);

            assertThat(dom).contains("Bridge reopens");
            assertThat(server.requests()).as(form + ": requests the restored file made").hasSize(before);
        }
    }
}
