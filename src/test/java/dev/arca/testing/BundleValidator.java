package dev.arca.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ../shared/validate/validate-bundle}, the independent checkers (WACZ structure, jwarc
 * validate, warcio.js, wabac.js replay), when they and their tools are on this machine.
 */
public final class BundleValidator {

    private static final Path SCRIPT = Path.of("..", "shared", "validate", "validate-bundle").toAbsolutePath().normalize();

    private BundleValidator() {
    }

    /** True when the validator and node, npm and bash are present. */
    public static boolean available() {
        return Files.isRegularFile(SCRIPT) && onPath("node") && onPath("npm") && onPath("bash");
    }

    /** Validates {@code bundle}; returns the validator's whole output, whose last line is "ALL PASS" on success. */
    public static String validate(Path bundle, String expectedText) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), bundle.toString(), expectedText)
                .redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return "FAILED: validator timed out";
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String command) {
        return Programs.find(command).isPresent();
    }
}
