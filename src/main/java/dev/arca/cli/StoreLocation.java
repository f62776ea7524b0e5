package dev.arca.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the store lives, and why: {@code --store}, else {@code $ARCA_STORE}, else the config
 * file's {@code store}, else {@code $XDG_DATA_HOME/arca}, else {@code ~/.local/share/arca}.
 *
 * @param path   the store directory, absolute
 * @param source where the choice came from, e.g. "--store" or "environment ARCA_STORE"
 */
record StoreLocation(Path path, String source) {

    /** The store directory, from the option, the environment or the XDG default. */
    static Path resolve(Path option, Map<String, String> env, Path home) {
        return choose(option, env, null, home).path();
    }

    /**
     * @param option     the {@code --store} value, or null
     * @param env        the process environment
     * @param configured the config file's {@code store} value, or null; {@code ~/} means home
     * @param home       the user's home directory
     */
    static StoreLocation choose(Path option, Map<String, String> env, String configured, Path home) {
        if (option != null) {
            return new StoreLocation(option.toAbsolutePath().normalize(), "--store");
        }
        String arcaStore = env.get("ARCA_STORE");
        if (arcaStore != null && !arcaStore.isBlank()) {
            return new StoreLocation(Path.of(arcaStore).toAbsolutePath().normalize(), "environment ARCA_STORE");
        }
        if (configured != null && !configured.isBlank()) {
            String value = configured.strip();
            Path path = value.equals("~") || value.startsWith("~/") ? home.resolve(value.substring(Math.min(2, value.length()))) : Path.of(value);
            return new StoreLocation(path.toAbsolutePath().normalize(), "config file");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return new StoreLocation(Path.of(xdg, "arca").normalize(), "environment XDG_DATA_HOME");
        }
        return new StoreLocation(home.resolve(".local/share/arca").toAbsolutePath().normalize(), "default");
    }
}
