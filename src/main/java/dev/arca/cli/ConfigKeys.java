package dev.arca.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Which options the config file can set, and under which keys: {@code name} for arca's own
 * options, {@code command.name} for a command's, and a bare {@code name} for every command that
 * has the option. The one naming that the file's defaults, its check and {@code arca config} share.
 */
final class ConfigKeys {

    /** The scope of arca's own options, as in {@code arca.verbose}. */
    static final String ROOT = "arca";

    /**
     * One option a config key can set.
     *
     * @param key    the key that sets it for its command alone: "fetch.jobs", or "verbose" for arca's own
     * @param name   the option's long name without dashes, the key that sets it for every command
     * @param scope  its command's name, or "arca"
     * @param option the option
     */
    record Key(String key, String name, String scope, OptionSpec option) {
    }

    private ConfigKeys() {
    }

    /** False for help, version and hidden options, and for --store, which has its own key and order. */
    static boolean configurable(OptionSpec option) {
        return !option.usageHelp() && !option.versionHelp() && !option.hidden() && !option.longestName().equals("--store");
    }

    /** The option's long name without its dashes. */
    static String name(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    /** The name of the option's command, or "arca" for the root's. */
    static String scope(OptionSpec option) {
        CommandSpec command = option.command();
        return command == null || command.parent() == null ? ROOT : command.name();
    }

    /** Every configurable option of {@code root} and its subcommands, root first, each once. */
    static List<Key> all(CommandLine root) {
        List<Key> keys = new ArrayList<>(of(root.getCommandSpec()));
        for (CommandLine sub : root.getSubcommands().values()) {
            keys.addAll(of(sub.getCommandSpec()));
        }
        return keys;
    }

    /** The configurable options of one command; for a subcommand, without those it inherits from arca. */
    static List<Key> of(CommandSpec command) {
        boolean root = command.parent() == null;
        List<Key> keys = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            if (configurable(option) && (root || !option.inherited())) {
                String name = name(option);
                keys.add(new Key(root ? name : command.name() + "." + name, name, root ? ROOT : command.name(), option));
            }
        }
        return keys;
    }
}
