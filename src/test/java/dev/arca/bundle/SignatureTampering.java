package dev.arca.bundle;

import java.nio.file.Path;
import java.util.Base64;

/** Breaks a signed bundle's signature and nothing else, for tests of other packages that need an invalid one. */
public final class SignatureTampering {

    private SignatureTampering() {
    }

    /** Flips one bit of the signature, keeping the bundle's layout and every other byte's meaning. */
    public static void flipSignatureBit(Path bundle) throws Exception {
        BundleSignerTest.rewriteSigned(bundle, signed -> {
            byte[] signature = Base64.getDecoder().decode(signed.get("signature").asText());
            signature[10] ^= 1;
            signed.put("signature", Base64.getEncoder().encodeToString(signature));
        });
    }
}
