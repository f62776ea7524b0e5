package dev.arca.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.testing.Bundles;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleSignerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path keys;

    @TempDir
    Path dir;

    private static SigningKey key;

    @BeforeAll
    static void makeKey() throws Exception {
        key = SigningKey.create(keys.resolve("key.pem"));
    }

    private Path signed() throws Exception {
        Path bundle = Bundles.write(dir.resolve("b.wacz"));
        new BundleSigner(key, "arca test").sign(bundle);
        return bundle;
    }

    static JsonNode digest(Path bundle) throws Exception {
        return JSON.readTree(Bundles.members(bundle).get(Bundles.DIGEST));
    }

    @Test
    void anUnsignedBundleIsReportedUnsigned() throws Exception {
        SignatureCheck check = SignatureCheck.verify(Bundles.write(dir.resolve("b.wacz")));

        assertThat(check.status()).isEqualTo(SignatureCheck.Status.UNSIGNED);
        assertThat(check.bundle().ok()).isTrue();
    }

    @Test
    void aSignedBundleIsValidWithTheKeysFingerprint() throws Exception {
        SignatureCheck check = SignatureCheck.verify(signed());

        assertThat(check.status()).as(check.problem()).isEqualTo(SignatureCheck.Status.VALID);
        assertThat(check.fingerprint()).isEqualTo(key.fingerprint());
        assertThat(check.software()).isEqualTo("arca test");
        assertThat(check.created()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(check.timestamp()).isNull();
    }

    @Test
    void signedDataIsTheWaczAnonymousForm() throws Exception {
        JsonNode digest = digest(signed());
        JsonNode signed = digest.get("signedData");

        assertThat(digest.fieldNames()).toIterable().containsExactly("path", "hash", "signedData");
        assertThat(signed.fieldNames()).toIterable().containsExactly("hash", "signature", "publicKey", "created", "software");
        assertThat(signed.get("hash").asText()).isEqualTo(digest.get("hash").asText()).startsWith("sha256:");
        byte[] signature = Base64.getDecoder().decode(signed.get("signature").asText());
        assertThat(signature).hasSize(96); // r||s of P-384, as WebCrypto reads it
        assertThat(Base64.getDecoder().decode(signed.get("publicKey").asText())).isEqualTo(
                Base64.getDecoder().decode(key.publicKeyBase64()));
        Signature check = Signature.getInstance("SHA256withECDSAinP1363Format");
        check.initVerify(java.security.KeyFactory.getInstance("EC").generatePublic(
                new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(signed.get("publicKey").asText()))));
        check.update(signed.get("hash").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(check.verify(signature)).isTrue();
    }

    @Test
    void signingInPlaceChangesOnlyTheDigestFile() throws Exception {
        Path bundle = Bundles.write(dir.resolve("b.wacz"));
        Map<String, byte[]> before = raw(bundle);
        Map<String, byte[]> contentBefore = Bundles.members(bundle);

        new BundleSigner(key, "arca test").sign(bundle);

        Map<String, byte[]> after = raw(bundle);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        for (String name : before.keySet()) {
            if (!name.equals(Bundles.DIGEST)) {
                assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
                assertThat(Bundles.members(bundle).get(name)).as(name).isEqualTo(contentBefore.get(name));
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(bundle);
        }
        assertThat(BundleVerifier.verify(bundle).ok()).isTrue();
    }

    @Test
    void signingAgainReplacesTheSignature() throws Exception {
        Path bundle = signed();
        SigningKey other = SigningKey.create(dir.resolve("other/key.pem"));

        new BundleSigner(other, "arca test").sign(bundle);

        assertThat(SignatureCheck.verify(bundle).fingerprint()).isEqualTo(other.fingerprint());
    }

    @Test
    void theWriterSignsAtWriteTime() throws Exception {
        Path bundle = dir.resolve("w.wacz");
        String url = "http://example.com/news/story";
        try (OutputStream out = Files.newOutputStream(bundle)) {
            new BundleWriter("arca test", new BundleSigner(key, "arca test")).write(out, "1abcdefghjk",
                    Bundles.capture(url, "<p>Text</p>".getBytes(StandardCharsets.UTF_8)), Bundles.article(url, "T", "Text"), "# T\n", Map.of());
        }

        SignatureCheck check = SignatureCheck.verify(bundle);

        assertThat(check.status()).as(check.problem()).isEqualTo(SignatureCheck.Status.VALID);
        assertThat(check.fingerprint()).isEqualTo(key.fingerprint());
    }

    @Test
    void aDamagedBundleIsNotSigned() throws Exception {
        Path bundle = Bundles.write(dir.resolve("b.wacz"));
        Bundles.flipBit(bundle, Bundles.indexOf(bundle, "WARC/1.1") + 200);
        byte[] damaged = Files.readAllBytes(bundle);

        assertThatThrownBy(() -> new BundleSigner(key, "arca test").sign(bundle)).isInstanceOf(BundleException.class)
                .hasMessageContaining("does not match its hash");
        assertThat(Files.readAllBytes(bundle)).isEqualTo(damaged);
    }

    @Test
    void noByteOfASignedBundleChangesUnnoticed() throws Exception {
        Path bundle = signed();
        byte[] bytes = Files.readAllBytes(bundle);
        List<Integer> offsets = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += 11) {
            offsets.add(at);
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int digestHeader = text.lastIndexOf("PK\u0003\u0004");
        for (int at = digestHeader; at < bytes.length; at += 3) {
            offsets.add(at); // the digest file, the central directory and the end record: every third byte
        }
        Path copy = dir.resolve("flipped.wacz");
        Map<SignatureCheck.Status, Integer> seen = new LinkedHashMap<>();
        for (int at : offsets) {
            byte[] flipped = bytes.clone();
            flipped[at] ^= (byte) 0xff;
            Files.write(copy, flipped);

            SignatureCheck check = SignatureCheck.verify(copy);

            assertThat(check.status()).as("byte %d of %d flipped", at, bytes.length).isNotEqualTo(SignatureCheck.Status.VALID);
            seen.merge(check.status(), 1, Integer::sum);
        }
        assertThat(offsets.size()).isGreaterThan(bytes.length / 11);
        assertThat(seen).containsKey(SignatureCheck.Status.DAMAGED);
    }

    @Test
    void noBitAfterTheEndOfADeflateStreamChangesUnnoticed() throws Exception {
        Path bundle = signed();
        byte[] bytes = Files.readAllBytes(bundle);
        List<Long> lastBytes = new ArrayList<>();
        try (ZipFile zip = ZipFile.builder().setPath(bundle).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries())) {
                if (e.getMethod() == java.util.zip.ZipEntry.DEFLATED) {
                    lastBytes.add(e.getDataOffset() + e.getCompressedSize() - 1);
                }
            }
        }
        assertThat(lastBytes).hasSizeGreaterThan(3);
        Path copy = dir.resolve("flipped.wacz");
        for (long at : lastBytes) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = bytes.clone();
                flipped[(int) at] ^= (byte) (1 << bit);
                Files.write(copy, flipped);

                SignatureCheck check = SignatureCheck.verify(copy);

                assertThat(check.status()).as("bit %d of byte %d, the last of a deflated member", bit, at)
                        .isNotEqualTo(SignatureCheck.Status.VALID);
            }
        }
        assertThat(SignatureCheck.verify(bundle).status()).isEqualTo(SignatureCheck.Status.VALID);
    }

    @Test
    void aTamperedSignatureIsInvalid() throws Exception {
        Path bundle = signed();
        rewriteSigned(bundle, signed -> {
            byte[] signature = Base64.getDecoder().decode(signed.get("signature").asText());
            signature[10] ^= 1;
            signed.put("signature", Base64.getEncoder().encodeToString(signature));
        });

        SignatureCheck check = SignatureCheck.verify(bundle);

        assertThat(check.status()).isEqualTo(SignatureCheck.Status.INVALID);
        assertThat(check.problem()).isEqualTo("the signature does not match the key");
    }

    @Test
    void aSignatureOfAnotherHashIsInvalid() throws Exception {
        Path bundle = signed();
        rewriteSigned(bundle, signed -> signed.put("hash", "sha256:" + "0".repeat(64)));

        assertThat(SignatureCheck.verify(bundle).problem()).isEqualTo("the signed hash is not the hash of datapackage.json");
    }

    @Test
    void aKeyOnAnotherCurveIsInvalid() throws Exception {
        Path bundle = signed();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        rewriteSigned(bundle, signed -> {
            try {
                Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
                s.initSign(pair.getPrivate());
                s.update(signed.get("hash").asText().getBytes(StandardCharsets.UTF_8));
                signed.put("signature", Base64.getEncoder().encodeToString(s.sign()));
                signed.put("publicKey", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(SignatureCheck.verify(bundle).problem()).isEqualTo("the public key is not an ECDSA P-384 key");
    }

    @Test
    void aDomainCertificateSignatureIsReportedAsUnsupported() throws Exception {
        Path bundle = signed();
        rewriteSigned(bundle, signed -> {
            signed.remove("publicKey");
            signed.put("domain", "example.com");
            signed.put("domainCert", "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n");
        });

        SignatureCheck check = SignatureCheck.verify(bundle);

        assertThat(check.status()).isEqualTo(SignatureCheck.Status.UNSUPPORTED);
        assertThat(check.problem()).isEqualTo("signed with a domain certificate, which arca does not check");
    }

    /** Edits signedData and writes the bundle again as the signer would (same layout), keeping the rest. */
    static void rewriteSigned(Path bundle, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode digest = (ObjectNode) digest(bundle);
        edit.accept((ObjectNode) digest.get("signedData"));
        Map<String, Object> signed = JSON.convertValue(digest.get("signedData"), JSON.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        BundleSigner.replaceDigest(bundle, BundleWriter.digestFile(digest.get("hash").asText(), signed));
    }

    /** Each entry's stored (compressed) bytes. */
    private static Map<String, byte[]> raw(Path bundle) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setPath(bundle).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries())) {
                try (InputStream in = zip.getRawInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }
}
