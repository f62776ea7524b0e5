package dev.arca.cli;

import dev.arca.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {

    @TempDir
    Path home;

    @Test
    void versionIsTheSameWithAndWithoutTheFastPath() {
        Cli cli = new Cli(home);

        Cli.Result fast = cli.run("--version");
        Cli.Result full = cli.run("--quiet", "--version");

        assertThat(fast.status()).isZero();
        assertThat(fast.out()).matches("arca \\S+\\n");
        assertThat(full.out()).isEqualTo(fast.out());
    }

    @Test
    void helpListsEveryCommandInOrder() {
        Cli.Result r = new Cli(home).run("--help");

        assertThat(r.status()).isZero();
        assertThat(r.out()).containsSubsequence("fetch", "extract", "list", "search", "show", "restore", "verify",
                "history", "diff", "changes", "sign", "key", "stats", "rm", "reindex", "config", "completion", "Exit status", "Examples");
    }

    @Test
    void everyCommandPrintsItsHelp() {
        Cli cli = new Cli(home);
        java.util.List<String[]> commands = new java.util.ArrayList<>();
        Subcommands.names().forEach(name -> commands.add(new String[]{name}));
        commands.add(new String[]{"key", "create"});
        commands.add(new String[]{"key", "show"});
        for (String[] command : commands) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";

            Cli.Result r = cli.run(args);

            assertThat(r.status()).as(String.join(" ", command) + ": " + r.err()).isZero();
            assertThat(r.out()).startsWith("Usage: arca " + String.join(" ", command)).contains("Exit status");
        }
    }

    @Test
    void mistypedCommandSuggestsTheRightOne() {
        Cli.Result r = new Cli(home).run("fecth", "https://example.com/");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("arca: unknown command 'fecth'; did you mean fetch");
    }

    @Test
    void missingCommandNamesTheCommands() {
        Cli.Result r = new Cli(home).run();

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("arca: a command is required: fetch, import, extract, list,").contains("see 'arca --help'");
    }

    @Test
    void globalOptionsGoBeforeOrAfterTheCommand() {
        Cli cli = new Cli(home);
        Path other = home.resolve("other-store");

        Cli.Result before = cli.run("--store", other.toString(), "config", "--json");
        Cli.Result after = cli.run("config", "--store", other.toString(), "--json");

        assertThat(before.lines().get(0)).contains(other.toString());
        assertThat(after.lines().get(0)).isEqualTo(before.lines().get(0));
    }
}
