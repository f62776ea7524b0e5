package dev.arca.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arca.testing.Bundles;
import dev.arca.testing.TimestampServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 3161 time-stamps from a real TSA on the loopback interface. */
class TimestampTest {

    @AutoClose
    static TimestampServer tsa;

    @TempDir
    static Path keys;

    private static SigningKey key;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        tsa = new TimestampServer();
        key = SigningKey.create(keys.resolve("key.pem"));
    }

    private BundleSigner signer(String path, Collection<java.security.cert.X509Certificate> roots) {
        return new BundleSigner(key, "arca test", new TimestampAuthority(tsa.url(path), roots, Duration.ofSeconds(10)));
    }

    @Test
    void aTimeStampedSignatureIsValidWithItsTimeAndAuthority() throws Exception {
        Path bundle = Bundles.write(dir.resolve("b.wacz"));
        Instant before = Instant.now().minusSeconds(1);

        signer("/", List.of(tsa.root())).sign(bundle);
        SignatureCheck check = SignatureCheck.verify(bundle, List.of(tsa.root()));

        assertThat(check.status()).as(check.problem()).isEqualTo(SignatureCheck.Status.VALID);
        assertThat(check.timestamp().trusted()).as(check.timestamp().untrusted()).isTrue();
        assertThat(check.timestamp().authority()).isEqualTo("CN=arca test TSA");
        assertThat(check.timestamp().time()).isBetween(before, Instant.now().plusSeconds(1));
        JsonNode signed = BundleSignerTest.digest(bundle).get("signedData");
        assertThat(signed.fieldNames()).toIterable().containsExactly("hash", "signature", "publicKey", "created", "software",
                "timeSignature", "timestampCert");
        assertThat(signed.get("timestampCert").asText()).startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(Base64.getDecoder().decode(signed.get("timeSignature").asText())).isNotEmpty();
    }

    @Test
    void aTimeStampFromAnAuthorityNotTrustedHereStillLeavesTheSignatureValid() throws Exception {
        Path bundle = Bundles.write(dir.resolve("b.wacz"));
        signer("/", List.of(tsa.root())).sign(bundle);

        SignatureCheck check = SignatureCheck.verify(bundle, List.of());

        assertThat(check.status()).isEqualTo(SignatureCheck.Status.VALID);
        assertThat(check.timestamp().trusted()).isFalse();
        assertThat(check.timestamp().untrusted()).isEqualTo("no trusted roots were given for the time-stamping authority");
    }

    @Test
    void signingRefusesAResponseThatDoesNotAnswerTheRequest() throws Exception {
        Path bundle = Bundles.write(dir.resolve("b.wacz"));

        assertThatThrownBy(() -> signer("/wrong-nonce", List.of(tsa.root())).sign(bundle))
                .hasMessageContaining("sent a bad time-stamp").hasMessageContaining("nonce");
        assertThatThrownBy(() -> signer("/wrong-imprint", List.of(tsa.root())).sign(bundle))
                .hasMessageContaining("sent a bad time-stamp");
        assertThatThrownBy(() -> signer("/rejected", List.of(tsa.root())).sign(bundle))
                .hasMessageContaining("refused the request").hasMessageContaining("no stamps today");
        assertThat(SignatureCheck.verify(bundle).status()).isEqualTo(SignatureCheck.Status.UNSIGNED);
    }

    @Test
    void signingRefusesAnAuthorityWhoseChainIsNotTrusted() throws Exception {
        Path bundle = Bundles.write(dir.resolve("b.wacz"));

        assertThatThrownBy(() -> signer("/", TimestampAuthority.systemRoots()).sign(bundle))
                .hasMessageContaining("does not lead to a trusted root");
    }

    @Test
    void aTimeStampOfAnotherSignatureIsInvalid() throws Exception {
        Path one = Bundles.write(dir.resolve("one.wacz"));
        Path two = Bundles.write(dir.resolve("two.wacz"));
        signer("/", List.of(tsa.root())).sign(one);
        new BundleSigner(key, "arca test").sign(two);
        String stolen = BundleSignerTest.digest(one).get("signedData").get("timeSignature").asText();
        BundleSignerTest.rewriteSigned(two, signed -> signed.put("timeSignature", stolen));

        SignatureCheck check = SignatureCheck.verify(two, List.of(tsa.root()));

        assertThat(check.status()).isEqualTo(SignatureCheck.Status.INVALID);
        assertThat(check.problem()).isEqualTo("the time-stamp is not of this signature");
    }
}
