package dev.arca.cli;

import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * arca's subcommands, added to the command line only when it can reach them. picocli reads each
 * command's annotations by reflection, which was most of arca's start-up time: {@code arca
 * --version} needs none of them and {@code arca fetch} needs one.
 */
final class Subcommands {

    /** In the order {@code arca --help} lists them. */
    private static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("fetch", FetchCommand::new);
        ALL.put("import", ImportCommand::new);
        ALL.put("extract", ExtractCommand::new);
        ALL.put("list", ListCommand::new);
        ALL.put("search", SearchCommand::new);
        ALL.put("show", ShowCommand::new);
        ALL.put("restore", RestoreCommand::new);
        ALL.put("verify", VerifyCommand::new);
        ALL.put("history", HistoryCommand::new);
        ALL.put("diff", DiffCommand::new);
        ALL.put("changes", ChangesCommand::new);
        ALL.put("sign", SignCommand::new);
        ALL.put("key", KeyCommand::new);
        ALL.put("stats", StatsCommand::new);
        ALL.put("rm", RmCommand::new);
        ALL.put("reindex", ReindexCommand::new);
        ALL.put("config", ConfigCommand::new);
        ALL.put("completion", CompletionCommand::new);
    }

    /** Commands that describe the others, so they need them all. */
    private static final Set<String> INTROSPECTIVE = Set.of("config", "completion");

    /** Root options that take a value, whose value must not be mistaken for a command name. */
    private static final Set<String> VALUED_ROOT_OPTIONS = Set.of("--store");

    private Subcommands() {
    }

    /** The names of every subcommand, in order. */
    static Set<String> names() {
        return ALL.keySet();
    }

    /** A new instance of the named subcommand, which must be one of {@link #names()}. */
    static Object create(String name) {
        return ALL.get(name).get();
    }

    /** Every subcommand, for help, man pages and completion. */
    static CommandLine addAll(CommandLine root) {
        ALL.forEach((name, command) -> root.addSubcommand(name, command.get()));
        return root;
    }

    /** The subcommands {@code args} can reach: the one they name, none for a bare --version, else all. */
    static CommandLine addFor(CommandLine root, String[] args) {
        int word = commandWord(args);
        for (int i = 0; i < Math.min(word, args.length); i++) {
            if (args[i].equals("-h") || args[i].equals("--help")) {
                return addAll(root);
            }
        }
        if (word < args.length) {
            String name = args[word];
            if (ALL.containsKey(name) && !INTROSPECTIVE.contains(name)) {
                root.addSubcommand(name, ALL.get(name).get());
                return root;
            }
            return addAll(root); // a mistyped name gets picocli's suggestions
        }
        boolean versionOnly = args.length > 0 && java.util.Arrays.stream(args)
                .allMatch(a -> a.equals("-V") || a.equals("--version") || a.equals("-v") || a.equals("-q")
                        || a.equals("--verbose") || a.equals("--quiet"));
        return versionOnly ? root : addAll(root);
    }

    /** The command {@code args} name, known or not; null when they name none. */
    static String named(String[] args) {
        int word = commandWord(args);
        return word < args.length ? args[word] : null;
    }

    /** The index of the first argument that is neither an option nor a root option's value; args.length when none. */
    private static int commandWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (VALUED_ROOT_OPTIONS.contains(arg)) {
                i++;
            } else if (arg.equals("--")) {
                return args.length;
            } else if (!arg.startsWith("-")) {
                return i;
            }
        }
        return args.length;
    }
}
