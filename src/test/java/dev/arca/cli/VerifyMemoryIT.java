package dev.arca.cli;

import dev.arca.testing.Bundles;
import dev.arca.testing.Jar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** verify streams: a bundle several times larger than the heap is checked in a 32 MiB JVM. */
class VerifyMemoryIT {

    @TempDir
    Path dir;

    @Test
    void verifiesABundleLargerThanTheHeap() throws Exception {
        byte[] noise = new byte[75 << 20];
        new Random(3).nextBytes(noise);
        byte[] page = ("<title>Large</title><p>" + Base64.getEncoder().encodeToString(noise) + "</p>").getBytes(StandardCharsets.US_ASCII);
        String url = "http://example.com/large";
        Path bundle = Bundles.write(dir.resolve("store/2024/01/1n000000aaa.wacz"), Bundles.capture(url, page),
                Bundles.article(url, "Large", "A small article from a large page."));
        assertThat(Files.size(bundle)).isGreaterThan(64L << 20);

        Jar.Run run = Jar.run(Jar.withHeap("32m", "--store", dir.resolve("store").toString(), "verify"), dir);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("1n000000aaa\tok\n");
    }
}
