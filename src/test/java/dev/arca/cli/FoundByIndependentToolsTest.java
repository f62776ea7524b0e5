package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.bundle.BundleReader;
import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.Programs;
import dev.arca.testing.WarcContents;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What tools arca's authors did not write find in a bundle: warcio.js (the indexer of js-wacz)
 * indexes every record under a URL, ReplayWeb.page finds the article's text in pages.jsonl, and
 * datapackage.json and the page carry the fields and timestamps such tools write themselves.
 */
class FoundByIndependentToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** RFC 3339 in UTC with milliseconds, as browsertrix and js-wacz write it. */
    private static final Pattern MILLISECONDS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    private static final String WARCIO = "2.4.11";

    @TempDir
    static Path home;

    private static final LoopbackServer SERVER = new LoopbackServer();
    private static Path bundle;
    private static String url;

    @BeforeAll
    static void fetchAStory() throws Exception {
        url = SERVER.html("/story.html", Fixtures.text("story.html")).url("/story.html");
        Cli.Result r = new Cli(home).run("fetch", "--json", "--ignore-robots", url);
        assertThat(r.status()).as(r.err()).isZero();
        bundle = Path.of(JSON.readTree(r.out()).get("bundle").asText());
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void theArticleRecordHasAUrnTargetThatIsNotThePage() throws Exception {
        List<WarcContents.Rec> metadata = WarcContents.ofType(bundle, "metadata");

        assertThat(metadata).extracting(WarcContents.Rec::target).containsExactly("urn:arca:article:" + url);
        assertThat(WarcContents.read(bundle)).filteredOn(rec -> url.equals(rec.target()))
                .extracting(WarcContents.Rec::type).containsExactly("request", "response");
    }

    @Test
    void warcioIndexesEveryRecordUnderAUrlAndThePageUnderItsOwn() throws Exception {
        Path cli = warcio();
        Path warc = Files.createTempDirectory(home, "warc").resolve("data.warc.gz");
        try (ZipFile zip = ZipFile.builder().setPath(bundle).get();
             InputStream in = zip.getInputStream(zip.getEntry("archive/data.warc.gz"))) {
            Files.copy(in, warc);
        }

        List<String> lines = run(home, "node", cli.toString(), "cdx-index", warc.toString()).lines().toList();

        assertThat(lines).isNotEmpty().noneMatch(line -> line.startsWith("undefined"));
        assertThat(lines).filteredOn(line -> line.contains("\"url\":\"" + url + "\""))
                .singleElement().satisfies(line -> assertThat(line).contains("\"status\":\"200\"", "\"mime\":\"text/html\""));
        assertThat(lines).anyMatch(line -> line.contains("\"url\":\"urn:arca:article:" + url + "\""));
    }

    @Test
    void pagesJsonlCarriesTheArticleTextAndATimestampWithMilliseconds() throws Exception {
        String[] pages = member("pages/pages.jsonl").split("\n");
        JsonNode page = JSON.readTree(pages[1]);

        try (BundleReader reader = BundleReader.open(bundle)) {
            assertThat(page.get("text").asText()).isEqualTo(reader.article().text()).contains("three weeks ahead of schedule");
        }
        assertThat(page.get("ts").asText()).matches(MILLISECONDS);
    }

    @Test
    void datapackageHasADescriptionAndTimesWithMilliseconds() throws Exception {
        JsonNode dp = JSON.readTree(member("datapackage.json"));

        assertThat(dp.get("description").asText()).isEqualTo("Engineers finished the work three weeks ahead of schedule.");
        assertThat(dp.get("created").asText()).matches(MILLISECONDS);
        assertThat(dp.get("modified").asText()).isEqualTo(dp.get("created").asText());
        assertThat(dp.get("mainPageDate").asText()).matches(MILLISECONDS);
    }

    private static String member(String name) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(bundle).get();
             InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** warcio.js's command line, installed with npm under target/ once; the test is skipped without npm or the registry. */
    private static Path warcio() throws Exception {
        assumeTrue(Programs.find("node").isPresent() && Programs.find("npm").isPresent(), "node and npm are needed");
        Path prefix = Path.of("target", "npm-warcio-" + WARCIO).toAbsolutePath();
        Path cli = prefix.resolve("node_modules/warcio/dist/cli.js");
        if (!Files.isRegularFile(cli)) {
            Files.createDirectories(prefix);
            run(prefix, "npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund", "--silent", "warcio@" + WARCIO);
        }
        assumeTrue(Files.isRegularFile(cli), "npm could not install warcio " + WARCIO);
        return cli;
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
