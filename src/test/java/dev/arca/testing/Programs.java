package dev.arca.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds external programs on {@code PATH}, for tests that skip when a tool is not installed. */
public final class Programs {

    private Programs() {
    }

    /** The first of {@code names} found as an executable on {@code PATH}. */
    public static Optional<Path> find(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = dir.isEmpty() ? null : Path.of(dir, name);
                if (candidate != null && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
