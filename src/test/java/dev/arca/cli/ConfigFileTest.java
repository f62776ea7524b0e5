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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
    void unknownSettingIsReported() throws Exception {
        config("jobz=3");

        Cli.Result r = cli.run("config");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("unknown setting 'jobz' in " + configFile);
    }

    @Test
    void badValueInConfigIsAUsageErrorThatNamesTheFile() throws Exception {
        config("fetch.jobs=many");

        Cli.Result r = cli.run("fetch", server.url("/story.html"));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("arca: Invalid value for option '--jobs': 'many' is not a whole number (1 to 256) (set in " + configFile + ")");
    }
}
