package dev.arca.cli;

import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@code restore -o}: a path ending in / or an existing directory is a directory,
 * anything else a file, - is stdout; and no symbolic link below the target is ever followed.
 */
class RestoreTargetTest {

    private static final LoopbackServer SERVER = new LoopbackServer();

    @TempDir
    Path home;

    private Cli cli;
    private String id;
    private Path outside;

    @BeforeAll
    static void serve() {
        SERVER.html("/story.html", Fixtures.text("story.html"));
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @BeforeEach
    void archive() throws IOException {
        cli = new Cli(home);
        id = cli.run("fetch", SERVER.url("/story.html")).out().split("\t")[0];
        outside = Files.createDirectory(home.resolve("outside"));
    }

    @Test
    void pathEndingInSlashIsADirectoryEvenWhenItDoesNotExist() {
        Path dir = home.resolve("new");

        Cli.Result all = cli.run("restore", id, "-o", dir + "/");
        Cli.Result one = cli.run("restore", id, "--as", "markdown", "-o", home.resolve("one") + "/");

        assertThat(all.status()).as(all.err()).isZero();
        assertThat(all.out()).isEqualTo(dir.resolve(id) + "\n");
        assertThat(files(dir.resolve(id))).containsExactlyInAnyOrder("original.html", "article.html", "article.md",
                "article.txt", "article.json", id + ".warc.gz");
        assertThat(one.status()).as(one.err()).isZero();
        assertThat(one.out()).isEqualTo(home.resolve("one").resolve(id).resolve("article.md") + "\n");
        assertThat(files(home.resolve("one").resolve(id))).containsExactly("article.md");
    }

    @Test
    void existingDirectoryIsADirectoryAndAnythingElseAFile() throws IOException {
        Path dir = Files.createDirectory(home.resolve("existing"));

        Cli.Result intoDir = cli.run("restore", id, "--as", "original", "-o", dir.toString());
        Cli.Result toFile = cli.run("restore", id, "--as", "original", "-o", home.resolve("page").toString());

        assertThat(intoDir.status()).as(intoDir.err()).isZero();
        assertThat(dir.resolve(id).resolve("original.html")).hasBinaryContent(Fixtures.bytes("story.html"));
        assertThat(toFile.status()).as(toFile.err()).isZero();
        assertThat(toFile.out()).isEmpty();
        assertThat(home.resolve("page")).isRegularFile().hasBinaryContent(Fixtures.bytes("story.html"));
    }

    @Test
    void dashIsStdout() {
        Cli.Result r = cli.run("restore", id, "--as", "original", "-o", "-");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.outBytes()).isEqualTo(Fixtures.bytes("story.html"));
        assertThat(home.resolve("-")).doesNotExist();
    }

    @Test
    void everyFormNeedsADirectory() {
        Cli.Result file = cli.run("restore", id, "-o", home.resolve("restored").toString());
        Cli.Result stdout = cli.run("restore", id, "-o", "-");

        assertThat(file.status()).isEqualTo(2);
        assertThat(file.err()).startsWith("arca: -o " + home.resolve("restored") + " is a file, and every form needs a directory: write "
                + home.resolve("restored") + "/ (or create it first), or choose one form with --as\n");
        assertThat(stdout.status()).isEqualTo(2);
        assertThat(stdout.err()).startsWith("arca: -o - prints one form: give --as FORM\n");
        assertThat(home.resolve("restored")).doesNotExist();
    }

    @Test
    void refusesASymbolicLinkAtTheFileEvenWithForce() throws IOException {
        Path victim = Files.writeString(outside.resolve("victim.txt"), "keep me");
        Path link = Files.createSymbolicLink(home.resolve("story.md"), victim);
        Path dangling = Files.createSymbolicLink(home.resolve("new.md"), outside.resolve("created.md"));

        Cli.Result r = cli.run("restore", id, "--as", "markdown", "-o", link.toString(), "--force");
        Cli.Result d = cli.run("restore", id, "--as", "markdown", "-o", dangling.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("arca: refusing to write " + link + ": it is a symbolic link (write " + link
                + "/ to write into the directory it points to)\n");
        assertThat(d.status()).isEqualTo(1);
        assertThat(victim).hasContent("keep me");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(files(outside)).containsExactly("victim.txt");
    }

    @Test
    void refusesASymbolicLinkAtTheIdDirectory() throws IOException {
        Path dir = Files.createDirectory(home.resolve("restored"));
        Files.createSymbolicLink(dir.resolve(id), outside);

        Cli.Result r = cli.run("restore", id, "-o", dir + "/");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("arca: refusing to write " + dir.resolve(id)
                + ": it is a symbolic link, and arca does not follow links where it writes\n");
        assertThat(files(outside)).isEmpty();
    }

    @Test
    void refusesASymbolicLinkAtAnyFileInsideAndWritesNone() throws IOException {
        Path dir = Files.createDirectories(home.resolve("restored").resolve(id));
        Path victim = Files.writeString(outside.resolve("victim.json"), "keep me");
        Files.createSymbolicLink(dir.resolve("article.json"), victim);

        Cli.Result r = cli.run("restore", id, "-o", home.resolve("restored") + "/", "--force");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("arca: refusing to write " + dir.resolve("article.json")
                + ": it is a symbolic link, and arca does not follow links where it writes\n");
        assertThat(victim).hasContent("keep me");
        assertThat(files(dir)).containsExactly("article.json");
        assertThat(files(outside)).containsExactly("victim.json");
    }

    @Test
    void aLinkTheUserNamesWithASlashIsTheirDirectory() throws IOException {
        Path link = Files.createSymbolicLink(home.resolve("link"), outside);

        Cli.Result bare = cli.run("restore", id, "-o", link.toString());
        Cli.Result slash = cli.run("restore", id, "-o", link + "/");

        assertThat(bare.status()).isEqualTo(1);
        assertThat(bare.err()).contains("it is a symbolic link");
        assertThat(slash.status()).as(slash.err()).isZero();
        assertThat(outside.resolve(id).resolve("article.md")).isRegularFile();
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        assertThat(cli.run("restore", id, "-o", home.resolve("restored") + "/").status()).isZero();
        assertThat(cli.run("restore", id, "-o", home.resolve("restored") + "/", "--force").status()).isZero();

        assertThat(files(home.resolve("restored").resolve(id))).hasSize(6).noneMatch(n -> n.startsWith("."));
    }

    private static List<String> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
