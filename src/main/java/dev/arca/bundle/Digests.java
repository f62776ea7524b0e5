package dev.arca.bundle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests in the {@code sha256:<lowercase hex>} form that WARC and WACZ both use. */
public final class Digests {

    private Digests() {
    }

    /** A fresh SHA-256 digester. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** {@code sha256:<hex>} of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        return prefixed(sha256().digest(bytes));
    }

    /** {@code sha256:<hex>} of a finished digest. */
    public static String prefixed(byte[] digest) {
        return "sha256:" + HexFormat.of().formatHex(digest);
    }
}
