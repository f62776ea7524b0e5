package dev.arca.cli;

import dev.arca.store.Store;
import dev.arca.testing.Cli;
import dev.arca.testing.SyntheticBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** search takes what people type: words with punctuation in them are found as written, never a usage error. */
class SearchWordsTest {

    @TempDir
    static Path home;

    private static Cli cli;

    @BeforeAll
    static void archive() throws Exception {
        cli = new Cli(home);
        Store store = new Store(cli.store());
        save(store, "Email etiquette", "Never send an e-mail after midnight, the guide says.");
        save(store, "Pandemic review", "The covid-19 inquiry published its report on Monday.");
        save(store, "Park rules", "Please don't feed the ducks, the new sign asks.");
        save(store, "Election night", "The U.S. election results arrived late in the evening.");
        save(store, "Programming languages", "Programmers still write C++ for speed and Rust for safety.");
        save(store, "Anniversary", "Memorials for 9/11 were held downtown at dawn.");
        // every word of the six queries, in the wrong order: found by words, not by the phrases typed
        save(store, "Word salad", "Mail e arrived; 19 covid cases; t don; s u; 11 9 apart.");
    }

    private static int saved;

    private static void save(Store store, String title, String text) throws Exception {
        String url = "https://words.example/" + saved;
        SyntheticBundles.save(store, SampleCaptures.article(url, title, "A. Writer", "en", null, null, text), url,
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * saved++));
    }

    @ParameterizedTest
    @CsvSource({
            "e-mail,   Email etiquette",
            "covid-19, Pandemic review",
            "don't,    Park rules",
            "U.S.,     Election night",
            "C++,      Programming languages",
            "9/11,     Anniversary",
            "E-Mail midnight, Email etiquette",
            "'u.s. election', Election night"})
    void wordsWithPunctuationFindWhatContainsThemAsWritten(String query, String title) {
        assertThat(titles(query)).containsExactly(title);
    }

    @Test
    void quotedPhrasesAndTrailingStarsWorkWithoutFts() {
        assertThat(titles("\"the guide says\"")).containsExactly("Email etiquette");
        assertThat(titles("\"says the guide\"")).isEmpty();
        assertThat(titles("programm*")).containsExactly("Programming languages");
        assertThat(titles("\"published its rep\"*")).containsExactly("Pandemic review");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced quote", "(paren", "*", "AND", "bridge NOT", "title:", "NEAR(a b)", "\"", "-", "^x",
            "a:b:c", "\u00a0", "💥"})
    void anythingTypedIsAQueryThatRunsNeverAUsageError(String query) {
        Cli.Result r = cli.run("search", query);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("invalid search query");
    }

    @Test
    void ftsOperatorsAreWordsUnlessAskedFor() {
        assertThat(titles("etiquette OR anniversary")).isEmpty();
        assertThat(titles("--fts", "etiquette OR anniversary")).containsExactlyInAnyOrder("Email etiquette", "Anniversary");
        assertThat(titles("--fts", "title:election")).containsExactly("Election night");
    }

    @Test
    void badFtsSyntaxIsStillAUsageErrorWhenAskedFor() {
        Cli.Result r = cli.run("search", "--fts", "e-mail");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("arca: invalid search query 'e-mail': ")
                .contains("without --fts");
    }

    private static List<String> titles(String... args) {
        return SearchCommandTest.titles(cli, args);
    }
}
