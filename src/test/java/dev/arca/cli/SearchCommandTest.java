package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.testing.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BRIDGE = "Harbour bridge reopens after repair";
    private static final String UPDATED = "Harbour bridge reopens after repair (updated)";
    private static final String TOLL = "Council abolishes the bridge toll";
    private static final String TIDES = "Getijden voor de lente";
    private static final String FERRY = "Ferry timetable changes in spring";

    @TempDir
    Path home;

    private Cli cli;
    private SampleCaptures sample;

    @BeforeEach
    void archiveSamples() {
        cli = new Cli(home);
        sample = new SampleCaptures(cli.store());
    }

    @Test
    void wordsMustAllMatchAndTitleMatchesRankFirst() {
        List<String> titles = titles("harbour", "bridge");

        assertThat(titles).hasSize(3);
        assertThat(titles.subList(0, 2)).containsExactlyInAnyOrder(BRIDGE, UPDATED);
        assertThat(titles.get(2)).isEqualTo(FERRY);
    }

    @Test
    void phraseOrNotAndPrefixFollowFts5SyntaxWithFts() {
        assertThat(titles("--fts", "\"harbour bridge\"")).containsExactlyInAnyOrder(BRIDGE, UPDATED);
        assertThat(titles("--fts", "toll OR getijden")).containsExactlyInAnyOrder(TOLL, TIDES);
        assertThat(titles("--fts", "bridge NOT harbour")).containsExactly(TOLL);
        assertThat(titles("--fts", "councill*")).containsExactly(TOLL);
        assertThat(titles("--fts", "repai*")).containsExactlyInAnyOrder(BRIDGE, UPDATED, TOLL, FERRY);
        assertThat(titles("--fts", "title:toll")).containsExactly(TOLL);
        assertThat(titles("--fts", "byline:vries")).containsExactly(TIDES);
    }

    @Test
    void phrasesAndPrefixesNeedNoFts() {
        assertThat(titles("\"harbour bridge\"")).containsExactlyInAnyOrder(BRIDGE, UPDATED);
        assertThat(titles("councill*")).containsExactly(TOLL);
        assertThat(titles("repai*")).containsExactlyInAnyOrder(BRIDGE, UPDATED, TOLL, FERRY);
    }

    @Test
    void printsEachHitWithItsHighlightedSnippet() {
        Cli.Result r = cli.run("search", "cycle lane");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(0)).startsWith(sample.id(UPDATED) + "  2024-06-03 08:00  news.example.com  " + UPDATED);
        assertThat(r.lines().get(1)).startsWith("    ").contains("the [cycle] [lane] opens next week");
    }

    @Test
    void jsonHitsCarryMetadataScoreAndSnippet() throws Exception {
        Cli.Result r = cli.run("search", "--json", "harbour");

        assertThat(r.status()).as(r.err()).isZero();
        List<JsonNode> hits = new ArrayList<>();
        for (String line : r.lines()) {
            hits.add(JSON.readTree(line));
        }
        assertThat(hits).hasSize(3);
        JsonNode best = hits.get(0);
        assertThat(best.get("title").asText()).startsWith(BRIDGE);
        assertThat(best.get("url").asText()).isEqualTo(SampleCaptures.BRIDGE_URL);
        assertThat(best.get("snippet").asText()).containsIgnoringCase("[harbour]");
        assertThat(best.get("score").asDouble()).isGreaterThan(hits.get(2).get("score").asDouble());
        assertThat(Path.of(best.get("bundle").asText())).exists();
        assertThat(best.has("text")).isFalse();
    }

    @Test
    void filtersBySiteDatesAndLimit() {
        assertThat(titles("bridge", "--site", "news.example.com")).containsExactlyInAnyOrder(BRIDGE, UPDATED, FERRY);
        assertThat(titles("bridge", "--since", "2024-06-01")).containsExactlyInAnyOrder(UPDATED, FERRY);
        assertThat(titles("bridge", "--until", "2024-03-31")).containsExactly(BRIDGE);
        assertThat(titles("bridge", "--limit", "1")).hasSize(1);
    }

    @Test
    void noMatchIsSuccessWithNothingOnStdout() {
        Cli.Result r = cli.run("search", "zeppelin");

        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no captures match zeppelin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"harbour bridge", "bridge AND", "colour:red", "(bridge", "NOT bridge", "bridge-toll", "don't", "*"})
    void invalidFtsQueryIsUsageErrorInOneLine(String query) {
        Cli.Result r = cli.run("search", "--fts", query);

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().findFirst().orElseThrow())
                .startsWith("arca: invalid search query '" + query + "': ")
                .contains("double quotes");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private List<String> titles(String... args) {
        return titles(cli, args);
    }

    /** The titles of the hits of {@code arca search --json ARGS}, best first; the search must succeed. */
    static List<String> titles(Cli cli, String... args) {
        List<String> command = new ArrayList<>(List.of("search", "--json"));
        command.addAll(List.of(args));
        Cli.Result r = cli.run(command.toArray(String[]::new));
        assertThat(r.status()).as(r.err()).isZero();
        List<String> titles = new ArrayList<>();
        for (String line : r.lines()) {
            try {
                titles.add(JSON.readTree(line).get("title").asText());
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }
        return titles;
    }
}
