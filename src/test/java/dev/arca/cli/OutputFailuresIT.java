package dev.arca.cli;

import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.Jar;
import dev.arca.testing.LoopbackServer;
import dev.arca.testing.Tmpfs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Failed writes through the packaged jar: stdout on /dev/full for every command that prints, a
 * pipe whose reader went away, a full disk under restore -o and extract --output-dir (a small
 * tmpfs, where the machine allows mounting one), and the umask of restored files.
 */
class OutputFailuresIT {

    private static final String FULL = "arca: cannot write to standard output: No space left on device\n";

    @TempDir
    static Path dir;

    private static LoopbackServer server;
    private static Path store;
    private static String story;
    private static String big;
    private static Path pages;

    @BeforeAll
    static void archive() throws Exception {
        server = new LoopbackServer();
        server.html("/story.html", Fixtures.text("story.html"));
        byte[] noise = new byte[1 << 20];
        new Random(7).nextBytes(noise);
        String bigPage = "<title>Big</title><p>" + Base64.getEncoder().encodeToString(noise) + "</p>";
        server.html("/big.html", bigPage);
        Cli cli = new Cli(dir);
        store = cli.store();
        story = cli.run("fetch", server.url("/story.html")).out().split("\t")[0];
        big = cli.run("fetch", server.url("/big.html")).out().split("\t")[0];
        pages = Files.createDirectories(dir.resolve("pages"));
        Files.writeString(pages.resolve("story.html"), Fixtures.text("story.html"));
        Files.writeString(pages.resolve("big.html"), bigPage);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "list --json", "list --format csv", "search harbour", "show STORY", "stats",
            "verify", "config", "completion bash", "--help", "--version", "list --help", "restore STORY --as original",
            "restore STORY --as markdown -o -", "extract PAGES/story.html", "fetch STORY_URL"})
    void stdoutOnDevFullIsExitOneAndOneLine(String command) throws Exception {
        List<String> args = new ArrayList<>(List.of("--store", store.toString()));
        for (String arg : command.split(" ")) {
            args.add(arg.replace("STORY_URL", server.url("/story.html")).replace("STORY", story)
                    .replace("PAGES", pages.toString()));
        }

        Jar.Run r = Jar.run(Jar.command(args.toArray(String[]::new)), dir, new File("/dev/full"));

        assertThat(r.status()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(FULL);
    }

    @Test
    void closedPipeIsQuietWithTheStatusOfSigpipe() throws Exception {
        Path err = dir.resolve("pipe-err.txt");
        String arca = String.join(" ", Jar.command("--store", store.toString(), "restore", big, "--as", "original"));

        Jar.Run r = Jar.run(List.of("bash", "-c", arca + " 2>" + err + " | head -c 1 >/dev/null; echo \"${PIPESTATUS[0]}\""), dir);

        assertThat(r.out()).isEqualTo(ExitCodes.PIPE_CLOSED + "\n");
        assertThat(err).isEmptyFile();
    }

    @Test
    void fullDiskUnderRestoreAndExtractLeavesNoPartialFile() throws Exception {
        assumeTrue(Tmpfs.available(dir), "needs unshare -m and mount (root in a namespace-capable container)");
        String arca = "ARCA --store " + store;

        Jar.Run r = Tmpfs.run(dir, "256k", arca + " restore " + big + " --as original -o \"$FS/page.html\"; echo \"file=$?\";"
                + arca + " restore " + big + " -o \"$FS/all/\"; echo \"all=$?\";"
                + arca + " extract --input-dir " + pages + " --output-dir \"$FS/out\" --format html --jobs 1; echo \"extract=$?\";"
                + " cd \"$FS\" && find . -type f | sort");

        List<String> out = r.out().lines().toList();
        assertThat(out).as(r.err()).startsWith("file=1", "all=1", "extract=1");
        assertThat(out.subList(3, out.size())).as("files left on the full disk").containsExactly("./out/story.html");
        List<String> errors = r.err().lines().toList();
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).matches("arca: cannot write \\S+/page\\.html: No space left on device");
        assertThat(errors.get(1)).matches("arca: cannot write \\S+/all/" + big + "/original\\.html: No space left on device");
        assertThat(errors.get(2)).matches("arca: extract \\S+/big\\.html: cannot write \\S+/out/big\\.html: No space left on device");
    }

    @Test
    void restoredFilesHonourTheUmask() throws Exception {
        for (String umask : List.of("022", "027")) {
            Path target = dir.resolve("umask-" + umask);
            String arca = String.join(" ", Jar.command("--store", store.toString(), "restore", story, "-o", target + "/"));

            Jar.Run r = Jar.run(List.of("sh", "-c", "umask " + umask + " && " + arca + " && stat -c '%a %n' "
                    + target.resolve(story) + " " + target.resolve(story).resolve("article.md")), dir);

            assertThat(r.status()).as(r.err()).isZero();
            String file = umask.equals("022") ? "644" : "640";
            String directory = umask.equals("022") ? "755" : "750";
            assertThat(r.out().lines().skip(1).toList()).containsExactly(directory + " " + target.resolve(story),
                    file + " " + target.resolve(story).resolve("article.md"));
        }
    }
}
