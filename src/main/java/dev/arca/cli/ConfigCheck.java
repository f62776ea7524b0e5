package dev.arca.cli;

import dev.arca.store.EditDistance;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks the config file against the commands: every key must name an option (or the store), and
 * every value must be one that the option's own converter takes, ranges included. A mistake
 * anywhere in the file is found whichever command runs, not the day the command it concerns runs.
 *
 * <p>Reading a command's options costs start-up time, so the check starts from the commands the
 * command line already has and reads another only when a key needs it: {@code list.limit} needs
 * list, an option name needs the first command that has it. A bare option name's value is
 * therefore checked against the commands read; {@code arca config}, which has them all, checks it
 * against every command.
 */
final class ConfigCheck {

    private final Supplier<CommandLine> spareRoot;
    private CommandLine spare;
    /** The options each key sets, for the commands read so far. */
    private final Map<String, List<OptionSpec>> keys = new HashMap<>();
    /** The subcommands whose options are in {@link #keys}. */
    private final Set<String> read = new HashSet<>();

    private ConfigCheck(CommandLine model, Supplier<CommandLine> spareRoot) {
        this.spareRoot = spareRoot;
        keys.put(ConfigFile.STORE_KEY, List.of());
        index(model.getCommandSpec());
        model.getSubcommands().values().forEach(sub -> index(sub.getCommandSpec()));
    }

    /**
     * Everything wrong with {@code config}, by line: its syntax, then keys and values.
     *
     * @param model     the command line as built for this run, with the subcommands it reaches
     * @param spareRoot a new root command, to read the other subcommands under when a key needs them
     */
    static List<ConfigFile.Problem> problems(ConfigFile config, CommandLine model, Supplier<CommandLine> spareRoot) {
        List<ConfigFile.Problem> problems = new ArrayList<>(config.problems());
        ConfigCheck check = new ConfigCheck(model, spareRoot);
        for (ConfigFile.Setting setting : config.settings().values()) {
            String reason = check.reason(setting);
            if (reason != null) {
                problems.add(new ConfigFile.Problem(config.path(), setting.line(), reason));
            }
        }
        problems.sort(Comparator.comparingInt(ConfigFile.Problem::line));
        return problems;
    }

    private void index(CommandLine.Model.CommandSpec command) {
        if (command.parent() != null) {
            read.add(command.name());
        }
        for (ConfigKeys.Key key : ConfigKeys.of(command)) {
            keys.computeIfAbsent(key.key(), k -> new ArrayList<>()).add(key.option());
            keys.computeIfAbsent(key.name(), k -> new ArrayList<>()).add(key.option());
            if (key.scope().equals(ConfigKeys.ROOT)) {
                keys.computeIfAbsent(ConfigKeys.ROOT + "." + key.name(), k -> new ArrayList<>()).add(key.option());
            }
        }
    }

    /** Reads the named subcommand's options, unless they are known already or there is no such command. */
    private void read(String name) {
        if (read.contains(name) || !Subcommands.names().contains(name)) {
            return;
        }
        if (spare == null) {
            spare = spareRoot.get();
        }
        spare.addSubcommand(name, Subcommands.create(name));
        index(spare.getSubcommands().get(name).getCommandSpec());
    }

    /** The options {@code key} sets, reading the commands it may concern; null when it sets none. */
    private List<OptionSpec> options(String key) {
        List<OptionSpec> found = keys.get(key);
        int dot = key.indexOf('.');
        if (found == null && dot > 0) {
            read(key.substring(0, dot));
            return keys.get(key);
        }
        for (var names = Subcommands.names().iterator(); found == null && names.hasNext(); ) {
            read(names.next());
            found = keys.get(key);
        }
        return found;
    }

    /** What is wrong with one setting, or null. */
    private String reason(ConfigFile.Setting setting) {
        List<OptionSpec> options = options(setting.key());
        if (options == null) {
            return "unknown key '" + setting.key() + "' " + suggestion(setting.key());
        }
        for (OptionSpec option : options) {
            String bad = badValue(option, setting.value());
            if (bad != null) {
                return "bad value for '" + setting.key() + "': " + bad;
            }
        }
        return null;
    }

    /**
     * Why the option does not take {@code value}, in its converter's words; null when it does.
     * Options without a converter of their own take text, a path, a list or one of an enum's names.
     */
    private static String badValue(OptionSpec option, String value) {
        if (option.arity().max() == 0) {
            return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null
                    : "'" + value + "' is not true or false";
        }
        if (option.converters().length > 0) {
            try {
                ITypeConverter<?> converter = option.converters()[0];
                converter.convert(value);
                return null;
            } catch (Exception e) {
                return e.getMessage();
            }
        }
        if (option.type().isEnum()) {
            List<String> names = Arrays.stream(option.type().getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            return names.contains(value) ? null : "'" + value + "' is not one of " + String.join(", ", names);
        }
        return null;
    }

    /** "(did you mean fetch.jobs?)" for the closest known keys, else where the keys are listed. */
    private String suggestion(String typed) {
        Subcommands.names().forEach(this::read);
        int dot = typed.indexOf('.');
        if (dot > 0 && keys.containsKey(typed.substring(dot + 1))) {
            return "(did you mean " + typed.substring(dot + 1) + "?)";
        }
        int tolerance = Math.max(1, typed.length() / 4);
        int best = tolerance + 1;
        List<String> closest = new ArrayList<>();
        for (String key : keys.keySet().stream().sorted().toList()) {
            int distance = EditDistance.between(typed, key);
            if (distance < best) {
                best = distance;
                closest.clear();
            }
            if (distance == best && closest.size() < 2) {
                closest.add(key);
            }
        }
        return closest.isEmpty() ? "(see 'arca config --help')" : "(did you mean " + String.join(" or ", closest) + "?)";
    }
}
