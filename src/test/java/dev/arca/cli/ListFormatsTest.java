package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.testing.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ListFormatsTest {

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
    void tableShowsIdCapturedSiteTitleNewestFirst() {
        Cli.Result r = cli.run("list");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(6);
        assertThat(r.lines().get(0)).matches("ID +CAPTURED +SITE +TITLE");
        assertThat(r.lines().get(1)).startsWith(sample.id("Harbour bridge reopens after repair (updated)"))
                .contains("news.example.com");
        assertThat(r.lines().get(5)).startsWith(sample.id("Harbour bridge reopens after repair")).endsWith("Harbour bridge reopens after repair");
    }

    @Test
    void jsonIsOneArrayAndNdjsonOneObjectPerLineWithTheSameObjects() throws Exception {
        JsonNode array = JSON.readTree(cli.run("list", "--format", "json").out());
        List<String> lines = cli.run("list", "--format", "ndjson").lines();
        List<String> alias = cli.run("list", "--json").lines();

        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(5);
        assertThat(lines).hasSize(5).isEqualTo(alias);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(JSON.readTree(lines.get(i))).isEqualTo(array.get(i));
        }
        JsonNode toll = array.get(3);
        assertThat(toll.get("id").asText()).isEqualTo(sample.id("Council abolishes the bridge toll"));
        assertThat(toll.get("url").asText()).isEqualTo(SampleCaptures.TOLL_URL);
        assertThat(toll.get("byline").asText()).isEqualTo("Li Wei");
        assertThat(toll.get("language").asText()).isEqualTo("en");
        assertThat(toll.get("wordCount").asInt()).isGreaterThan(30);
        assertThat(Path.of(toll.get("bundle").asText())).isAbsolute().exists();
        assertThat(toll.get("site").asText()).isEqualTo("example.com");
        assertThat(toll.get("normalizedUrl").asText()).isEqualTo(SampleCaptures.TOLL_URL);
        assertThat(toll.get("contentHash").asText()).startsWith("sha256:");
        assertThat(toll.has("text")).isFalse();
        assertThat(toll.has("html")).isFalse();
    }

    @Test
    void emptyJsonArrayForNoMatches() throws Exception {
        assertThat(JSON.readTree(cli.run("list", "--format", "json", "--site", "nowhere.test").out())).isEmpty();
    }

    @Test
    void csvQuotesPerRfc4180WithHeader() {
        Cli.Result r = cli.run("list", "--format", "csv", "--fields", "id,title,authors,wordCount", "--sort", "title");

        assertThat(r.status()).as(r.err()).isZero();
        String[] rows = r.out().split("\r\n");
        assertThat(rows).hasSize(6);
        assertThat(rows[0]).isEqualTo("id,title,authors,wordCount");
        assertThat(rows[1]).startsWith(sample.id("Council abolishes the bridge toll") + ",Council abolishes the bridge toll,Li Wei,");
        assertThat(r.out()).doesNotContain("\n\n");
    }

    @Test
    void csvQuotesCommasAndQuotes() throws Exception {
        Path page = new dev.arca.testing.ArticlePage().title("Tolls, taxes and \"fees\"").author("Ann Lee")
                .paragraph("A story about tolls, taxes and fees that councils charge drivers who cross the river every day.")
                .paragraph("It has a second paragraph so that the extractor is sure it is an article and keeps it whole.")
                .writeTo(home.resolve("pages/quotes.html"));
        assertThat(cli.run("fetch", page.toString(), "--url", "https://example.net/q").status()).isZero();

        String csv = cli.run("list", "--format", "csv", "--fields", "title,site", "--site", "example.net").out();

        assertThat(csv).isEqualTo("title,site\r\n\"Tolls, taxes and \"\"fees\"\"\",example.net\r\n");
    }

    @Test
    void tsvHasHeaderAndDefaultColumnsWithUrl() {
        List<String> lines = cli.run("list", "--format", "tsv", "--limit", "2").lines();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("id\tcaptured\tsite\ttitle\turl");
        String[] cols = lines.get(2).split("\t");
        assertThat(cols).hasSize(5);
        assertThat(cols[0]).isEqualTo(sample.id("Ferry timetable changes in spring"));
        assertThat(cols[1]).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(cols[4]).isEqualTo(SampleCaptures.FERRY_URL);
    }

    @Test
    void fieldsChooseJsonKeysAndTableColumns() throws Exception {
        JsonNode first = JSON.readTree(cli.run("list", "--json", "--fields", "id,published,language", "--limit", "1").out());
        List<String> table = cli.run("list", "--fields", "title,byline", "--limit", "1").lines();

        assertThat(iterable(first.fieldNames())).containsExactly("id", "published", "language");
        assertThat(first.get("published").asText()).isEqualTo("2024-03-14T08:30:00Z");
        assertThat(table.get(0)).matches("TITLE +BYLINE");
        assertThat(table.get(1)).matches("Harbour bridge reopens after repair \\(updated\\) +Maria Okafor");
    }

    @Test
    void unknownFieldIsUsageErrorNamingTheFields() {
        Cli.Result r = cli.run("list", "--fields", "id,colour");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("unknown field 'colour'").contains("wordCount");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void sortsByPublishedTitleAndSite() {
        assertThat(titles("--sort", "published")).containsExactly(
                "Council abolishes the bridge toll", "Harbour bridge reopens after repair (updated)",
                "Harbour bridge reopens after repair", "Getijden voor de lente", "Ferry timetable changes in spring");
        assertThat(titles("--sort", "title")).containsExactly(
                "Council abolishes the bridge toll", "Ferry timetable changes in spring", "Getijden voor de lente",
                "Harbour bridge reopens after repair", "Harbour bridge reopens after repair (updated)");
        assertThat(cli.run("list", "--sort", "site", "--format", "tsv", "--fields", "site").lines()).containsExactly(
                "site", "example.com", "getijden.example.org", "news.example.com", "news.example.com", "news.example.com");
    }

    @Test
    void filtersBySiteWithSubdomainsAuthorAndLanguage() {
        assertThat(titles("--site", "example.com")).hasSize(4);
        assertThat(titles("--site", "www.example.com")).hasSize(4);
        assertThat(titles("--site", "news.example.com")).hasSize(3);
        assertThat(titles("--site", "example.org")).containsExactly("Getijden voor de lente");
        assertThat(titles("--site", "ample.com")).isEmpty();
        assertThat(titles("--author", "okafor")).hasSize(3);
        assertThat(titles("--author", "Li Wei")).containsExactly("Council abolishes the bridge toll");
        assertThat(titles("--lang", "en")).hasSize(4);
        assertThat(titles("--lang", "en-us")).containsExactly("Ferry timetable changes in spring");
        assertThat(titles("--lang", "nl")).containsExactly("Getijden voor de lente");
        assertThat(titles("--author", "okafor", "--lang", "en-GB", "--limit", "1"))
                .containsExactly("Harbour bridge reopens after repair (updated)");
    }

    @Test
    void urlArgumentListsEverySnapshotOfThatPage() {
        List<String> snapshots = cli.run("list", "--format", "tsv", "--fields", "id",
                "HTTPS://News.Example.com:443/2024/harbour-bridge?utm_medium=email#comments").lines();

        assertThat(snapshots).containsExactly("id", sample.id("Harbour bridge reopens after repair (updated)"),
                sample.id("Harbour bridge reopens after repair"));
        assertThat(cli.run("list", "https://news.example.com/elsewhere").out()).isEmpty();
    }

    @Test
    void badUrlArgumentAndConflictingFormatsAreUsageErrors() {
        assertThat(cli.run("list", "not a url").status()).isEqualTo(2);
        Cli.Result r = cli.run("list", "--json", "--format", "csv");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--json means --format ndjson");
        assertThat(cli.run("list", "--format", "xml").status()).isEqualTo(2);
        assertThat(cli.run("list", "--sort", "colour").status()).isEqualTo(2);
    }

    private List<String> titles(String... options) {
        List<String> args = new ArrayList<>(List.of("list", "--format", "tsv", "--fields", "title"));
        args.addAll(List.of(options));
        Cli.Result r = cli.run(args.toArray(String[]::new));
        assertThat(r.status()).as(r.err()).isZero();
        return r.lines().subList(1, r.lines().size());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
