package dev.arca.cli;

import dev.arca.store.StoreLocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code arca config}: every setting in effect and where it came from. */
@Command(name = "config",
        description = {"Print the effective settings and where each one came from: the command line, "
                + "the environment, the config file or the built-in default.",
                "The config file is $XDG_CONFIG_HOME/arca/config.properties (else ~/.config/arca/config.properties). "
                        + "A line 'option=value' sets the default of that long option for every command that has it; "
                        + "'command.option=value' for one command only; 'store=DIR' chooses the store. "
                        + "Options on the command line always win."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {"0:The settings were printed.", "1:The config file has settings arca does not know.",
                "2:Usage error."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca config",
                "  printf 'fetch.jobs=8%nuser-agent=my-archiver/1.0%n' >> ~/.config/arca/config.properties",
                "  arca config --json | jq -r 'select(.source != \"default\") | .key'"})
final class ConfigCommand implements Callable<Integer> {

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
        Set<String> known = new HashSet<>(Set.of(ConfigFile.STORE_KEY));
        CommandLine root = spec.root().commandLine();
        addOptions(root.getCommandSpec(), config, settings, known, true);
        for (CommandLine sub : root.getSubcommands().values()) {
            addOptions(sub.getCommandSpec(), config, settings, known, false);
        }
        print(settings);
        List<String> unknown = config.settings().keySet().stream().filter(k -> !known.contains(k)).toList();
        for (String key : unknown) {
            arca.error("unknown setting '" + key + "' in " + config.path() + " (see 'arca config --help')");
        }
        return unknown.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void addOptions(CommandSpec command, ConfigFile config, List<Setting> out, Set<String> known, boolean root) {
        for (OptionSpec option : command.options()) {
            if (option.usageHelp() || option.versionHelp() || option.hidden() || option.longestName().equals("--store")
                    || (!root && option.inherited())) {
                continue;
            }
            String key = option.longestName().replaceFirst("^-+", "");
            String scope = root ? "arca" : command.name();
            known.add(key);
            known.add(scope + "." + key);
            Setting setting;
            if (matchedOnCommandLine(option)) {
                setting = new Setting(key, String.valueOf((Object) option.getValue()), "command line");
            } else if (config.valueFor(scope, key) != null) {
                setting = new Setting(key, config.valueFor(scope, key), fileSource(config, config.keyFor(scope, key)));
            } else {
                Object initial = option.defaultValue() != null ? option.defaultValue() : option.initialValue();
                String shown = initial != null ? String.valueOf(initial) : option.arity().max() == 0 ? "false" : "";
                setting = new Setting(key, shown, "default");
            }
            out.add(new Setting(root ? key : scope + "." + key, setting.value(), setting.source()));
        }
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
