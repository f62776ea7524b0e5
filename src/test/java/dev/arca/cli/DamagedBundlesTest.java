package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.testing.Bundles;
import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** verify, list and restore on a store where one bundle was damaged after it was written. */
class DamagedBundlesTest {

    /** The ways a bundle gets damaged on disk, and the problem verify names for each. */
    enum Damage {
        FLIPPED_BIT("archive/data.warc.gz does not match its hash in datapackage.json"),
        FLIPPED_BIT_IN_ARTICLE("article/article.json does not match its hash in datapackage.json"),
        TRUNCATED("not a ZIP file, or a truncated one: no end of central directory"),
        WRONG_CENTRAL_DIRECTORY("not a ZIP file, or one whose central directory is damaged"),
        BAD_WARC_DIGEST("WARC response record at offset \\d+: WARC-Block-Digest does not match the block");

        final String problem;

        Damage(String problem) {
            this.problem = problem;
        }
    }

    @TempDir
    Path home;

    private LoopbackServer server;
    private Cli cli;
    private String goodId;
    private String badId;
    private Path bad;

    @BeforeEach
    void archiveTwo() {
        server = new LoopbackServer();
        cli = new Cli(home);
        server.html("/story.html", Fixtures.text("story.html"));
        server.html("/other.html", "<title>Other</title><p>Another story.</p>");
        goodId = cli.run("fetch", server.url("/story.html")).out().split("\t")[0];
        badId = cli.run("fetch", server.url("/other.html")).out().split("\t")[0];
        bad = bundle(badId);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void damage(Damage damage) throws Exception {
        switch (damage) {
            case FLIPPED_BIT -> Bundles.flipBit(bad, Bundles.indexOf(bad, "WARC/1.1") + 300);
            case FLIPPED_BIT_IN_ARTICLE -> Bundles.rewrite(bad, m -> m.put(Bundles.ARTICLE,
                    Bundles.replace(m.get(Bundles.ARTICLE), "Other", "Otter")), false);
            case TRUNCATED -> {
                try (FileChannel ch = FileChannel.open(bad, StandardOpenOption.WRITE)) {
                    ch.truncate(ch.size() - 100);
                }
            }
            case WRONG_CENTRAL_DIRECTORY -> {
                byte[] bytes = Files.readAllBytes(bad);
                int central = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("PK\u0001\u0002");
                bytes[central + 42] += 7;
                Files.write(bad, bytes);
            }
            case BAD_WARC_DIGEST -> Bundles.rewrite(bad, m -> m.put(Bundles.WARC, Bundles.gzip(
                    Bundles.replace(Bundles.gunzip(m.get(Bundles.WARC)), "Another story", "Another storm"))), true);
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void verifyNamesTheDamageListSkipsItOnceAndRestoreRefuses(Damage damage) throws Exception {
        damage(damage);

        Cli.Result verify = cli.run("verify");
        assertThat(verify.status()).isEqualTo(1);
        assertThat(verify.lines()).hasSize(2);
        assertThat(verify.lines().get(0)).matches(badId + "\tdamaged: " + damage.problem);
        assertThat(verify.lines().get(1)).isEqualTo(goodId + "\tok");
        assertThat(verify.err()).matches("arca: verified 2 bundles \\(.*\\) in [0-9.]+ s: 1 ok, 1 damaged\n");

        Cli.Result list = cli.run("list", "--json");
        assertThat(list.status()).isZero();
        assertThat(list.lines()).hasSize(1);
        assertThat(list.lines().get(0)).contains(goodId);
        assertThat(list.err().lines()).hasSize(1);
        assertThat(list.err()).startsWith("arca: skipping damaged bundle " + bad + ": ").endsWith(" (see 'arca verify')\n");

        Path out = home.resolve("restored");
        Cli.Result restore = cli.run("restore", badId, "-o", out + "/");
        assertThat(restore.status()).isEqualTo(1);
        assertThat(restore.err()).matches("arca: " + java.util.regex.Pattern.quote(bad.toString())
                + ": (damaged bundle, nothing restored: )?" + damage.problem + ".*\n");
        assertThat(out).doesNotExist();
        Cli.Result original = cli.run("restore", badId, "--as", "original");
        assertThat(original.status()).isEqualTo(1);
        assertThat(original.out()).isEmpty();

        assertThat(cli.run("restore", goodId, "--as", "original").outBytes()).isEqualTo(Fixtures.bytes("story.html"));
    }

    @Test
    void verifiesChosenIdsAndBundleFilesAsJson() throws Exception {
        Cli.Result r = cli.run("verify", "--json", goodId.substring(0, 10), bad.toString());

        assertThat(r.status()).as(r.err()).isZero();
        List<JsonNode> lines = r.lines().stream().map(DamagedBundlesTest::json).toList();
        assertThat(lines).extracting(j -> j.get("id").asText()).containsExactly(goodId, badId);
        assertThat(lines).extracting(j -> j.get("status").asText()).containsExactly("ok", "ok");
        assertThat(lines.get(1).get("bundle").asText()).isEqualTo(bad.toString());
        assertThat(lines.get(1).get("bytes").asLong()).isEqualTo(Files.size(bad));
        assertThat(lines.get(1).get("problem").isNull()).isTrue();
    }

    @Test
    void reportsUnknownIdAndGoesOn() {
        Cli.Result r = cli.run("verify", "zzzzzzzzzzz", goodId);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.lines()).containsExactly(goodId + "\tok");
        assertThat(r.err()).startsWith("arca: verify zzzzzzzzzzz: no capture with ID \"zzzzzzzzzzz\"");
    }

    @Test
    void ignoresTemporaryFilesOfInterruptedWrites() throws Exception {
        Path temp = bad.resolveSibling("." + badId.replace('1', '2') + ".wacz.tmp");
        Files.write(temp, new byte[]{'P', 'K', 3, 4, 0});

        assertThat(cli.run("verify").status()).isZero();
        Cli.Result list = cli.run("list");
        assertThat(list.err()).isEmpty();
        assertThat(list.lines()).hasSize(3);
    }

    private Path bundle(String id) {
        try (Stream<Path> files = Files.walk(cli.store())) {
            return files.filter(p -> p.getFileName().toString().equals(id + ".wacz")).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
