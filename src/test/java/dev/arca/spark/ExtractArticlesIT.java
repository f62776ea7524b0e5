package dev.arca.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.archive.Archiver;
import dev.arca.bundle.ContentHash;
import dev.arca.bundle.WarcCaptures;
import dev.arca.extract.Article;
import dev.arca.extract.Extractor;
import dev.arca.fetch.FetchOptions;
import dev.arca.testing.ArticlePage;
import dev.arca.testing.BundleValidator;
import dev.arca.testing.Jar;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.Programs;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code target/arca-spark.jar} run as spark-submit runs it, in a JVM of its own on {@code local[2]}
 * with Spark's class path and Spark's module flags, over WARCs written here by jwarc (gzipped and
 * not, with a redirect, a revisit and an image), a WACZ, wget's WARC of a loopback site when wget
 * is installed, and two damaged WARCs. The Parquet rows must equal what arca's extractor gives for
 * the same pages read by {@link WarcCaptures}; a damaged file costs only its own rows; the bundles
 * written beside them are a store that {@code arca reindex} adopts.
 */
class ExtractArticlesIT {

    private static final Path SPARK_JAR = Path.of("target", "arca-spark.jar").toAbsolutePath();
    private static final Path SPARK_CLASSPATH = Path.of("target", "spark-classpath.txt").toAbsolutePath();
    private static final Path CLI_JAR = Path.of("target", "arca.jar").toAbsolutePath();
    private static final Instant WHEN = Instant.parse("2024-03-15T09:00:00Z");
    /** Pages per generated WARC, each an article of its own. */
    private static final int PAGES = 6;

    @TempDir
    static Path dir;
    private static Path inputs;
    private static Path output;
    private static Path bundles;
    private static Jar.Run job;
    private static boolean wget;

    /** One story page, with JSON-LD (which arca reads with Jackson) on every other one. */
    private static byte[] story(String name, int n) {
        String html = new ArticlePage().title("Harbour " + name + " story " + n).author("Reporter " + n)
                .published("2024-03-1" + (n % 9) + "T08:00:00Z")
                .paragraph("The " + name + " harbour authority said on Thursday that ferry number " + n
                        + " would return to service after a refit that replaced its engines and its deck.")
                .paragraph("Passengers had waited " + (n + 3) + " weeks for the crossing to reopen, and the queue at the pier "
                        + "stretched past the fish market before the first sailing.")
                .paragraph("The council will review the timetable in the spring, when the second ferry comes back.")
                .html();
        if (n % 2 == 0) {
            html = html.replace("</head>", "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                    + "\"@type\":\"NewsArticle\",\"headline\":\"Harbour " + name + " story " + n + "\",\"author\":[{\"@type\":\"Person\","
                    + "\"name\":\"Ada Quay " + n + "\"},{\"@type\":\"Person\",\"name\":\"Ben Dock\"}],\"publisher\":{\"@type\":\"Organization\","
                    + "\"name\":\"The " + name + " Gazette\"}}</script>\n</head>");
        }
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static void exchange(WarcWriter warc, String url, int status, String location, byte[] body, String type, Instant when)
            throws Exception {
        HttpResponse.Builder http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Moved");
        if (location != null) {
            http.addHeader("Location", location);
        }
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        WarcResponse response = new WarcResponse.Builder(url).date(when).body(http.body(MediaType.parse(type), body).build())
                .payloadDigest(new WarcDigest("SHA-1", sha1.digest(body))).build();
        warc.write(new WarcRequest.Builder(url).date(when).concurrentTo(response.id())
                .body(new HttpRequest.Builder("GET", URI.create(url).getRawPath()).addHeader("User-Agent", "crawler/1").build()).build());
        warc.write(response);
    }

    /** A WARC of {@link #PAGES} stories from {@code host}, with a redirect, an image and (when asked) a revisit. */
    private static Path warc(Path file, WarcCompression compression, String host, boolean revisit) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             WarcWriter warc = new WarcWriter(channel, compression)) {
            String base = "https://" + host + "/news/";
            exchange(warc, base + "old-0", 301, base + "story-0", new byte[0], "text/html", WHEN);
            for (int n = 0; n < PAGES; n++) {
                exchange(warc, base + "story-" + n, 200, null, story(host, n), "text/html; charset=utf-8", WHEN.plusSeconds(n));
                if (n == 2) {
                    exchange(warc, base + "logo.png", 200, null, new byte[]{(byte) 0x89, 'P', 'N', 'G'}, "image/png", WHEN);
                }
            }
            if (revisit) {
                warc.write(new WarcRevisit.Builder(base + "story-1-again", URI.create("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"))
                        .date(WHEN.plusSeconds(600)).payloadDigest(new WarcDigest("SHA-1", MessageDigest.getInstance("SHA-1").digest(story(host, 1))))
                        .body(new HttpResponse.Builder(200, "OK").addHeader("Content-Type", "text/html").build()).build());
            }
        }
        return file;
    }

    private static Path wacz(Path file, Path warc) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("archive/data.warc.gz"));
            Files.copy(warc, zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("datapackage.json"));
            zip.write("{\"profile\":\"data-package\",\"wacz_version\":\"1.1.1\",\"resources\":[]}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /** wget's own WARC of a loopback site, when wget is installed. */
    private static boolean wgetWarc(Path file) throws Exception {
        Optional<Path> program = Programs.find("wget");
        if (program.isEmpty()) {
            return false;
        }
        try (LoopbackServer site = new LoopbackServer()) {
            List<String> urls = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                site.page("/wget/story-" + n, 200, story("wget", n), "Content-Type", "text/html; charset=utf-8");
                urls.add(site.url("/wget/story-" + n));
            }
            String name = file.getFileName().toString().replace(".warc.gz", "");
            List<String> argv = new ArrayList<>(List.of(program.get().toString(), "--quiet", "--no-warc-keep-log",
                    "--warc-file=" + file.getParent().resolve(name), "-O", "/dev/null"));
            argv.addAll(urls);
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
        }
        return true;
    }

    private static Path truncated(Path file, Path intact) throws IOException {
        byte[] bytes = Files.readAllBytes(intact);
        return Files.write(file, Arrays.copyOf(bytes, bytes.length * 3 / 5));
    }

    /**
     * The intact archive with 64 bytes inverted just past the gzip header of the middle page's response,
     * so that its WARC headers inflate to garbage or not at all. Inverting bytes at a fixed share of the
     * file instead could land in a member's deflated payload and decode to wrong text that only the
     * member's CRC, read after the record, tells apart (the records' random IDs move the members).
     */
    private static Path flipped(Path file, Path intact) throws IOException {
        long member = -1;
        try (WarcReader reader = new WarcReader(intact)) {
            int responses = 0;
            for (WarcRecord record : reader) {
                if (record instanceof WarcResponse && ++responses == PAGES / 2 + 1) {
                    member = reader.position();
                    break;
                }
            }
        }
        byte[] bytes = Files.readAllBytes(intact);
        assertThat(member).isPositive();
        assertThat(bytes[(int) member] & 0xff).as("a gzip member starts at %d", member).isEqualTo(0x1f);
        for (int i = (int) member + 10; i < member + 74; i++) {
            bytes[i] ^= (byte) 0xff;
        }
        return Files.write(file, bytes);
    }

    @BeforeAll
    static void runTheJobOverGeneratedArchives() throws Exception {
        inputs = Files.createDirectories(dir.resolve("in"));
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        warc(inputs.resolve("gazette.warc.gz"), WarcCompression.GZIP, "gazette.example", true);
        warc(inputs.resolve("herald.warc"), WarcCompression.NONE, "herald.example", true);
        wacz(inputs.resolve("courier.wacz"), warc(scratch.resolve("courier.warc.gz"), WarcCompression.GZIP, "courier.example", false));
        truncated(inputs.resolve("truncated.warc.gz"), warc(scratch.resolve("t.warc.gz"), WarcCompression.GZIP, "truncated.example", false));
        flipped(inputs.resolve("flipped.warc.gz"), warc(scratch.resolve("f.warc.gz"), WarcCompression.GZIP, "flipped.example", false));
        wget = wgetWarc(inputs.resolve("wget.warc.gz"));
        Files.writeString(inputs.resolve("notes.txt"), "not an archive: the job leaves it out\n");

        output = dir.resolve("articles");
        bundles = dir.resolve("bundles");
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        argv.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        argv.addAll(List.of("-Xmx1g", "-Dspark.master=local[2]", "-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1",
                "-Dspark.driver.bindAddress=127.0.0.1", "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                "-cp", SPARK_JAR + ":" + Files.readString(SPARK_CLASSPATH).strip(),
                ExtractArticles.class.getName(), "--output", output.toString(), "--bundles", bundles.toString(), inputs.toString()));
        job = Jar.run(argv, dir);
    }

    /** A row of the table, or what arca's extractor gives for the same page. */
    private record ArticleRow(String url, Long captureMicros, String sourceFile, String sourceMember, long sourceOffset,
                              String title, String byline, List<String> authors, String published, String modified,
                              String language, String site, String text, int wordCount, double confidence, String contentHash) {
    }

    private static List<ArticleRow> table() throws IOException {
        List<ArticleRow> rows = new ArrayList<>();
        List<Path> parts;
        try (Stream<Path> files = Files.list(output)) {
            parts = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        for (Path part : parts) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                    new org.apache.hadoop.fs.Path(part.toUri())).build()) {
                for (Group g = reader.read(); g != null; g = reader.read()) {
                    List<String> authors = new ArrayList<>();
                    Group list = g.getGroup("authors", 0);
                    for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
                        authors.add(list.getGroup("list", i).getString("element", 0));
                    }
                    rows.add(new ArticleRow(string(g, "url"), g.getFieldRepetitionCount("capture_time") == 0 ? null : g.getLong("capture_time", 0),
                            string(g, "source_file"), string(g, "source_member"), g.getLong("source_offset", 0), string(g, "title"),
                            string(g, "byline"), authors, string(g, "published"), string(g, "modified"), string(g, "language"),
                            string(g, "site"), string(g, "text"), g.getInteger("word_count", 0), g.getDouble("confidence", 0),
                            string(g, "content_hash")));
                }
            }
        }
        rows.sort(Comparator.comparing(ArticleRow::sourceFile).thenComparingLong(ArticleRow::sourceOffset));
        return rows;
    }

    private static String string(Group g, String field) {
        return g.getFieldRepetitionCount(field) == 0 ? null : g.getString(field, 0);
    }

    /** What arca's extractor gives for the pages of {@code file}, read as arca reads any archive. */
    private static List<ArticleRow> expected(Path file) throws IOException {
        Extractor extractor = Extractor.create();
        String name = new org.apache.hadoop.fs.Path(file.toUri()).toString();
        List<ArticleRow> rows = new ArrayList<>();
        try (WarcCaptures captures = WarcCaptures.open(file, FetchOptions.DEFAULT_MAX_SIZE, (f, member, offset, why) -> { })) {
            for (Optional<WarcCaptures.Found> found = captures.next(); found.isPresent(); found = captures.next()) {
                Article a = Archiver.extractionOf(found.get().capture(), extractor).article();
                Instant date = found.get().capture().date();
                rows.add(new ArticleRow(found.get().capture().url().toString(), date.getEpochSecond() * 1_000_000 + date.getNano() / 1000,
                        name, found.get().provenance().member(), found.get().provenance().offset(), a.title(), a.byline(), a.authors(),
                        a.published(), a.modified(), a.language(), a.siteName(), a.text(), a.wordCount(), a.confidence(), ContentHash.of(a)));
            }
        }
        return rows;
    }

    private static Map<String, List<ArticleRow>> byFile(List<ArticleRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(r -> r.sourceFile().substring(r.sourceFile().lastIndexOf('/') + 1),
                TreeMap::new, Collectors.toList()));
    }

    @Test
    void theRowsAreTheArticlesArcasExtractorGivesForTheSamePages() throws Exception {
        assertThat(job.status()).as(job.err()).isEqualTo(1);
        List<ArticleRow> expected = new ArrayList<>();
        try (Stream<Path> files = Files.list(inputs)) {
            for (Path file : files.filter(f -> !f.toString().endsWith(".txt")).sorted().toList()) {
                expected.addAll(expected(file));
            }
        }
        List<ArticleRow> rows = table();
        assertThat(rows).as(job.err()).containsExactlyInAnyOrderElementsOf(expected);

        Map<String, List<ArticleRow>> byFile = byFile(rows);
        // each intact jwarc WARC: its stories and the revisit; the redirect and the image are no rows
        assertThat(byFile.get("gazette.warc.gz")).hasSize(PAGES + 1);
        assertThat(byFile.get("herald.warc")).hasSize(PAGES + 1);
        assertThat(byFile.get("courier.wacz")).hasSize(PAGES).allMatch(r -> "archive/data.warc.gz".equals(r.sourceMember()));
        assertThat(byFile.keySet()).doesNotContain("notes.txt");
        if (wget) {
            assertThat(byFile.get("wget.warc.gz")).hasSize(4).allMatch(r -> r.url().contains("/wget/story-"));
        }
        ArticleRow first = byFile.get("gazette.warc.gz").get(0);
        assertThat(first.url()).isEqualTo("https://gazette.example/news/story-0");
        assertThat(first.title()).isEqualTo("Harbour gazette.example story 0");
        assertThat(first.authors()).as("from JSON-LD, read by arca's own (relocated) Jackson").containsExactly("Ada Quay 0", "Ben Dock");
        assertThat(first.site()).isEqualTo("The gazette.example Gazette");
        assertThat(first.text()).contains("ferry number 0 would return to service");
        assertThat(first.wordCount()).isPositive();
        assertThat(first.contentHash()).startsWith("sha256:");
        assertThat(first.captureMicros()).isEqualTo(WHEN.getEpochSecond() * 1_000_000);
    }

    /** The fields that {@code arca extract FILE} prints and a row holds, for the same page. */
    private record Extracted(String url, long sourceOffset, String title, String byline, String published, String language,
                             String text, int wordCount, String contentHash, long captureSeconds) {

        static Extracted of(ArticleRow r) {
            return new Extracted(r.url(), r.sourceOffset(), r.title(), r.byline(), r.published(), r.language(), r.text(),
                    r.wordCount(), r.contentHash(), r.captureMicros() / 1_000_000);
        }

        static Extracted of(JsonNode line) {
            return new Extracted(line.get("url").asText(), line.get("offset").asLong(), text(line, "title"), text(line, "byline"),
                    text(line, "published"), text(line, "language"), text(line, "text"), line.get("wordCount").asInt(),
                    text(line, "contentHash"), Instant.parse(line.get("capturedAt").asText()).getEpochSecond());
        }

        private static String text(JsonNode line, String field) {
            return line.hasNonNull(field) ? line.get(field).asText() : null;
        }
    }

    /**
     * For every input archive, the rows equal what the command line's {@code arca extract FILE} prints
     * (NDJSON) for it: the same pages, with the same URL, title, byline, published date, language,
     * text, word count, content hash and capture time; for a damaged file, the pages before its damage.
     */
    @Test
    void theRowsOfEachFileAreWhatArcaExtractPrintsForIt() throws Exception {
        Map<String, List<ArticleRow>> byFile = byFile(table());
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> list = Files.list(inputs)) {
            files = list.filter(f -> !f.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            Jar.Run extract = Jar.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", CLI_JAR.toString(),
                    "--store", dir.resolve("extract-store").toString(), "extract", file.toString()), dir);
            boolean damaged = name.startsWith("truncated") || name.startsWith("flipped");
            assertThat(extract.status()).as(name + ": " + extract.err()).isEqualTo(damaged ? 1 : 0);
            List<Extracted> printed = new ArrayList<>();
            for (String line : extract.out().lines().toList()) {
                printed.add(Extracted.of(json.readTree(line)));
            }
            assertThat(printed).as(name).isNotEmpty();
            assertThat(byFile.getOrDefault(name, List.of()).stream().map(Extracted::of).toList()).as(name)
                    .containsExactlyInAnyOrderElementsOf(printed);
        }
    }

    @Test
    void aDamagedFileCostsOnlyItsOwnRowsAndIsReported() throws Exception {
        Map<String, List<ArticleRow>> byFile = byFile(table());
        assertThat(byFile.getOrDefault("truncated.warc.gz", List.of())).as("the pages before the damage").hasSizeBetween(1, PAGES - 1);
        assertThat(byFile.getOrDefault("flipped.warc.gz", List.of())).hasSizeLessThan(PAGES);

        List<JsonNode> problems = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(output.resolve(ExtractArticles.PROBLEMS))) {
            problems.add(json.readTree(line));
        }
        assertThat(problems).extracting(p -> Path.of(URI.create(p.get("file").asText()).getPath()).getFileName().toString())
                .containsOnly("truncated.warc.gz", "flipped.warc.gz").contains("truncated.warc.gz", "flipped.warc.gz");
        assertThat(problems).allMatch(p -> p.get("offset").asLong() > 0 && p.get("reason").asText().startsWith("damaged record"));
        assertThat(job.err()).contains(problems.size() + " problems listed in").contains("truncated.warc.gz at offset ");
    }

    @Test
    void theBundlesAreAStoreThatArcaAdopts() throws Exception {
        List<ArticleRow> rows = table();
        List<Path> waczs;
        try (Stream<Path> files = Files.walk(bundles)) {
            waczs = files.filter(f -> f.toString().endsWith(".wacz")).sorted().toList();
        }
        assertThat(waczs).hasSize(rows.size()).allMatch(f -> bundles.relativize(f).getNameCount() == 3);

        Jar.Run reindex = Jar.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", CLI_JAR.toString(),
                "--store", bundles.toString(), "reindex"), dir);
        assertThat(reindex.status()).as(reindex.err()).isZero();
        assertThat(reindex.err()).contains("reindexed " + rows.size() + " bundles");
        Jar.Run search = Jar.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", CLI_JAR.toString(),
                "--store", bundles.toString(), "search", "--json", "--limit", "100", "refit"), dir);
        assertThat(search.status()).as(search.err()).isZero();
        assertThat(search.out().lines().count()).isEqualTo(rows.size());

        Path one = waczs.get(0);
        try (ZipFile zip = new ZipFile(one.toFile())) {
            assertThat(zip.getEntry("archive/data.warc.gz")).isNotNull();
        }
        if (BundleValidator.available()) {
            assertThat(BundleValidator.validate(one, "would return to service")).endsWith("ALL PASS\n");
        }
    }

    @Test
    void theSparkJarCarriesArcaWithItsLibrariesRelocatedAndNeitherSparkNorTheCommandLine() throws Exception {
        try (ZipFile jar = new ZipFile(SPARK_JAR.toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("dev/arca/spark/ExtractArticles.class", "dev/arca/archive/Archiver.class",
                    "dev/arca/spark/shaded/jackson/databind/ObjectMapper.class", "org/jsoup/Jsoup.class");
            assertThat(names).noneMatch(n -> n.startsWith("com/fasterxml/") || n.startsWith("org/apache/commons/")
                    || n.startsWith("org/apache/spark/") || n.startsWith("scala/") || n.startsWith("org/slf4j/")
                    || n.startsWith("picocli/") || n.startsWith("org/sqlite/") || n.startsWith("dev/arca/cli/"));
        }
        for (Path jar : List.of(CLI_JAR, Path.of("target", "arca-core.jar"))) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertThat(zip.stream().map(ZipEntry::getName)).as(jar.toString()).noneMatch(n -> n.startsWith("dev/arca/spark/"));
            }
        }
    }

    @Test
    void aUsageErrorIsExitStatusTwo() throws Exception {
        Jar.Run run = Jar.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                SPARK_JAR + ":" + Files.readString(SPARK_CLASSPATH).strip(), ExtractArticles.class.getName(), inputs.toString()), dir);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("arca: --output is required").contains("usage: spark-submit");
    }
}
