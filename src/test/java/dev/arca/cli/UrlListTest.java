package dev.arca.cli;

import dev.arca.testing.Cli;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Lists for -i: a line too long to be a URL is one failed input, and the run goes on. */
class UrlListTest {

    @TempDir
    Path home;

    @AutoClose
    private final LoopbackServer server = new LoopbackServer();

    @Test
    void lineLongerThanTheBoundIsOneFailedInputAndTheRunGoesOn() throws Exception {
        server.html("/a", BatchFetchTest.article("Story A", "The text of story A."));
        server.html("/b", BatchFetchTest.article("Story B", "The text of story B."));
        String longPath = "/u/" + "a".repeat(10_000);
        server.html(longPath, BatchFetchTest.article("Long", "A page with a long URL."));
        Path list = home.resolve("list.txt");
        Files.writeString(list, server.url("/a") + "\n" + "x".repeat(1 << 20) + "\n" + server.url(longPath) + "\n"
                + server.url("/b") + "\n", StandardCharsets.UTF_8);
        Cli cli = new Cli(home);

        Cli.Result r = cli.run("fetch", "--delay", "0", "-i", list.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.lines()).hasSize(4);
        assertThat(r.out()).contains("\tStory A\t" + server.url("/a") + "\n", "\tLong\t" + server.url(longPath) + "\n",
                "\tStory B\t" + server.url("/b") + "\n",
                "-\t\t" + list + ":2\tfailed: the line is longer than 64 KiB (1048576 characters), so it is not a URL\n");
        assertThat(r.err()).contains("arca: fetch " + list + ":2: the line is longer than 64 KiB (1048576 characters), so it is not a URL\n")
                .contains("archived 3, unchanged 0, skipped 0, failed 1");
        assertThat(cli.bundles()).hasSize(3);
    }

    @Test
    void stdinListsAreBoundedToo() {
        server.html("/a", BatchFetchTest.article("Story A", "The text of story A."));
        byte[] list = ("y".repeat(70_000) + "\n" + server.url("/a") + "\r\n").getBytes(StandardCharsets.UTF_8);

        Cli.Result r = new Cli(home).runWithInput(list, "fetch", "--delay", "0", "-i", "-");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("-\t\tstdin:1\tfailed: the line is longer than 64 KiB (70000 characters), so it is not a URL\n",
                "\tStory A\t" + server.url("/a") + "\n");
    }
}
