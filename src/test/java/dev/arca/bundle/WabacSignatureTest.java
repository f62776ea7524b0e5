package dev.arca.bundle;

import dev.arca.testing.Bundles;
import dev.arca.testing.Programs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The independent check: wabac.js, the engine of ReplayWeb.page, verifies the signature of a
 * bundle arca signed, and reports a tampered one as failing. Runs where node and the validators'
 * npm install (see ../shared/validate/validate-bundle) are present; skipped elsewhere.
 */
class WabacSignatureTest {

    private static final Path MODULES = Path.of(System.getenv().getOrDefault("XDG_CACHE_HOME",
            System.getProperty("user.home") + "/.cache"), "arca-validate", "node_modules");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsNodeAndWabac() {
        assumeTrue(Programs.find("node").isPresent(), "node is not installed");
        assumeTrue(Files.isDirectory(MODULES.resolve("@webrecorder/wabac")), "wabac.js is not installed under " + MODULES);
    }

    private record Run(int exit, String output) {
    }

    private static Run wabac(Path bundle) throws Exception {
        Path script = script();
        Process p = new ProcessBuilder("node", script.toString(), MODULES.toString(), bundle.toString())
                .directory(bundle.getParent().toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = new String(out, StandardCharsets.UTF_8);
        System.out.println(output); // kept in the surefire report, for the record
        return new Run(p.exitValue(), output);
    }

    private static Path script() throws URISyntaxException {
        return Path.of(WabacSignatureTest.class.getResource("wabac-signature.mjs").toURI());
    }

    @Test
    void wabacVerifiesASignatureArcaMade() throws Exception {
        Path bundle = Bundles.write(dir.resolve("signed.wacz"));
        SigningKey key = SigningKey.create(dir.resolve("key/key.pem"));
        new BundleSigner(key, "arca test").sign(bundle);

        Run run = wabac(bundle);

        assertThat(run.output()).contains("SIGNATURE: valid")
                .contains("\"id\":\"publicKey\",\"expected\":\"" + key.publicKeyBase64() + "\"")
                .contains("\"id\":\"software\",\"expected\":\"arca test\"");
        assertThat(run.exit()).isZero();
    }

    @Test
    void wabacReportsATamperedSignatureAsFailing() throws Exception {
        Path bundle = Bundles.write(dir.resolve("tampered.wacz"));
        new BundleSigner(SigningKey.create(dir.resolve("key/key.pem")), "arca test").sign(bundle);
        BundleSignerTest.rewriteSigned(bundle, signed -> {
            byte[] signature = Base64.getDecoder().decode(signed.get("signature").asText());
            signature[40] ^= 1;
            signed.put("signature", Base64.getEncoder().encodeToString(signature));
        });
        assertThat(SignatureCheck.verify(bundle).status()).isEqualTo(SignatureCheck.Status.INVALID);

        Run run = wabac(bundle);

        assertThat(run.output()).contains("{\"id\":\"signature\",\"expected\":true,\"matched\":false}").contains("SIGNATURE: invalid");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void wabacSeesNoSignatureOnAnUnsignedBundle() throws Exception {
        Run run = wabac(Bundles.write(dir.resolve("unsigned.wacz")));

        assertThat(run.output()).contains("SIGNATURE: absent");
        assertThat(run.exit()).isEqualTo(2);
    }
}
