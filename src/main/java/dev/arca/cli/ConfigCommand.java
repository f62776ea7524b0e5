package dev.arca.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code arca config}: every setting in effect and where it came from. */
@Command(name = ConfigCommand.NAME,
        description = {"Print the effective settings and where each one came from: the command line, "
                + "the environment, the config file or the built-in default.",
                "The config file is $XDG_CONFIG_HOME/arca/config.properties (else ~/.config/arca/config.properties). "
                        + "A line 'option=value' sets the default of that long option for every command that has it; "
                        + "'command.option=value' for one command only; 'store=DIR' chooses the store. "
                        + "Options on the command line always win.",
                "Lines are 'key=value', with spaces around either allowed; lines starting with # or ! are comments. "
                        + "There are no continuation lines and no escapes: every character stands for itself. "
                        + "The file must be UTF-8, at most 1 MiB, with lines of at most 8 KiB.",
                "Keys and values are checked whichever command runs: an unknown key, a bad value, a key set twice or a "
                        + "file that cannot be read stops any command with one line (file, line, reason) and exit status 2; "
                        + "arca config prints the settings and every problem."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {"0:The settings were printed.",
                "2:Usage error, or the config file has a problem (each is printed on stderr with its line)."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca config",
                "  printf 'fetch.jobs=8%nuser-agent=my-archiver/1.0%n' >> ~/.config/arca/config.properties",
                "  arca config --json | jq -r 'select(.source != \"default\") | .key'"})
final class ConfigCommand implements Callable<Integer> {

    static final String NAME = "config";

    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object per setting: key, value and source.")
    boolean json;

    /** One setting as printed. */
    record Setting(String key, String value, String source) {
    }

    @Override
    public Integer call() {
        ConfigFile config = arca.config();
        List<Setting> settings = new ArrayList<>();
        StoreLocation store = arca.storeLocation();
        settings.add(new Setting(ConfigFile.STORE_KEY, store.path().toString(),
                store.source().equals("config file") ? fileSource(config, ConfigFile.STORE_KEY) : store.source()));
        for (ConfigKeys.Key key : ConfigKeys.all(spec.root().commandLine())) {
            settings.add(setting(key, config));
        }
        print(settings);
        List<ConfigFile.Problem> problems = arca.configProblems();
        problems.forEach(p -> arca.error(p.toString()));
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
    }

    private Setting setting(ConfigKeys.Key key, ConfigFile config) {
        OptionSpec option = key.option();
        if (matchedOnCommandLine(option)) {
            return new Setting(key.key(), String.valueOf((Object) option.getValue()), "command line");
        }
        String configured = config.valueFor(key.scope(), key.name());
        if (configured != null) {
            return new Setting(key.key(), configured, fileSource(config, config.keyFor(key.scope(), key.name())));
        }
        Object initial = option.defaultValue() != null ? option.defaultValue() : option.initialValue();
        String shown = initial != null ? String.valueOf(initial) : option.arity().max() == 0 ? "false" : "";
        return new Setting(key.key(), shown, "default");
    }

    private boolean matchedOnCommandLine(OptionSpec option) {
        CommandLine.ParseResult parsed = spec.root().commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    private static String fileSource(ConfigFile config, String key) {
        return "config file " + config.path() + " (" + key + ")";
    }

    private void print(List<Setting> settings) {
        if (json) {
            settings.forEach(s -> arca.console().out().println(Json.line(s)));
            return;
        }
        Table table = new Table("KEY", "VALUE", "SOURCE");
        for (Setting s : settings) {
            table.add(s.key(), s.value().isEmpty() ? "-" : s.value(), s.source());
        }
        table.print(arca.console().out());
    }
}
