package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.extract.Article;
import dev.arca.store.Store;
import dev.arca.store.StoreEntry;
import dev.arca.testing.Bundles;
import dev.arca.testing.Jar;
import dev.arca.testing.SyntheticBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * list, search and show work in bounded memory per bundle: the packaged jar under {@code -Xmx128m}
 * lists a store where one bundle holds an 80 MB article JSON beside normal ones, and an
 * {@link OutOfMemoryError} while reading one bundle (whose article names four million authors) is
 * one line on stderr, while the others are listed.
 */
class ListMemoryIT {

    private static final Instant WHEN = Instant.parse("2024-03-14T08:30:00Z");

    @TempDir
    static Path dir;

    private static Path store;
    private static StoreEntry huge;
    private static StoreEntry greedy;

    @BeforeAll
    static void fillTheStore() throws IOException {
        store = dir.resolve("store");
        Store s = new Store(store);
        for (int i = 0; i < 3; i++) {
            String url = "https://example.com/news/" + i;
            SyntheticBundles.save(s, Bundles.article(url, "Normal story " + i, "The ferry left the harbour at dawn, story " + i + "."),
                    url, WHEN.plusSeconds(i));
        }
        String url = "https://example.com/news/the-longest-story";
        huge = SyntheticBundles.save(s, Bundles.article(url, "The longest story", words(40_000_000)), url, WHEN.plusSeconds(10));
        String crowded = "https://example.com/news/crowded";
        greedy = SyntheticBundles.save(s, crowdedArticle(crowded), crowded, WHEN.plusSeconds(20));
        for (String index : List.of("index.sqlite", "index.sqlite-wal", "index.sqlite-shm")) {
            Files.deleteIfExists(store.resolve(index)); // the jar builds the index from the bundles alone
        }
        assertThat(Files.size(huge.bundle())).isGreaterThan(20L << 20);
    }

    /** About {@code chars} characters of words that compress like prose, not like a bomb, starting with the harbour. */
    private static String words(int chars) {
        String[] vocabulary = new String[2000];
        Random random = new Random(7);
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder word = new StringBuilder();
            for (int n = 3 + random.nextInt(7); n > 0; n--) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            vocabulary[i] = word.toString();
        }
        StringBuilder text = new StringBuilder(chars + 100).append("The harbour ferry crossed the bay.");
        while (text.length() < chars) {
            text.append(text.length() % 400 < 10 ? '\n' : ' ').append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return text.toString();
    }

    /** An article naming four million authors: more objects than 128 MiB of heap can hold. */
    private static Article crowdedArticle(String url) {
        Random random = new Random(11);
        List<String> authors = new ArrayList<>();
        for (int i = 0; i < 4_000_000; i++) {
            authors.add(Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        }
        Article a = Bundles.article(url, "Crowded", "A story with a long list of authors.");
        return new Article(a.url(), null, a.title(), null, authors, null, null, null, "en", null, null, List.of(),
                null, "text/html", 0.5, a.wordCount(), a.text(), a.html());
    }

    @Test
    void listsEveryBundleButTheOneThatNeedsMoreMemoryInA128MiBHeap() throws Exception {
        Jar.Run list = Jar.arca(store, dir, "list", "--json");

        assertThat(list.status()).as(list.err()).isZero();
        List<String> ids = new ArrayList<>();
        for (String line : list.out().split("\n")) {
            ids.add(new ObjectMapper().readTree(line).get("id").asText());
        }
        assertThat(ids).hasSize(4).contains(huge.id()).doesNotContain(greedy.id());
        assertThat(list.err()).isEqualTo("arca: skipping bundle " + greedy.bundle() + ": out of memory while reading it"
                + " (give arca more heap, e.g. JAVA_OPTS=-Xmx1g); it is read again next time\n");

        Jar.Run again = Jar.arca(store, dir, "list");
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out()).contains("The longest story").contains("Normal story 2");
        assertThat(again.err()).contains("skipping bundle " + greedy.bundle()).hasLineCount(1);
    }

    @Test
    void searchesAndShowsTheLargeArticleInA128MiBHeap() throws Exception {
        Jar.Run search = Jar.arca(store, dir, "search", "--json", "harbour ferry");
        assertThat(search.status()).as(search.err()).isZero();
        List<String> titles = new ArrayList<>();
        for (String line : search.out().split("\n")) {
            titles.add(new ObjectMapper().readTree(line).get("title").asText());
        }
        assertThat(titles).contains("The longest story", "Normal story 0");

        Jar.Run show = Jar.arca(store, dir, "show", "--json", huge.id());
        assertThat(show.status()).as(show.err()).isZero();
        JsonNode shown = new ObjectMapper().readTree(show.out());
        assertThat(shown.get("title").asText()).isEqualTo("The longest story");
        assertThat(shown.get("records")).hasSize(5);
    }
}
