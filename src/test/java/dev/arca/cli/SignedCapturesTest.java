package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.bundle.SignatureTampering;
import dev.arca.testing.Bundles;
import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.TimestampServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing through the real command line: key create, fetch --sign, sign = true, arca sign, --tsa, and verify's verdicts. */
class SignedCapturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LoopbackServer server;

    @TempDir
    Path home;

    private Cli cli;

    @BeforeAll
    static void serve() {
        server = new LoopbackServer();
        server.html("/story", Fixtures.text("story.html"));
        server.html("/other", Fixtures.text("story.html").replace("Harbour bridge reopens", "Ferry resumes"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void start() {
        cli = new Cli(home);
    }

    private Path defaultKey() {
        return home.resolve("config/arca/signing-key.pem");
    }

    private String createKey() {
        Cli.Result r = cli.run("key", "create");
        assertThat(r.status()).as(r.err()).isZero();
        return r.out().split("\t")[0];
    }

    private String fetch(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "fetch";
        System.arraycopy(args, 0, all, 1, args.length);
        Cli.Result r = cli.run(all);
        assertThat(r.status()).as(r.err()).isZero();
        return r.lines().get(0).split("\t")[0];
    }

    @Test
    void keyCreateWritesAnOwnerOnlyKeyOutsideTheStoreAndNeverReplacesIt() throws Exception {
        Cli.Result r = cli.run("key", "create");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).matches("sha256:[0-9a-f]{64}\t" + java.util.regex.Pattern.quote(defaultKey().toString()) + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(defaultKey()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(defaultKey().getParent()))).isEqualTo("rwx------");
        byte[] key = Files.readAllBytes(defaultKey());

        Cli.Result again = cli.run("key", "create");

        assertThat(again.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.err()).isEqualTo("arca: " + defaultKey() + " already exists; arca never replaces a key\n");
        assertThat(Files.readAllBytes(defaultKey())).isEqualTo(key);
        assertThat(cli.run("key", "show").out()).isEqualTo(r.out());
    }

    @Test
    void keyCreateRefusesAKeyInsideTheStore() {
        Path inside = cli.store().resolve("keys/k.pem");

        Cli.Result r = cli.run("key", "create", "--key", inside.toString());

        assertThat(r.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).startsWith("arca: " + inside + " is inside the store " + cli.store());
        assertThat(inside).doesNotExist();
    }

    @Test
    void fetchSignVerifiesWithTheKeysFingerprint() {
        String fingerprint = createKey();
        String id = fetch("--sign", server.url("/story"));

        Cli.Result verify = cli.run("verify", id);

        assertThat(verify.status()).as(verify.err()).isZero();
        assertThat(verify.out()).isEqualTo(id + "\tok, signed by " + fingerprint + "\n");
        assertThat(verify.err()).contains(": 1 ok, 0 damaged; 1 signed and valid");
    }

    @Test
    void signTrueInTheConfigFileSignsEachNewBundle() throws Exception {
        String fingerprint = createKey();
        Files.writeString(home.resolve("config/arca/config.properties"), "sign = true\n");
        String id = fetch(server.url("/story"));

        assertThat(cli.run("verify", id).out()).isEqualTo(id + "\tok, signed by " + fingerprint + "\n");
    }

    @Test
    void fetchSignWithoutAKeyStopsBeforeFetchingAnything() {
        int before = server.requests().size();

        Cli.Result r = cli.run("fetch", "--sign", server.url("/story"));

        assertThat(r.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).isEqualTo("arca: no signing key at " + defaultKey() + "; make one with 'arca key create'\n");
        assertThat(server.requests()).hasSize(before);
        assertThat(cli.bundles()).isEmpty();
    }

    @Test
    void signSignsExistingBundlesAndVerifyTellsUnsignedValidAndInvalidApart() throws Exception {
        String unsigned = fetch(server.url("/other"));
        String later = fetch(server.url("/story"));
        String fingerprint = createKey();

        assertThat(cli.run("verify", unsigned).status()).isZero();
        Cli.Result required = cli.run("verify", "--signed", unsigned);
        assertThat(required.status()).isEqualTo(ExitCodes.UNSIGNED);
        assertThat(required.out()).isEqualTo(unsigned + "\tunsigned\n");

        Cli.Result sign = cli.run("sign", later);
        assertThat(sign.status()).as(sign.err()).isZero();
        assertThat(sign.out()).isEqualTo(later + "\tsigned\t" + fingerprint + "\n");
        assertThat(cli.run("verify", "--signed", later).status()).isZero();

        SignatureTampering.flipSignatureBit(bundle(later));
        Cli.Result invalid = cli.run("verify", later);
        assertThat(invalid.status()).isEqualTo(ExitCodes.SIGNATURE_INVALID);
        assertThat(invalid.out()).isEqualTo(later + "\tsignature invalid: the signature does not match the key\n");

        JsonNode json = JSON.readTree(cli.run("verify", "--json", later).out());
        assertThat(json.get("status").asText()).isEqualTo("invalid");
        assertThat(json.get("signature").get("status").asText()).isEqualTo("invalid");
        assertThat(json.get("signature").get("problem").asText()).isEqualTo("the signature does not match the key");

        Cli.Result all = cli.run("verify");
        assertThat(all.status()).as("an invalid signature among intact bundles").isEqualTo(ExitCodes.SIGNATURE_INVALID);
        assertThat(all.err()).contains(": 1 ok, 0 damaged, 1 with an invalid signature");
    }

    @Test
    void aSignedBundleWhoseContentChangedIsNeverOk() throws Exception {
        createKey();
        String id = fetch("--sign", server.url("/story"));
        Path bundle = bundle(id);
        // rewrite the story and every hash that covers it: only the signature can tell
        Bundles.rewrite(bundle, members -> members.put(Bundles.ARTICLE,
                Bundles.replace(members.get(Bundles.ARTICLE), "Harbour bridge", "Harbour tunnel")), true);

        Cli.Result r = cli.run("verify", "--json", id);

        assertThat(r.status()).isIn(ExitCodes.FAILED, ExitCodes.SIGNATURE_INVALID);
        assertThat(JSON.readTree(r.out()).get("status").asText()).isNotEqualTo("ok");
    }

    @Test
    void verifyFlagsEveryFlippedByteOfASignedBundle() throws Exception {
        createKey();
        String id = fetch("--sign", server.url("/story"));
        Path bundle = bundle(id);
        byte[] original = Files.readAllBytes(bundle);
        java.util.Set<Long> offsets = new java.util.TreeSet<>();
        for (long offset = 0; offset < original.length; offset += Math.max(1, original.length / 60)) {
            offsets.add(offset);
        }
        try (var zip = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(bundle).get()) {
            // the last byte of each member: for a deflated one, where the bits after the stream's end are
            java.util.Collections.list(zip.getEntries()).forEach(e -> offsets.add(e.getDataOffset() + e.getCompressedSize() - 1));
        }
        for (long offset : offsets) {
            byte[] changed = original.clone();
            changed[(int) offset] ^= (byte) 0x80;
            Files.write(bundle, changed);

            Cli.Result r = cli.run("verify", id);

            assertThat(r.status()).as("byte %d of %d: %s", offset, original.length, r.out()).isNotZero();
        }
        Files.write(bundle, original);
        assertThat(cli.run("verify", id).status()).isZero();
    }

    @Test
    void tsaTimeStampsTheSignatureAndVerifyShowsIt() throws Exception {
        createKey();
        try (TimestampServer tsa = new TimestampServer()) {
            Path root = home.resolve("tsa-root.pem");
            Files.writeString(root, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(tsa.root().getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            String id = fetch("--sign", "--tsa", tsa.url("/").toString(), "--tsa-cert", root.toString(), server.url("/story"));

            Cli.Result trusted = cli.run("verify", "--tsa-cert", root.toString(), "--json", id);
            assertThat(trusted.status()).as(trusted.err()).isZero();
            JsonNode stamp = JSON.readTree(trusted.out()).get("signature").get("timestamp");
            assertThat(stamp.get("trusted").asBoolean()).isTrue();
            assertThat(stamp.get("authority").asText()).contains("arca test");

            Cli.Result text = cli.run("verify", id);
            assertThat(text.status()).isZero();
            assertThat(text.out()).contains("\tok, signed by sha256:").contains(", time-stamped ").contains("(not trusted: ");
        }
    }

    @Test
    void aTsaThatFailsLeavesTheCaptureArchivedUnsignedWithAWarning() throws Exception {
        createKey();
        try (TimestampServer tsa = new TimestampServer()) {
            Cli.Result r = cli.run("fetch", "--sign", "--tsa", tsa.url("/rejected").toString(), server.url("/story"));

            assertThat(r.status()).isZero();
            assertThat(r.err()).contains("archived with a warning: sign: ");
            String id = r.lines().get(0).split("\t")[0];
            assertThat(cli.run("verify", id).out()).isEqualTo(id + "\tok\n");
        }
    }

    private Path bundle(String id) {
        return cli.bundles().stream().filter(p -> p.getFileName().toString().equals(id + ".wacz")).findFirst().orElseThrow();
    }
}
