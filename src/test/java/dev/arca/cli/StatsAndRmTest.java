package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.testing.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class StatsAndRmTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void statsCountCapturesSitesSizeSpanAndMonths() throws Exception {
        Cli.Result r = cli.run("stats");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("captures:    5\n").contains("sites:       3\n")
                .contains("oldest:      2024-03-15 09:00\n").contains("newest:      2024-06-03 08:00\n")
                .contains("unreadable:  0\n");
        assertThat(r.lines()).containsSubsequence("MONTH    CAPTURES", "2024-03  1", "2024-05  2", "2024-06  2");

        JsonNode json = JSON.readTree(cli.run("stats", "--json").out());
        assertThat(json.get("captures").asLong()).isEqualTo(5);
        assertThat(json.get("sites").asLong()).isEqualTo(3);
        assertThat(json.get("totalSize").asLong()).isEqualTo(bundleBytes());
        assertThat(json.get("oldest").asText()).isEqualTo("2024-03-15T09:00:00Z");
        assertThat(json.get("newest").asText()).isEqualTo("2024-06-03T08:00:00Z");
        assertThat(json.get("indexSize").asLong()).isPositive();
        assertThat(json.get("months").get(1).get("month").asText()).isEqualTo("2024-05");
        assertThat(json.get("months").get(1).get("captures").asLong()).isEqualTo(2);
    }

    @Test
    void statsOfAnEmptyStoreAreZero() throws Exception {
        Cli empty = new Cli(home.resolve("empty"));
        Files.createDirectories(empty.store());
        JsonNode json = JSON.readTree(empty.run("stats", "--json").out());

        assertThat(json.get("captures").asLong()).isZero();
        assertThat(json.get("oldest").isNull()).isTrue();
        assertThat(json.get("months")).isEmpty();
    }

    @Test
    void rmWithYesRemovesBundleAndIndexRow() throws Exception {
        String toll = sample.id("Council abolishes the bridge toll");
        Path bundle = bundle(toll);

        Cli.Result r = cli.run("rm", "--yes", toll.substring(0, 10));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.lines()).containsExactly(toll);
        assertThat(bundle).doesNotExist();
        assertThat(cli.run("list", "--json").lines()).hasSize(4);
        assertThat(cli.run("search", "toll").out()).isEmpty();
        assertThat(cli.run("stats").out()).contains("captures:    4\n");
    }

    @Test
    void rmDoesNotAskWhenStdinIsNotATerminal() {
        String ferry = sample.id("Ferry timetable changes in spring");

        Cli.Result r = cli.run("rm", ferry);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(cli.run("list", "--json").lines()).hasSize(4);
    }

    @Test
    void rmAsksAtATerminalAndKeepsEverythingUnlessTheAnswerIsYes() throws Exception {
        String ferry = sample.id("Ferry timetable changes in spring");
        String tides = sample.id("Getijden voor de lente");
        cli.stdinIsTerminal(true);

        Cli.Result no = cli.runWithInput("n\n".getBytes(StandardCharsets.UTF_8), "rm", ferry, tides);

        assertThat(no.status()).isEqualTo(1);
        assertThat(no.err()).contains(ferry + "  Ferry timetable changes in spring").contains("Remove these 2 captures? [y/N]")
                .contains("nothing removed");
        assertThat(no.out()).isEmpty();
        assertThat(bundle(ferry)).exists();

        Cli.Result yes = cli.runWithInput("y\n".getBytes(StandardCharsets.UTF_8), "rm", ferry, tides);

        assertThat(yes.status()).as(yes.err()).isZero();
        assertThat(yes.lines()).containsExactly(ferry, tides);
        assertThat(cli.run("list", "--json").lines()).hasSize(3);
    }

    @Test
    void rmRemovesNothingWhenAnyIdIsUnknown() {
        String ferry = sample.id("Ferry timetable changes in spring");

        Cli.Result r = cli.run("rm", "--yes", ferry, "zzzzzzzzzzz");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("no capture with ID \"zzzzzzzzzzz\"");
        assertThat(cli.run("list", "--json").lines()).hasSize(5);
    }

    private Path bundle(String id) throws Exception {
        try (Stream<Path> files = Files.walk(cli.store())) {
            return files.filter(p -> p.getFileName().toString().equals(id + ".wacz")).findFirst().orElseThrow();
        }
    }

    private long bundleBytes() throws Exception {
        try (Stream<Path> files = Files.walk(cli.store())) {
            long total = 0;
            for (Path p : files.filter(p -> p.toString().endsWith(".wacz")).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }
}
