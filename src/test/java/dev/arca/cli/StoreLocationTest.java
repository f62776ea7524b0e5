package dev.arca.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoreLocationTest {

    @Test
    void resolvesLocationInDocumentedOrder() {
        Path home = Path.of("/home/u");

        assertThat(StoreLocation.resolve(Path.of("/opt/s"), Map.of("ARCA_STORE", "/e"), home)).isEqualTo(Path.of("/opt/s"));
        assertThat(StoreLocation.resolve(null, Map.of("ARCA_STORE", "/e", "XDG_DATA_HOME", "/x"), home)).isEqualTo(Path.of("/e"));
        assertThat(StoreLocation.resolve(null, Map.of("XDG_DATA_HOME", "/x"), home)).isEqualTo(Path.of("/x/arca"));
        assertThat(StoreLocation.resolve(null, Map.of("XDG_DATA_HOME", "relative"), home)).isEqualTo(Path.of("/home/u/.local/share/arca"));
        assertThat(StoreLocation.resolve(null, Map.of(), home)).isEqualTo(Path.of("/home/u/.local/share/arca"));
    }
}
