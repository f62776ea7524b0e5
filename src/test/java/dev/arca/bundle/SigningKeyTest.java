package dev.arca.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void createdKeyIsOwnerOnlyAndLoadsBackWithTheSameFingerprint() throws Exception {
        Path file = dir.resolve("keys/arca-signing.pem");

        SigningKey created = SigningKey.create(file);
        SigningKey loaded = SigningKey.load(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(loaded.fingerprint()).isEqualTo(created.fingerprint()).matches("sha256:[0-9a-f]{64}");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n").contains("-----BEGIN PUBLIC KEY-----\n");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary file left
        }
    }

    @Test
    void twoKeysHaveDifferentFingerprints() throws Exception {
        assertThat(SigningKey.create(dir.resolve("a.pem")).fingerprint()).isNotEqualTo(SigningKey.create(dir.resolve("b.pem")).fingerprint());
    }

    @Test
    void createNeverReplacesAKey() throws Exception {
        Path file = dir.resolve("k.pem");
        String first = SigningKey.create(file).fingerprint();

        assertThatThrownBy(() -> SigningKey.create(file)).isInstanceOf(KeyFileException.class)
                .hasMessage(file + " already exists; arca never replaces a key");
        assertThat(SigningKey.load(file).fingerprint()).isEqualTo(first);
    }

    @Test
    void createRefusesALinkedDirectoryAndLoadRefusesALinkedFile() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        SigningKey.create(real.resolve("k.pem"));
        Path linkedFile = Files.createSymbolicLink(dir.resolve("k.pem"), real.resolve("k.pem"));

        assertThatThrownBy(() -> SigningKey.create(link.resolve("new.pem"))).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("is a symbolic link");
        assertThat(Files.exists(real.resolve("new.pem"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThatThrownBy(() -> SigningKey.load(linkedFile)).isInstanceOf(KeyFileException.class)
                .hasMessage(linkedFile + " is a symbolic link; arca reads a key only from a real file");
    }

    @Test
    void loadRefusesAKeyOthersCanRead() throws Exception {
        Path file = dir.resolve("k.pem");
        SigningKey.create(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(() -> SigningKey.load(file)).isInstanceOf(KeyFileException.class)
                .hasMessage(file + " has permissions 0640, which let others read or change it; the key must be readable"
                        + " by its owner only (chmod 600 " + file + ")");
    }

    @Test
    void loadRefusesAFileThatIsNoKey() throws Exception {
        Path file = Files.writeString(dir.resolve("k.pem"), "not a key\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> SigningKey.load(file)).isInstanceOf(KeyFileException.class)
                .hasMessage(file + " is not an arca signing key (a PRIVATE KEY and a PUBLIC KEY in PEM)");
        assertThatThrownBy(() -> SigningKey.load(dir.resolve("missing.pem"))).isInstanceOf(KeyFileException.class)
                .hasMessage(dir.resolve("missing.pem") + " does not exist");
    }
}
