package dev.arca.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arca.testing.Cli;
import dev.arca.testing.Fixtures;
import dev.arca.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class ConfigFileTest {

    @TempDir
    Path home;

    private LoopbackServer server;
    private Cli cli;
    private Path configFile;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        server.html("/story.html", Fixtures.text("story.html"));
        cli = new Cli(home);
        configFile = home.resolve("config/arca/config.properties");
        Files.createDirectories(configFile.getParent());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void config(String... lines) throws Exception {
        Files.write(configFile, List.of(lines));
    }

    private String userAgentSeen() {
        return server.requests().stream().filter(r -> r.path().equals("/story.html")).findFirst().orElseThrow()
                .headers().get("User-agent").get(0);
    }

    @Test
    void configSetsDefaultsForEveryCommandThatHasTheOption() throws Exception {
        config("user-agent=config-agent/1.0", "fetch.ignore-robots=true");

        Cli.Result r = cli.run("fetch", server.url("/story.html"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(userAgentSeen()).isEqualTo("config-agent/1.0");
    }

    @Test
    void commandLineWinsOverConfig() throws Exception {
        config("user-agent=config-agent/1.0");

        cli.run("fetch", "--user-agent", "flag-agent/2.0", server.url("/story.html"));

        assertThat(userAgentSeen()).isEqualTo("flag-agent/2.0");
    }

    @Test
    void storeComesFromFlagThenEnvironmentThenConfig() throws Exception {
        config("store=~/configured-store");
        cli.env("ARCA_STORE", null);

        cli.run("fetch", server.url("/story.html"));
        assertThat(home.resolve("configured-store")).isDirectory();

        cli.env("ARCA_STORE", home.resolve("env-store").toString());
        cli.run("fetch", server.url("/story.html"));
        assertThat(home.resolve("env-store")).isDirectory();

        Cli.Result shown = cli.run("--store", home.resolve("flag-store").toString(), "config", "--json");
        JsonNode store = new ObjectMapper().readTree(shown.lines().get(0));
        assertThat(store.get("value").asText()).isEqualTo(home.resolve("flag-store").toString());
        assertThat(store.get("source").asText()).isEqualTo("--store");
    }

    @Test
    void configCommandNamesWhereEachSettingCameFrom() throws Exception {
        config("fetch.jobs=8", "delay=2.5");

        Cli.Result r = cli.run("config");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("fetch\\.jobs +8 +config file " + java.util.regex.Pattern.quote(configFile.toString()) + " \\(fetch\\.jobs\\)")
                .containsPattern("fetch\\.delay +2\\.5 +config file .* \\(delay\\)")
                .containsPattern("fetch\\.retries +3 +default")
                .containsPattern("store +" + java.util.regex.Pattern.quote(cli.store().toString()) + " +environment ARCA_STORE");
    }

    @Test
    void configCommandReportsEveryProblemAndStillPrintsTheSettings() throws Exception {
        config("jobz=3", "fetch.jobs=8", "list.limit=-1");

        Cli.Result r = cli.run("config");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).containsPattern("fetch\\.jobs +8 +config file");
        assertThat(r.err().lines().toList()).containsExactly(
                "arca: " + configFile + ":1: unknown key 'jobz' (did you mean jobs?)",
                "arca: " + configFile + ":3: bad value for 'list.limit': '-1' is out of range (0 to 2147483647)");
    }

    @Test
    void badValueStopsTheCommandWithTheFileAndLine() throws Exception {
        config("# defaults", "", "fetch.jobs=many");

        Cli.Result r = cli.run("fetch", server.url("/story.html"));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("arca: " + configFile + ":3: bad value for 'fetch.jobs': 'many' is not a whole number (1 to 256)\n");
        assertThat(server.requests()).isEmpty();
    }

    /** The file is checked as a whole: a mistake in one command's settings stops every command. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fetch.jbos=8           | unknown key 'fetch.jbos' (did you mean fetch.jobs?)",
            "user-agnet=x           | unknown key 'user-agnet' (did you mean user-agent?)",
            "fetch.store=/tmp/x     | unknown key 'fetch.store' (did you mean store?)",
            "zzz=1                  | unknown key 'zzz' (see 'arca config --help')",
            "fetch.jobs=100000      | bad value for 'fetch.jobs': '100000' is out of range (1 to 256)",
            "delay=99999999999      | bad value for 'delay': '99999999999' is out of range (0 to 86400 s)",
            "extract.format=md      | bad value for 'extract.format': 'md' is not one of json, markdown, text, html",
            "fetch.refetch=maybe    | bad value for 'fetch.refetch': 'maybe' is not true or false",
            "quiet=yes              | bad value for 'quiet': 'yes' is not true or false",
            "user-agent=            | no value for 'user-agent'",
            "fetch.jobs 8           | expected key=value, found 'fetch.jobs 8'",
            "=8                     | no key before '='",
            "user-agent=a \\        | a line cannot go on to the next with a trailing backslash; write the value on one line"})
    void mistakeInTheFileIsAUsageErrorForAnyCommand(String line, String message) throws Exception {
        config(line);

        Cli.Result r = cli.run("list");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("arca: " + configFile + ":1: " + message + "\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void nonUtf8ByteStopsTheCommandInsteadOfDroppingTheStore() throws Exception {
        cli.env("ARCA_STORE", null).env("XDG_DATA_HOME", home.resolve("data").toString());
        Files.write(configFile, "store=~/configured-store\nuser-agent=caf\u00e9-agent\n".getBytes(StandardCharsets.ISO_8859_1));

        Cli.Result r = cli.run("fetch", server.url("/story.html"));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("arca: " + configFile + ":2: not UTF-8 text (byte 0xE9 at column 15)\n");
        assertThat(server.requests()).isEmpty();
        assertThat(home.resolve("data")).doesNotExist();
        assertThat(home.resolve("configured-store")).doesNotExist();
    }

    @Test
    void controlCharactersAreNotEchoedAndALoneCarriageReturnEndsALine() throws Exception {
        Files.write(configFile, "fetch.jobs=2\ruser\u001b[2J-agent\n".getBytes(StandardCharsets.UTF_8));

        Cli.Result r = cli.run("list");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("arca: " + configFile + ":2: expected key=value, found 'user\\x1b[2J-agent'\n");
    }

    @Test
    void duplicateKeyIsAnError() throws Exception {
        config("fetch.jobs=2", "user-agent=x", "fetch.jobs = 3");

        Cli.Result r = cli.run("list");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("arca: " + configFile + ":3: 'fetch.jobs' is set again (first on line 1)\n");
    }

    @Test
    void fileThatCannotBeReadStopsTheCommand() throws Exception {
        Files.createDirectories(configFile.resolve("oops"));

        Cli.Result r = cli.run("list");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("arca: " + configFile + ": cannot read the config file: it is a directory\n");
    }

    @Test
    void fileWithoutReadPermissionStopsTheCommand() throws Exception {
        config("fetch.jobs=2");
        Files.setPosixFilePermissions(configFile, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(configFile), "running as root, which reads any file");

        Cli.Result r = cli.run("list");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("arca: " + configFile + ": cannot read the config file: permission denied\n");
    }

    @Test
    void hugeFileAndHugeLineAreRefusedInOneLine() throws Exception {
        Files.write(configFile, ("# " + "x".repeat(2 << 20) + "\n").getBytes(StandardCharsets.UTF_8));
        Cli.Result huge = cli.run("list");
        Files.write(configFile, ("fetch.jobs=2\nuser-agent=" + "x".repeat(100_000) + "\n").getBytes(StandardCharsets.UTF_8));
        Cli.Result longLine = cli.run("list");

        assertThat(huge.status()).isEqualTo(2);
        assertThat(huge.err()).isEqualTo("arca: " + configFile + ": the config file is larger than 1 MiB\n");
        assertThat(longLine.status()).isEqualTo(2);
        assertThat(longLine.err()).isEqualTo("arca: " + configFile + ":2: the line is longer than 8 KiB\n");
    }

    @Test
    void commentsBlankLinesSpacesAndByteOrderMarkAreTheSyntaxPeopleKnow() throws Exception {
        Files.write(configFile, ("\uFEFF# a comment\n  ! another\n\n\t fetch.ignore-robots = true \r\nuser-agent = agent/1.0 (+https://x.example/a=b)\n")
                .getBytes(StandardCharsets.UTF_8));

        Cli.Result r = cli.run("fetch", server.url("/story.html"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(userAgentSeen()).isEqualTo("agent/1.0 (+https://x.example/a=b)");
    }
}
