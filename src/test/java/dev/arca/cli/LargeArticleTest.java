package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page under {@code --max-size} is readable by every command, however long its article: a
 * story of more than 20 million characters (Jackson's default string limit) is stored, listed,
 * shown, searched and restored, and a second fetch of it is skipped rather than stored again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LargeArticleTest {

    private static final int PARAGRAPHS = 64_000;

    @TempDir
    static Path home;

    private static LoopbackServer server;
    private static Cli cli;
    private static String url;
    private static JsonNode fetched;

    @BeforeAll
    static void fetchTheLargeArticle() throws Exception {
        server = new LoopbackServer();
        cli = new Cli(home);
        url = server.url("/news/the-longest-story");
        server.page("/news/the-longest-story", 200, page().getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/html; charset=utf-8");
        Cli.Result r = cli.run("fetch", "--json", "--max-size", "64M", url);
        assertThat(r.status()).as(r.err()).isZero();
        fetched = new ObjectMapper().readTree(r.out());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A long story: numbered paragraphs of plain prose, more than 20 million characters of text. */
    private static String page() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>The longest story</title></head><body><article><h1>The longest story</h1>");
        for (int i = 0; i < PARAGRAPHS; i++) {
            html.append("<p>Paragraph ").append(i).append(" of the longest story tells how the harbour ferry crossed ")
                    .append("the bay again, with the gulls behind it and the town ahead, while the pilot counted the ")
                    .append("buoys, the deckhands coiled the ropes and the passengers watched the lighthouse turn in ")
                    .append("the evening light until the quay came into view and the engines slowed.</p>\n");
        }
        return html.append("<p>The last paragraph mentions a zebracorn.</p></article></body></html>").toString();
    }

    @Test
    void isArchivedWithItsWholeText() {
        assertThat(fetched.get("status").asText()).isEqualTo("archived");
        assertThat(fetched.get("title").asText()).isEqualTo("The longest story");
    }

    @Test
    void listsShowsAndRestoresIt() throws Exception {
        String id = fetched.get("id").asText();

        Cli.Result list = cli.run("list", "--json");
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.err()).doesNotContain("damaged");
        assertThat(new ObjectMapper().readTree(list.out()).get("id").asText()).isEqualTo(id);

        Cli.Result show = cli.run("show", id);
        assertThat(show.status()).as(show.err()).isZero();
        assertThat(show.out()).contains("title:").contains("The longest story");

        Cli.Result text = cli.run("restore", id, "--as", "text");
        assertThat(text.status()).as(text.err()).isZero();
        assertThat(text.out().length()).isGreaterThan(20_000_000);
        assertThat(text.out()).contains("zebracorn");

        Cli.Result original = cli.run("restore", id, "--as", "original");
        assertThat(original.status()).as(original.err()).isZero();
        assertThat(original.out()).isEqualTo(page());
    }

    @Test
    void isFoundBySearch() {
        Cli.Result search = cli.run("search", "harbour ferry");
        assertThat(search.status()).as(search.err()).isZero();
        assertThat(search.out()).contains("The longest story").contains("[harbour] [ferry]");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aSecondFetchIsSkipped() throws Exception {
        Cli.Result again = cli.run("fetch", "--json", "--max-size", "64M", url);

        assertThat(again.status()).as(again.err()).isZero();
        assertThat(new ObjectMapper().readTree(again.out()).get("status").asText()).isEqualTo("skipped");
        assertThat(cli.bundles()).hasSize(1);
    }
}
