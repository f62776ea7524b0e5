package dev.arca.store;

import dev.arca.testing.Jar;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.Tmpfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A store on a real small or read-only file system: a tmpfs mounted in a private mount namespace
 * ({@code unshare -m}), so nothing outlives the test. Skipped where mounting is not allowed.
 */
class StoreFilesystemIT {

    @TempDir
    Path dir;

    private LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Tmpfs.available(dir), "needs unshare -m and mount (root in a namespace-capable container)");
        server = new LoopbackServer();
        server.html("/small.html", "<title>Small</title><p>A small story.</p>");
        byte[] noise = new byte[3 << 20];
        new Random(7).nextBytes(noise);
        server.html("/big.html", "<title>Big</title><p>" + Base64.getEncoder().encodeToString(noise) + "</p>");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Runs {@code script} where {@code $FS} is a fresh tmpfs of {@code size} holding the store. */
    private Jar.Run inTmpfs(String size, String script) throws Exception {
        return Tmpfs.run(dir, size, script.replace("ARCA", "ARCA --store \"$FS/store\""));
    }

    @Test
    void diskFullLeavesNoPartialFileAndKeepsEarlierBundles() throws Exception {
        Jar.Run r = inTmpfs("2m", "ARCA fetch " + server.url("/small.html") + " " + server.url("/big.html")
                + "; echo \"fetch=$?\" >&2; ARCA verify; echo FILES;"
                + " find \"$FS/store\" -type f | sed 's|.*/||' | grep -v -e '^index\\.sqlite' -e '^\\.lock$'");

        String month = "\\S+/store/\\d{4}/\\d{2}";
        assertThat(r.err()).containsPattern("arca: fetch " + server.url("/big.html") + ": cannot write a bundle in "
                + month + ": No space left on device; nothing was stored\n");
        assertThat(r.err()).contains("fetch=1").contains("1 ok, 0 damaged");
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("[0-9a-z]{11}\tSmall\t" + java.util.regex.Pattern.quote(server.url("/small.html")));
        String id = lines.get(0).substring(0, 11);
        assertThat(lines).contains(id + "\tok");
        assertThat(lines.subList(lines.indexOf("FILES") + 1, lines.size())).as("files besides the index and the lock")
                .containsExactly(id + ".wacz");
    }

    @Test
    void readOnlyStoreFailsClearlyAndStaysReadable() throws Exception {
        Jar.Run r = inTmpfs("4m", "ARCA fetch " + server.url("/small.html") + " && mount -o remount,ro \"$FS\" && ARCA fetch "
                + server.url("/small.html") + "; echo \"fetch=$?\" >&2; ARCA list; ARCA verify");

        assertThat(r.err()).containsPattern("arca: cannot write to the store \\S+/store: Read-only file system;"
                + " nothing was stored \\(choose a writable store with --store or ARCA_STORE\\)\n");
        assertThat(r.err()).contains("fetch=1").contains("1 ok, 0 damaged");
        assertThat(r.out()).contains("Small");
    }
}
