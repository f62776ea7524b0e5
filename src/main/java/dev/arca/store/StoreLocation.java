package dev.arca.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the store lives: {@code --store}, else {@code $ARCA_STORE}, else
 * {@code $XDG_DATA_HOME/arca}, else {@code ~/.local/share/arca}.
 */
public final class StoreLocation {

    private StoreLocation() {
    }

    /**
     * @param option the {@code --store} value, or null
     * @param env    the process environment
     * @param home   the user's home directory
     */
    public static Path resolve(Path option, Map<String, String> env, Path home) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String arcaStore = env.get("ARCA_STORE");
        if (arcaStore != null && !arcaStore.isBlank()) {
            return Path.of(arcaStore).toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "arca").normalize();
        }
        return home.resolve(".local/share/arca").toAbsolutePath().normalize();
    }
}
