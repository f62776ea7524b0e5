package dev.arca.cli;

import dev.arca.index.StoreIndex;
import dev.arca.store.Diagnostics;
import dev.arca.store.Store;
import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.SyntheticBundles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The index is derived data: whatever happens to it or behind its back, answers match the bundles. */
class IndexRecoveryTest {

    @TempDir
    Path home;

    @TempDir
    Path elsewhere;

    private Cli cli;
    private SampleCaptures sample;
    private Path index;

    @BeforeEach
    void archiveSamples() {
        cli = new Cli(home);
        sample = new SampleCaptures(cli.store());
        index = cli.store().resolve("index.sqlite");
    }

    @Test
    void reindexRebuildsFromTheBundlesAlone() throws Exception {
        deleteIndex();

        Cli.Result r = cli.run("reindex");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("reindexed 5 bundles");
        assertThat(index).exists();
        assertThat(rows("SELECT count(*) FROM capture")).isEqualTo(5);
        List<String> newestFirst = new java.util.ArrayList<>(sample.ids.values());
        java.util.Collections.reverse(newestFirst);
        assertThat(ids()).containsExactlyElementsOf(newestFirst);
        assertThat(cli.run("search", "getijden").out()).contains(sample.id("Getijden voor de lente"));
    }

    @Test
    void reindexReplacesWhatTheIndexHadWrong() throws Exception {
        execute("UPDATE capture SET title = 'Wrong title'");

        assertThat(cli.run("reindex").status()).isZero();

        assertThat(cli.run("list", "--format", "tsv", "--fields", "title").out()).doesNotContain("Wrong title");
    }

    @Test
    void rebuildsADeletedIndexBeforeAnswering() throws Exception {
        deleteIndex();

        Cli.Result r = cli.run("list", "--json");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(5);
        assertThat(index).exists();
        assertThat(cli.run("search", "ferry").out()).contains(sample.id("Ferry timetable changes in spring"));
    }

    @Test
    void movesAGarbageIndexAsideWithOneWarningAndRebuilds() throws Exception {
        deleteIndex();
        byte[] garbage = new byte[64 * 1024];
        new Random(5).nextBytes(garbage);
        Files.write(index, garbage);

        Cli.Result r = cli.run("list", "--json");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(5);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("the index " + index + " was damaged").contains("moved it to index.sqlite.corrupt");
        assertThat(cli.store().resolve("index.sqlite.corrupt")).hasBinaryContent(garbage);
        assertThat(cli.run("list", "--json").err()).isEmpty();
    }

    @Test
    void rebuildsAnIndexWhosePagesAreDamaged() throws Exception {
        try (StoreIndex index = StoreIndex.of(new Store(cli.store()), Diagnostics.NONE)) {
            index.rebuild(); // one tidy file with everything in it, and no WAL beside it
        }
        long size = Files.size(index);
        try (RandomAccessFile file = new RandomAccessFile(index.toFile(), "rw")) {
            byte[] garbage = new byte[(int) size - 4096];
            new Random(7).nextBytes(garbage);
            file.seek(4096); // keep the header page, so SQLite opens the file and finds the damage later
            file.write(garbage);
        }

        Cli.Result r = cli.run("search", "harbour");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("was damaged");
        assertThat(r.out()).contains(sample.id("Harbour bridge reopens after repair"));
    }

    @Test
    void findsABundleCopiedInBehindArcasBack() throws Exception {
        Path copied = bundleMadeElsewhere("Lighthouse keeper retires", "2024-05-21T10:00:00Z");
        Path target = cli.store().resolve("2024/05").resolve(copied.getFileName());
        Files.copy(copied, target, StandardCopyOption.COPY_ATTRIBUTES);

        Cli.Result list = cli.run("list", "--format", "tsv", "--fields", "title");
        Cli.Result search = cli.run("search", "lighthouse");

        assertThat(list.lines()).contains("Lighthouse keeper retires").hasSize(7);
        assertThat(search.out()).contains("Lighthouse keeper retires");
    }

    @Test
    void findsABundleInANewMonthDirectory() throws Exception {
        Path copied = bundleMadeElsewhere("Winter storm closes port", "2023-12-30T10:00:00Z");
        Path target = cli.store().resolve("2023/12").resolve(copied.getFileName());
        Files.createDirectories(target.getParent());
        Files.copy(copied, target);

        assertThat(cli.run("list", "--format", "tsv", "--fields", "title").lines()).endsWith("Winter storm closes port");
        assertThat(cli.run("stats", "--json").out()).contains("\"month\":\"2023-12\"");
    }

    @Test
    void bundleRenamedIntoPlaceButNeverIndexedIsFoundAsAfterACrash() throws Exception {
        // what a crash between Store.save's rename and its index update leaves behind
        Path made = bundleMadeElsewhere("Pier extension approved", "2024-06-02T10:00:00Z");
        Path temp = cli.store().resolve("2024/06/." + made.getFileName() + ".tmp");
        Files.copy(made, temp);
        Files.move(temp, cli.store().resolve("2024/06").resolve(made.getFileName()), StandardCopyOption.ATOMIC_MOVE);

        assertThat(cli.run("search", "pier").out()).contains("Pier extension approved");
    }

    @Test
    void forgetsABundleRemovedBehindArcasBack() throws Exception {
        String ferry = sample.id("Ferry timetable changes in spring");
        Files.delete(bundle(ferry));

        assertThat(ids()).hasSize(4).doesNotContain(ferry);
        assertThat(cli.run("search", "ferry").out()).isEmpty();
    }

    @Test
    void forgetsAMonthDirectoryRemovedWhole() throws Exception {
        try (Stream<Path> files = Files.list(cli.store().resolve("2024/05"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(cli.store().resolve("2024/05"));

        assertThat(ids()).hasSize(3);
        assertThat(rows("SELECT count(*) FROM month")).isEqualTo(2);
    }

    @Test
    void seesABundleReplacedUnderTheSameName() throws Exception {
        String toll = sample.id("Council abolishes the bridge toll");
        Path replacement = bundleMadeElsewhere("Toll returns after all", "2024-05-02T12:00:00Z");
        Path temp = bundle(toll).resolveSibling(".rsync-temp");
        Files.copy(replacement, temp);
        Files.move(temp, bundle(toll), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(cli.run("list", "--format", "tsv", "--fields", "id,title").lines()).contains(toll + "\tToll returns after all");
    }

    @Test
    void reportsAnUnreadableBundleEveryTimeAndPicksItUpOnceRepaired() throws Exception {
        String id = "1ngzzzzzaaa";
        Path junk = cli.store().resolve("2024/06").resolve(id + ".wacz");
        Files.writeString(junk, "not a zip");

        Cli.Result first = cli.run("list", "--json");
        Cli.Result second = cli.run("search", "bridge");

        assertThat(first.lines()).hasSize(5);
        assertThat(first.err()).contains("skipping damaged bundle " + junk);
        assertThat(second.err()).contains("skipping damaged bundle " + junk);
        assertThat(cli.run("stats", "--json").out()).contains("\"unreadable\":1");

        Files.copy(bundleMadeElsewhere("Repaired at last", "2024-06-02T00:00:00Z"), junk, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(junk, java.nio.file.attribute.FileTime.from(Instant.parse("2024-07-01T00:00:00Z")));

        Cli.Result fixed = cli.run("list", "--json");
        assertThat(fixed.err()).isEmpty();
        assertThat(fixed.lines()).hasSize(6);
    }

    @Test
    void rebuildsAnIndexOfAnotherVersion() throws Exception {
        execute("PRAGMA user_version = 999");

        assertThat(ids()).hasSize(5);
        assertThat(rows("PRAGMA user_version")).isNotEqualTo(999);
    }

    @Test
    void fetchIndexesItsBundleInTheSameStep() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.html("/story.html", Fixtures.text("story.html"));

            Cli.Result r = cli.run("fetch", server.url("/story.html"));

            assertThat(r.status()).as(r.err()).isZero();
            String id = r.out().split("\t")[0];
            assertThat(rows("SELECT count(*) FROM capture WHERE id = '" + id + "'")).isEqualTo(1);
            assertThat(rows("SELECT count(*) FROM capture")).isEqualTo(6);
        }
    }

    @Test
    void listOnAStoreThatDoesNotExistExplainsAndCreatesNothing() {
        Cli fresh = new Cli(elsewhere);

        Cli.Result r = fresh.run("list");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("arca: no store at " + fresh.store()).contains("--store or ARCA_STORE");
        assertThat(fresh.store()).doesNotExist();
    }

    private Path bundleMadeElsewhere(String title, String when) throws Exception {
        Path other = elsewhere.resolve("store-" + title.hashCode());
        Store store = new Store(other);
        String url = "https://harbour.example.net/" + title.toLowerCase().replace(' ', '-');
        return SyntheticBundles.save(store, SampleCaptures.article(url, title, "Sam Reed", "en", null, null,
                title + ": the story in full, with enough words to be an article.", "A second paragraph follows here."),
                url, Instant.parse(when)).bundle();
    }

    private Path bundle(String id) throws Exception {
        try (Stream<Path> files = Files.walk(cli.store())) {
            return files.filter(p -> p.getFileName().toString().equals(id + ".wacz")).findFirst().orElseThrow();
        }
    }

    private List<String> ids() {
        Cli.Result r = cli.run("list", "--format", "tsv", "--fields", "id");
        assertThat(r.status()).as(r.err()).isZero();
        return r.lines().subList(1, r.lines().size());
    }

    private void deleteIndex() throws Exception {
        for (String name : List.of("index.sqlite", "index.sqlite-wal", "index.sqlite-shm")) {
            Files.deleteIfExists(cli.store().resolve(name));
        }
    }

    private long rows(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + index); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + index); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
