package dev.arca.cli;

import dev.arca.testing.Jar;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A list with a 100 MB line, read by the packaged jar in a 32 MiB heap: one failed input, the rest archived. */
class HugeListLineIT {

    @TempDir
    Path dir;

    @Test
    void hundredMegabyteLineCostsNoHeap() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.html("/a", BatchFetchTest.article("Story A", "The text of story A."));
            Path list = dir.resolve("list.txt");
            try (BufferedWriter out = Files.newBufferedWriter(list, StandardCharsets.UTF_8)) {
                String chunk = "https://example.com/".repeat(1 << 10);
                for (int i = 0; i < 100_000_000 / chunk.length(); i++) {
                    out.write(chunk);
                }
                out.write("\n" + server.url("/a") + "\n");
            }

            Jar.Run run = Jar.run(Jar.withHeap("32m", "--store", dir.resolve("store").toString(), "fetch", "--delay", "0",
                    "-i", list.toString()), dir);

            assertThat(run.status()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains("arca: fetch " + list + ":1: the line is longer than 64 KiB")
                    .doesNotContain("out of memory");
            assertThat(run.out()).contains("\tStory A\t" + server.url("/a") + "\n");
        }
    }
}
