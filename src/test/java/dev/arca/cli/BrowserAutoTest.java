package dev.arca.cli;

import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackCliTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default {@code --browser auto} starts no browser for a page that needs none, so that ordinary
 * pages are fetched as fast as before. Its "Chromium" is a script that notes each start and fails:
 * no real browser is needed, and a start cannot go unseen.
 */
class BrowserAutoTest extends LoopbackCliTest {

    private Path started;

    @BeforeEach
    void fakeChromium() throws Exception {
        started = home.resolve("chromium-started");
        Path chromium = home.resolve("chromium");
        Files.writeString(chromium, "#!/bin/sh\necho started >> '" + started + "'\nexit 1\n");
        Files.setPosixFilePermissions(chromium, PosixFilePermissions.fromString("rwx------"));
        cli.env("ARCA_CHROMIUM", chromium.toString());
    }

    @Test
    void anOrdinaryPageNeverStartsTheBrowser() throws Exception {
        server.html("/story.html", Fixtures.text("story.html"));
        server.html("/other.html", Fixtures.text("story.html"));

        Cli.Result r = cli.run("fetch", "--json", server.url("/story.html"), server.url("/other.html"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"warnings\":[]").doesNotContain("browser");
        assertThat(started).doesNotExist();
    }

    @Test
    void aPageBuiltByJavaScriptStartsItAndIsArchivedAsServedWhenItFails() throws Exception {
        server.html("/app/", Fixtures.text("shell-loading.html"));

        Cli.Result r = cli.run("fetch", "--json", server.url("/app/"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"status\":\"archived\"")
                .contains("the browser could not capture the page").contains("needs a browser to show its content");
        assertThat(started).exists();
    }
}
