package dev.arca.bundle;

import dev.arca.testing.Bundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

class BundleVerifierTest {

    @TempDir
    Path dir;

    private Path good() throws Exception {
        return Bundles.write(dir.resolve("b.wacz"));
    }

    @Test
    void passesBundleAsWritten() throws Exception {
        Path bundle = good();

        BundleCheck check = BundleVerifier.verify(bundle);

        assertThat(check.ok()).as(check.problem()).isTrue();
        assertThat(check.bytes()).isEqualTo(Files.size(bundle));
    }

    @Test
    void reportsFlippedBitInTheWarcAsHashMismatch() throws Exception {
        Path bundle = good();
        Bundles.flipBit(bundle, Bundles.indexOf(bundle, "WARC/1.1") + 200);

        BundleCheck check = BundleVerifier.verify(bundle);

        assertThat(check.reason()).isEqualTo(BundleException.Reason.CORRUPT);
        assertThat(check.problem()).isEqualTo("archive/data.warc.gz does not match its hash in datapackage.json");
    }

    @Test
    void reportsTruncatedFile() throws Exception {
        Path bundle = good();
        try (FileChannel ch = FileChannel.open(bundle, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }

        BundleCheck check = BundleVerifier.verify(bundle);

        assertThat(check.reason()).isEqualTo(BundleException.Reason.UNREADABLE);
        assertThat(check.problem()).isEqualTo("not a ZIP file, or a truncated one: no end of central directory");
    }

    @Test
    void reportsWrongCentralDirectory() throws Exception {
        Path bundle = good();
        byte[] bytes = Files.readAllBytes(bundle);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int central = text.indexOf("PK\u0001\u0002");
        // the local header offset of the first central entry (the WARC) now points past it
        bytes[central + 42] = (byte) (bytes[central + 42] + 7);
        Files.write(bundle, bytes);

        BundleCheck check = BundleVerifier.verify(bundle);

        assertThat(check.reason()).isEqualTo(BundleException.Reason.UNREADABLE);
        assertThat(check.problem()).isEqualTo("not a ZIP file, or one whose central directory is damaged");
    }

    @Test
    void reportsWarcRecordWhoseBlockNoLongerMatchesItsDigest() throws Exception {
        Path bundle = good();
        Bundles.rewrite(bundle, m -> m.put(Bundles.WARC, Bundles.gzip(
                Bundles.replace(Bundles.gunzip(m.get(Bundles.WARC)), "harbour bridge", "harbour Bridge"))), true);

        BundleCheck check = BundleVerifier.verify(bundle);

        assertThat(check.reason()).isEqualTo(BundleException.Reason.CORRUPT);
        assertThat(check.problem()).matches("WARC response record at offset \\d+: WARC-Block-Digest does not match the block");
    }

    @Test
    void reportsArticleThatDiffersFromMetadataRecord() throws Exception {
        Path bundle = good();
        Bundles.rewrite(bundle, m -> m.put(Bundles.ARTICLE, Bundles.replace(m.get(Bundles.ARTICLE), "Bridge", "Brudge")), true);

        BundleCheck check = BundleVerifier.verify(bundle);

        assertThat(check.problem()).isEqualTo("article/article.json differs from the WARC metadata record");
    }

    @Test
    void reportsIndexLineThatPointsElsewhere() throws Exception {
        Path bundle = good();
        Bundles.rewrite(bundle, m -> m.put(Bundles.INDEX, Bundles.replace(m.get(Bundles.INDEX), "\"offset\":", "\"offset\":1")), true);

        BundleCheck check = BundleVerifier.verify(bundle);

        assertThat(check.problem()).startsWith("indexes/index.cdxj line 1: no record starts at offset 1");
    }

    @Test
    void reportsMemberMissingFromManifest() throws Exception {
        Path bundle = good();
        Bundles.rewrite(bundle, m -> m.put("extra/notes.txt", "hello".getBytes(StandardCharsets.UTF_8)), false);

        assertThat(BundleVerifier.verify(bundle).problem()).isEqualTo("extra/notes.txt is not listed in datapackage.json");
    }

    @Test
    void reportsManifestThatNoLongerMatchesItsDigest() throws Exception {
        Path bundle = good();
        Bundles.rewrite(bundle, m -> m.put(Bundles.DATAPACKAGE, Bundles.replace(m.get(Bundles.DATAPACKAGE), "1.1.1", "1.1.2")), false);

        assertThat(BundleVerifier.verify(bundle).problem()).startsWith("datapackage.json does not match its hash in datapackage-digest.json");
    }

    /** A bundle whose Markdown failed, as the capture-first pipeline writes it. */
    private Path withWarnings() throws Exception {
        String url = "http://example.com/news/story";
        Path bundle = dir.resolve("w.wacz");
        DerivedSteps steps = new DerivedSteps();
        steps.run(CaptureWarning.MARKDOWN, () -> {
            throw new IllegalStateException("no Markdown today");
        });
        try (var out = Files.newOutputStream(bundle)) {
            new BundleWriter("arca test").write(out, "1abcdefghjk", Bundles.capture(url, "<p>Story</p>".getBytes(StandardCharsets.UTF_8)),
                    Bundles.article(url, "Story", "Story"), null, steps, java.util.Map.of());
        }
        return bundle;
    }

    @Test
    void passesABundleWithWarningsAndReadsThemBack() throws Exception {
        Path bundle = withWarnings();

        BundleCheck check = BundleVerifier.verify(bundle);

        assertThat(check.ok()).as(check.problem()).isTrue();
        try (BundleReader reader = BundleReader.open(bundle)) {
            assertThat(reader.warnings()).containsExactly(
                    new CaptureWarning("markdown", "IllegalStateException: no Markdown today"));
            assertThat(reader.markdown()).isEmpty();
        }
    }

    @Test
    void reportsWarningsThatDifferFromTheWarcRecord() throws Exception {
        Path bundle = withWarnings();
        Bundles.rewrite(bundle, members -> members.put("article/warnings.json",
                "{\"warnings\": []}".getBytes(StandardCharsets.UTF_8)), true);

        BundleCheck check = BundleVerifier.verify(bundle);

        assertThat(check.reason()).isEqualTo(BundleException.Reason.CORRUPT);
        assertThat(check.problem()).isEqualTo("article/warnings.json differs from the WARC's warnings record");
    }
}
