package dev.arca.bundle;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * The outcome of checking a bundle's signature, and the check itself.
 *
 * <p>A signature is worth something only together with everything it covers, so the check is a
 * chain: every member against {@code datapackage.json} ({@link BundleVerifier}), that file against
 * the digest file's hash, the ZIP itself byte for byte ({@link SignedZip}), the signed hash against
 * the digest file's, and the signature against its key. Anything changed after signing breaks one
 * link: the bundle is {@link Status#DAMAGED} or its signature {@link Status#INVALID}, never valid.
 *
 * @param status      what the check found
 * @param bundle      the member checks' result (always present; not ok when damaged)
 * @param fingerprint the signing key's fingerprint ({@code sha256:<hex>} of its SubjectPublicKeyInfo) when valid
 * @param created     the signing time the bundle states when valid (not proven without a time-stamp)
 * @param software    the software the bundle says signed it, when valid
 * @param timestamp   the RFC 3161 time-stamp of a valid signature, or null when there is none
 * @param problem     what is wrong, in one line, unless the bundle is unsigned or valid
 */
public record SignatureCheck(Status status, BundleCheck bundle, String fingerprint, String created, String software,
                             Timestamp timestamp, String problem) {

    /** What a bundle's signature check found. */
    public enum Status {
        /** Intact, and not signed. */
        UNSIGNED,
        /** Intact, and signed by the key with {@link #fingerprint()}: nothing changed since it was signed. */
        VALID,
        /** Intact members, but the signature does not hold: a different hash, a bad signature or time-stamp. */
        INVALID,
        /** Signed in a form arca does not check (a domain certificate without a public key). */
        UNSUPPORTED,
        /** The bundle's content or structure changed: see {@link #bundle()} or {@link #problem()}. */
        DAMAGED
    }

    /**
     * A time-stamp on a valid signature.
     *
     * @param time      when the authority says it saw the signature
     * @param authority the authority's certificate subject
     * @param untrusted why its certificate chain leads to no trusted root, or null when it does
     */
    public record Timestamp(Instant time, String authority, String untrusted) {

        public boolean trusted() {
            return untrusted == null;
        }
    }

    /** Checks {@code bundle}, trusting the JVM's root certificates for time-stamps. */
    public static SignatureCheck verify(Path bundle) {
        return verify(bundle, () -> SystemRoots.ROOTS);
    }

    /** The JVM's roots, read once, when first needed. */
    private static final class SystemRoots {
        static final Collection<X509Certificate> ROOTS = TimestampAuthority.systemRoots();
    }

    /** Checks {@code bundle}, trusting {@code tsaRoots} for time-stamps; never throws for a bad bundle. */
    public static SignatureCheck verify(Path bundle, Collection<X509Certificate> tsaRoots) {
        return verify(bundle, () -> tsaRoots);
    }

    /** Checks {@code bundle}; the roots are asked for only when a signature has a time-stamp, since reading them takes time. */
    public static SignatureCheck verify(Path bundle, Supplier<Collection<X509Certificate>> tsaRoots) {
        BundleCheck members = BundleVerifier.verify(bundle);
        if (!members.ok()) {
            return new SignatureCheck(Status.DAMAGED, members, null, null, null, null, members.problem());
        }
        JsonNode digest;
        try (BundleReader reader = BundleReader.open(bundle); InputStream in = reader.member(BundleWriter.DIGEST_PATH)) {
            digest = BundleJson.MAPPER.readTree(in.readAllBytes());
        } catch (IOException e) {
            return damaged(members, e.getMessage());
        }
        JsonNode signed = digest.get("signedData");
        if (signed == null || signed.isNull()) {
            return new SignatureCheck(Status.UNSIGNED, members, null, null, null, null, null);
        }
        try {
            SignedZip.check(bundle);
        } catch (BundleException e) {
            return damaged(members, e.problem());
        } catch (IOException e) {
            return damaged(members, "cannot be read (" + MemberStream.describe(e) + ")");
        }
        if (!signed.isObject()) {
            return invalid(members, "signedData is not an object");
        }
        String hash = signed.path("hash").asText("");
        if (!hash.equals(digest.path("hash").asText())) {
            return invalid(members, "the signed hash is not the hash of " + BundleWriter.DATAPACKAGE_PATH);
        }
        if (!signed.hasNonNull("publicKey")) {
            return new SignatureCheck(signed.hasNonNull("domainCert") ? Status.UNSUPPORTED : Status.INVALID, members,
                    null, null, null, null, signed.hasNonNull("domainCert")
                    ? "signed with a domain certificate, which arca does not check" : "signedData has no publicKey");
        }
        byte[] spki;
        PublicKey key;
        byte[] signature;
        try {
            spki = Base64.getDecoder().decode(signed.path("publicKey").asText());
            key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
            signature = Base64.getDecoder().decode(signed.path("signature").asText());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return invalid(members, "signedData's publicKey or signature cannot be read");
        }
        if (!SigningKey.isP384(key)) {
            return invalid(members, "the public key is not an ECDSA P-384 key");
        }
        if (!verifies(key, signature, hash.getBytes(StandardCharsets.UTF_8))) {
            return invalid(members, "the signature does not match the key");
        }
        Timestamp timestamp = null;
        if (signed.hasNonNull("timeSignature")) {
            try {
                TimestampAuthority.Stamp stamp = TimestampAuthority.check(signed.path("timeSignature").asText(),
                        signed.path("signature").asText().getBytes(StandardCharsets.US_ASCII), tsaRoots.get());
                timestamp = new Timestamp(stamp.time(), stamp.authority(), stamp.untrustedWhy());
            } catch (IOException e) {
                return invalid(members, e.getMessage());
            }
        }
        return new SignatureCheck(Status.VALID, members, SigningKey.fingerprint(spki), text(signed, "created"),
                text(signed, "software"), timestamp, null);
    }

    private static boolean verifies(PublicKey key, byte[] signature, byte[] data) {
        try {
            Signature check = Signature.getInstance(SigningKey.ALGORITHM);
            check.initVerify(key);
            check.update(data);
            return check.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a signature of the wrong length or form
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static SignatureCheck invalid(BundleCheck members, String problem) {
        return new SignatureCheck(Status.INVALID, members, null, null, null, null, problem);
    }

    private static SignatureCheck damaged(BundleCheck members, String problem) {
        BundleCheck check = new BundleCheck(members.bundle(), members.bytes(), BundleException.Reason.CORRUPT, problem, members.index());
        return new SignatureCheck(Status.DAMAGED, check, null, null, null, null, problem);
    }
}
