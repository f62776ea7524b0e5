package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.bundle.BundleReader;
import dev.arca.extract.Article;
import dev.arca.extract.Comment;
import dev.arca.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --comments}: the thread goes into the Article's {@code comments}, never into its body. */
class CommentsThroughCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private Path page() throws IOException {
        Path file = home.resolve("story.html");
        try (InputStream in = getClass().getResourceAsStream("story-with-comments.html")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void extractKeepsTheThreadApartWhenAsked() throws IOException {
        Path file = page();
        Cli cli = new Cli(home);

        JsonNode with = JSON.readTree(cli.run("extract", file.toString(), "--comments").out());
        JsonNode without = JSON.readTree(cli.run("extract", file.toString()).out());

        assertThat(with.get("comments")).hasSize(2);
        assertThat(with.at("/comments/0/author").asText()).isEqualTo("Mara Quill");
        assertThat(with.at("/comments/0/date").asText()).isEqualTo("2026-03-02T10:15:00Z");
        assertThat(with.at("/comments/0/text").asText())
                .isEqualTo("My mooring line snapped at the last spring tide: thanks for the warning.");
        assertThat(with.at("/comments/1/author").asText()).isEqualTo("Oskar Brine");
        assertThat(with.at("/comments/1/text").asText()).isEqualTo("Use a chain for the last metre, it never chafes.");
        for (JsonNode article : new JsonNode[] {with, without}) {
            assertThat(article.get("text").asText()).contains("harbour master").doesNotContain("mooring line", "chain");
        }
        assertThat(without.get("comments")).isEmpty();
    }

    @Test
    void fetchStoresTheThreadInTheBundlesArticle() throws IOException {
        Path file = page();
        Cli cli = new Cli(home);

        Cli.Result fetch = cli.run("fetch", file.toString(), "--url", "https://example.com/tides", "--comments");

        assertThat(fetch.status()).as(fetch.err()).isZero();
        try (BundleReader bundle = BundleReader.open(cli.bundles().get(0))) {
            Article article = bundle.article();
            assertThat(article.comments()).extracting(Comment::author).containsExactly("Mara Quill", "Oskar Brine");
            assertThat(article.text()).doesNotContain("mooring line");
        }
    }
}
