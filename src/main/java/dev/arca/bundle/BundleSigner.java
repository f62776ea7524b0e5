package dev.arca.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;

/**
 * Signs bundles as the WACZ signing specification's anonymous form does: {@code datapackage-digest.json}
 * gets a {@code signedData} object,
 * <pre>{"hash", "signature", "publicKey", "created", "software"}</pre>
 * where {@code hash} is the digest file's own hash of {@code datapackage.json}
 * ({@code sha256:<hex>}), {@code signature} the base64 of an ECDSA P-384 / SHA-256 signature, as
 * r||s, of that hash string's UTF-8 bytes, {@code publicKey} the base64 of the key's
 * SubjectPublicKeyInfo DER, and {@code created} the signing time ({@code 2026-11-28T09:14:02Z}).
 *
 * <p>With a {@link TimestampAuthority}, the signature is time-stamped as authsign does it:
 * {@code timeSignature} holds the base64 DER of the RFC 3161 response over the {@code signature}
 * string's bytes, and {@code timestampCert} the PEM certificates the token carries. The spec names
 * these fields for its domain-certificate form; here they sit next to {@code publicKey}, which
 * readers that do not know them (wabac.js) ignore.
 */
public final class BundleSigner {

    private final SigningKey key;
    private final String software;
    private final TimestampAuthority tsa;

    /** Signs with {@code key}, naming {@code software} (e.g. "arca 0.1.0"), without a time-stamp. */
    public BundleSigner(SigningKey key, String software) {
        this(key, software, null);
    }

    /** Signs with {@code key} and has each signature time-stamped by {@code tsa}. */
    public BundleSigner(SigningKey key, String software, TimestampAuthority tsa) {
        this.key = key;
        this.software = software;
        this.tsa = tsa;
    }

    /** The signing key's fingerprint, {@code sha256:<hex>}. */
    public String fingerprint() {
        return key.fingerprint();
    }

    /** The {@code signedData} object for a digest file whose hash of datapackage.json is {@code hash}. */
    Map<String, Object> signedData(String hash) throws IOException {
        String signature = Base64.getEncoder().encodeToString(key.sign(hash.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("hash", hash);
        signed.put("signature", signature);
        signed.put("publicKey", key.publicKeyBase64());
        signed.put("created", BundleWriter.rfc3339(Instant.now()));
        signed.put("software", software);
        if (tsa != null) {
            byte[] response = tsa.stamp(signature.getBytes(StandardCharsets.US_ASCII));
            signed.put("timeSignature", Base64.getEncoder().encodeToString(response));
            signed.put("timestampCert", TimestampAuthority.certificates(response));
        }
        return signed;
    }

    /**
     * Signs the bundle at {@code bundle} in place, replacing any signature it had. Only
     * {@code datapackage-digest.json} changes: every other member is copied as it is stored,
     * compressed bytes and all. The new file is written next to the old one and renamed over it,
     * so a crash leaves the bundle as it was. A damaged bundle, or one behind a symbolic link, is
     * refused.
     */
    public void sign(Path bundle) throws IOException {
        if (Files.isSymbolicLink(bundle)) {
            throw new BundleException(bundle, BundleException.Reason.UNSAFE, "is a symbolic link; arca never writes through links");
        }
        String hash;
        try (BundleReader reader = BundleReader.open(bundle)) {
            BundleVerifier.check(reader);
            JsonNode digest;
            try (InputStream in = reader.member(BundleWriter.DIGEST_PATH)) {
                digest = BundleJson.MAPPER.readTree(in.readAllBytes());
            }
            hash = digest.path("hash").asText();
        }
        replaceDigest(bundle, BundleWriter.digestFile(hash, signedData(hash)));
    }

    /** Writes {@code bundle} again with {@code digestFile} as its digest file, the other members copied as stored. */
    static void replaceDigest(Path bundle, byte[] digestFile) throws IOException {
        Path dir = bundle.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + bundle.getFileName() + ".", ".signing");
        try {
            try (ZipFile zip = ZipFile.builder().setPath(bundle).get();
                 FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                OutputStream out = Channels.newOutputStream(channel);
                ZipArchiveOutputStream copy = new ZipArchiveOutputStream(new java.io.BufferedOutputStream(out, 1 << 16));
                long time = 0;
                for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                    if (entry.getName().equals(BundleWriter.DIGEST_PATH)) {
                        time = entry.getTime();
                        continue;
                    }
                    try (InputStream raw = zip.getRawInputStream(entry)) {
                        copy.addRawArchiveEntry(plain(entry), raw);
                    }
                }
                ZipArchiveEntry digest = new ZipArchiveEntry(BundleWriter.DIGEST_PATH);
                digest.setTime(time);
                digest.setUnixMode(0100644);
                digest.setMethod(ZipEntry.DEFLATED);
                copy.putArchiveEntry(digest);
                copy.write(digestFile);
                copy.closeArchiveEntry();
                copy.finish();
                copy.flush();
                channel.force(true);
            }
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(bundle));
            Files.move(temp, bundle, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The entry's name, method, time, CRC and sizes, and nothing else it may have carried. */
    private static ZipArchiveEntry plain(ZipArchiveEntry entry) {
        ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
        copy.setMethod(entry.getMethod());
        copy.setTime(entry.getTime());
        copy.setCrc(entry.getCrc());
        copy.setSize(entry.getSize());
        copy.setCompressedSize(entry.getCompressedSize());
        copy.setUnixMode(0100644);
        return copy;
    }
}
