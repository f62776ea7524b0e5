package dev.arca.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ECDSA P-384 key pair that signs bundles, kept in one PEM file (the private key as PKCS#8,
 * then the public key as SubjectPublicKeyInfo) that only its owner may read.
 *
 * <p>P-384, not P-256: the anonymous WACZ signature ({@code signedData.publicKey}) is checked by
 * ReplayWeb.page's engine, wabac.js, which imports the key as P-384 and refuses any other curve.
 *
 * <p>The file is created atomically (written in full under a temporary name, then linked to its
 * name, which fails rather than replace a file that is there), with mode 0600 in a directory of
 * mode 0700; neither creating nor loading follows a symbolic link. Loading refuses a file that
 * its group or others may read or write, as ssh does, with one line that says how to mend it.
 *
 * <p>The fingerprint is the SHA-256 of the public key's SubjectPublicKeyInfo DER, written
 * {@code sha256:<64 lowercase hex digits>} like every other hash in a bundle.
 */
public final class SigningKey {

    /** The curve, as the JDK names it. */
    static final String CURVE = "secp384r1";
    /** ECDSA over SHA-256 with the signature as r||s (IEEE P1363), as WebCrypto writes and reads it. */
    static final String ALGORITHM = "SHA256withECDSAinP1363Format";

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final int MAX_FILE = 16 << 10;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /**
     * Makes a new key and writes it to {@code file}, creating its directory (mode 0700) if needed.
     * Fails with a {@link KeyFileException} if the file exists or a link is in the way.
     */
    public static SigningKey create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isSymbolicLink(dir)) {
            throw new KeyFileException(dir + " is a symbolic link; arca writes keys only in a real directory");
        }
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new KeyFileException(file + " already exists; arca never replaces a key");
        }
        KeyPair pair = generate();
        String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                 OutputStream out = Channels.newOutputStream(channel)) {
                out.write(pem.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                channel.force(true);
            }
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException(file + " already exists; arca never replaces a key");
        } finally {
            Files.deleteIfExists(temp);
        }
        return new SigningKey(pair.getPrivate(), pair.getPublic());
    }

    /** Reads the key at {@code file}; fails with a {@link KeyFileException} that says what is wrong in one line. */
    public static SigningKey load(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new KeyFileException(file + " is a symbolic link; arca reads a key only from a real file");
        }
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(file + " does not exist");
        }
        if (!OWNER_ONLY.containsAll(mode)) {
            throw new KeyFileException(file + " has permissions " + octal(mode)
                    + ", which let others read or change it; the key must be readable by its owner only (chmod 600 " + file + ")");
        }
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            if (channel.size() > MAX_FILE) {
                throw new KeyFileException(file + " is " + channel.size() + " bytes, too large for a key");
            }
            bytes = Channels.newInputStream(channel).readAllBytes();
        }
        Matcher pem = PEM.matcher(new String(bytes, StandardCharsets.US_ASCII));
        byte[] privateDer = null;
        byte[] publicDer = null;
        while (pem.find()) {
            byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
            if (pem.group(1).equals("PRIVATE KEY")) {
                privateDer = der;
            } else if (pem.group(1).equals("PUBLIC KEY")) {
                publicDer = der;
            }
        }
        if (privateDer == null || publicDer == null) {
            throw new KeyFileException(file + " is not an arca signing key (a PRIVATE KEY and a PUBLIC KEY in PEM)");
        }
        try {
            KeyFactory ec = KeyFactory.getInstance("EC");
            SigningKey key = new SigningKey(ec.generatePrivate(new PKCS8EncodedKeySpec(privateDer)),
                    ec.generatePublic(new X509EncodedKeySpec(publicDer)));
            if (!isP384(key.publicKey) || !key.verifies()) {
                throw new KeyFileException(file + " does not hold a matching ECDSA P-384 key pair");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyFileException(file + " is not an arca signing key (" + e.getMessage() + ")");
        }
    }

    /** {@code sha256:<hex>} of the public key's SubjectPublicKeyInfo DER. */
    public String fingerprint() {
        return fingerprint(publicKey.getEncoded());
    }

    static String fingerprint(byte[] subjectPublicKeyInfo) {
        return Digests.sha256(subjectPublicKeyInfo);
    }

    /** The public key as WACZ's {@code signedData.publicKey} holds it: base64 of its SubjectPublicKeyInfo DER. */
    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The r||s signature of {@code data}. */
    byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA signing is missing from this JVM", e);
        }
    }

    private boolean verifies() throws GeneralSecurityException {
        byte[] probe = "arca key check".getBytes(StandardCharsets.US_ASCII);
        Signature check = Signature.getInstance(ALGORITHM);
        check.initVerify(publicKey);
        check.update(probe);
        return check.verify(sign(probe));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA P-384 is missing from this JVM", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission p : mode) {
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", bits);
    }

    /** Whether {@code key} is an EC key on P-384, told by its field and order sizes, all the JDK exposes of the curve. */
    static boolean isP384(PublicKey key) {
        return key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 384
                && ec.getParams().getOrder().bitLength() == 384;
    }
}
