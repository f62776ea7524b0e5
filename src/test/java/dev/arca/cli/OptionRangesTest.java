package dev.arca.cli;

import dev.arca.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every numeric option has a documented range; a value outside it is a usage error in one line. */
class OptionRangesTest {

    /** Refused at once, so nothing is fetched; were it not, the connection would be refused quickly. */
    private static final String URL = "http://127.0.0.1:1/";

    @TempDir
    Path home;

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                fetch("--jobs", "0", "1 to 256"),
                fetch("--jobs", "257", "1 to 256"),
                fetch("--jobs", "100000", "1 to 256"),
                fetch("--jobs", "99999999999", "1 to 256"),
                fetch("--jobs", "-3", "1 to 256"),
                fetch("--delay", "86401", "0 to 86400 s"),
                fetch("--delay", "99999999999", "0 to 86400 s"),
                fetch("--delay", "25h", "0 to 86400 s"),
                fetch("--retries", "-1", "0 to 10"),
                fetch("--retries", "11", "0 to 10"),
                fetch("--timeout", "0", "1 to 86400 s"),
                fetch("--timeout", "500ms", "1 to 86400 s"),
                fetch("--timeout", "99999999999", "1 to 86400 s"),
                fetch("--max-size", "0", "1 byte to 1GiB"),
                fetch("--max-size", "2G", "1 byte to 1GiB"),
                fetch("--max-size", "99999999999T", "1 byte to 1GiB"),
                fetch("--max-redirects", "-1", "0 to 50"),
                fetch("--max-redirects", "51", "0 to 50"),
                fetch("--max-sitemaps", "0", "1 to 100000"),
                fetch("--max-sitemaps", "100001", "1 to 100000"),
                fetch("--max-sitemap-urls", "-1", "1 to 10000000"),
                fetch("--max-sitemap-urls", "10000001", "1 to 10000000"),
                fetch("--max-requests", "0", "1 to 100000"),
                fetch("--max-requests", "100001", "1 to 100000"),
                fetch("--requisites-max", "0", "1 to 100000"),
                fetch("--requisites-max", "100001", "1 to 100000"),
                fetch("--requisites-total", "0", "1 byte to 1GiB"),
                fetch("--requisites-total", "2G", "1 byte to 1GiB"),
                fetch("--requisites-time", "0", "1 to 86400 s"),
                fetch("--requisites-time", "86401", "1 to 86400 s"),
                Arguments.of("--jobs", "0", "1 to 256", new String[]{"extract", "--input-dir", ".", "--output-dir", "out", "--jobs", "0"}),
                Arguments.of("--jobs", "257", "1 to 256", new String[]{"extract", "--input-dir", ".", "--output-dir", "out", "--jobs", "257"}),
                Arguments.of("--timeout", "0", "1 to 86400 s", new String[]{"extract", URL, "--timeout", "0"}),
                Arguments.of("--max-size", "2G", "1 byte to 1GiB", new String[]{"extract", "-", "--max-size", "2G"}),
                Arguments.of("--max-redirects", "51", "0 to 50", new String[]{"extract", URL, "--max-redirects", "51"}),
                Arguments.of("--limit", "-1", "0 to 2147483647", new String[]{"list", "--limit", "-1"}),
                Arguments.of("--limit", "99999999999", "0 to 2147483647", new String[]{"list", "--limit", "99999999999"}),
                Arguments.of("--limit", "0", "1 to 100000", new String[]{"search", "--limit", "0", "bridge"}),
                Arguments.of("--limit", "100001", "1 to 100000", new String[]{"search", "--limit", "100001", "bridge"}),
                Arguments.of("--jobs", "0", "1 to 256", new String[]{"verify", "--jobs", "0"}),
                Arguments.of("--jobs", "257", "1 to 256", new String[]{"verify", "--jobs", "257"}),
                Arguments.of("--jobs", "0", "1 to 256", new String[]{"import", "--jobs", "0", "x.warc"}),
                Arguments.of("--jobs", "257", "1 to 256", new String[]{"import", "--jobs", "257", "x.warc"}),
                Arguments.of("--max-size", "0", "1 byte to 1GiB", new String[]{"import", "pages.warc.gz", "--max-size", "0"}),
                Arguments.of("--max-size", "2G", "1 byte to 1GiB", new String[]{"import", "pages.warc.gz", "--max-size", "2G"}));
    }

    private static Arguments fetch(String option, String value, String range) {
        return Arguments.of(option, value, range, new String[]{"fetch", "--retries", "0", option, value, URL});
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("outOfRange")
    void valueOutOfRangeIsAUsageErrorThatNamesTheRange(String option, String value, String range, String[] args) {
        Cli.Result r = new Cli(home).run(args);

        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().findFirst().orElseThrow())
                .isEqualTo("arca: Invalid value for option '" + option + "': '" + value + "' is out of range (" + range + ")");
        assertThat(r.err()).doesNotContain("internal error").doesNotContain("\tat ");
    }

    @Test
    void tooManyJobsStartNoThreads() {
        int before = Thread.activeCount();

        Cli.Result r = new Cli(home).run("fetch", "--jobs", "100000", URL);

        assertThat(r.status()).isEqualTo(2);
        assertThat(Thread.activeCount()).isLessThan(before + 10);
    }

    @Test
    void hugeDelayIsAUsageErrorNotAnInternalError() {
        Cli.Result r = new Cli(home).run("fetch", "--delay", "99999999999", URL);

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("arca: Invalid value for option '--delay': '99999999999' is out of range (0 to 86400 s)");
    }

    @Test
    void theEndsOfEachRangeAreAccepted() throws Exception {
        Cli cli = new Cli(home);
        java.nio.file.Files.createDirectories(cli.store());

        Cli.Result fetch = cli.run("fetch", "--jobs", "256", "--delay", "86400", "--retries", "10", "--timeout", "86400",
                "--max-size", "1GiB", "--max-redirects", "50", "--max-sitemaps", "100000", "--max-sitemap-urls", "10000000",
                "--max-requests", "100000", "no-such-page.html");
        Cli.Result lowest = cli.run("fetch", "--jobs", "1", "--delay", "0", "--retries", "0", "--timeout", "1",
                "--max-size", "1", "--max-redirects", "0", "--max-sitemaps", "1", "--max-sitemap-urls", "1", "--max-requests", "1", "no-such-page.html");

        assertThat(fetch.status()).as(fetch.err()).isEqualTo(1);
        assertThat(fetch.err()).contains("no such file: no-such-page.html");
        assertThat(lowest.status()).as(lowest.err()).isEqualTo(1);
        assertThat(cli.run("list", "--limit", "0").status()).isZero();
        assertThat(cli.run("search", "--limit", "100000", "bridge").status()).isZero();
        assertThat(cli.run("verify", "--jobs", "256").status()).isZero();
    }

    @Test
    void helpShowsEachRange() {
        Cli cli = new Cli(home);

        assertThat(help(cli, "fetch")).contains("1 to 256", "0 to 86400 s", "0 to 10", "1 to 86400 s",
                "1 byte to 1GiB", "0 to 50", "1 to 100000", "1 to 10000000");
        assertThat(help(cli, "search")).contains("1 to 100000");
        assertThat(help(cli, "verify")).contains("1 to 256");
    }

    /** The help text with its line wrapping undone. */
    private static String help(Cli cli, String command) {
        return cli.run(command, "--help").out().replaceAll("\\s+", " ");
    }

    /** The table above covers every option that takes a number, a duration or a size. */
    @Test
    void everyNumericOptionHasARangeAndIsInTheTable() {
        CommandLine root = Subcommands.addAll(new CommandLine(new ArcaCommand(dev.arca.cli.Console.system())));
        Set<String> numeric = new TreeSet<>();
        for (CommandLine command : root.getSubcommands().values()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                Class<?> type = option.type();
                if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                        || type == Duration.class || type == double.class) {
                    numeric.add(command.getCommandName() + " " + option.longestName());
                    assertThat(option.converters()).as(option.longestName()).isNotEmpty();
                    assertThat(option.description()[0]).as(option.longestName()).contains(" to ");
                }
            }
        }
        Set<String> tested = new TreeSet<>();
        outOfRange().forEach(a -> tested.add(((String[]) a.get()[3])[0] + " " + a.get()[0]));

        assertThat(tested).isEqualTo(numeric);
    }
}
