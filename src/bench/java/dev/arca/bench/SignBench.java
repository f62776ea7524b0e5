package dev.arca.bench;

import dev.arca.bundle.BundleSigner;
import dev.arca.bundle.BundleVerifier;
import dev.arca.bundle.SignatureCheck;
import dev.arca.bundle.SigningKey;
import dev.arca.testing.Bundles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Signing and verification time per bundle: signs one small bundle in place N times, then times
 * {@link BundleVerifier#verify} (members only) next to {@link SignatureCheck#verify} (members,
 * ZIP layout, signature), and prints medians. Usage: {@code SignBench [RUNS]} (default 200).
 */
public final class SignBench {

    private SignBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("arca-sign-bench");
        Path bundle = Bundles.write(dir.resolve("b.wacz"));
        SigningKey key = SigningKey.create(dir.resolve("keys/key.pem"));
        BundleSigner signer = new BundleSigner(key, "arca bench");
        long[] sign = new long[runs];
        long[] members = new long[runs];
        long[] signature = new long[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            signer.sign(bundle);
            long t1 = System.nanoTime();
            BundleVerifier.verify(bundle);
            long t2 = System.nanoTime();
            SignatureCheck check = SignatureCheck.verify(bundle, List.of());
            long t3 = System.nanoTime();
            if (check.status() != SignatureCheck.Status.VALID) {
                throw new IllegalStateException(check.problem());
            }
            sign[r] = t1 - t0;
            members[r] = t2 - t1;
            signature[r] = t3 - t2;
        }
        System.out.printf("bundle %d bytes, %d runs: sign in place %s; verify members %s; verify signature (members, layout, signature) %s%n",
                Files.size(bundle), runs, median(sign), median(members), median(signature));
    }

    private static String median(long[] nanos) {
        long first = nanos[0];
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("median %.2f ms (first %.1f ms)", sorted[sorted.length / 2] / 1e6, first / 1e6);
    }
}
