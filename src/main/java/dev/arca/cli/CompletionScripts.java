package dev.arca.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shell completion scripts made from the picocli model, so they always match the commands.
 * Positional {@code ID} parameters complete from the store by asking arca itself.
 */
final class CompletionScripts {

    /** The hidden call the scripts make for IDs: {@code arca completion --ids PREFIX}. */
    static final String IDS_CALL = "completion --ids";

    private static final Pattern FUNCTION = Pattern.compile(
            "function _picocli_arca_(\\w+)\\(\\) \\{.*?\\n}\\n", Pattern.DOTALL);

    private CompletionScripts() {
    }

    /** picocli's script for bash, which also serves zsh through bashcompinit. */
    static String bash(CommandLine root) {
        String script = AutoComplete.bash("arca", root);
        Map<String, CommandLine> subcommands = root.getSubcommands();
        Matcher m = FUNCTION.matcher(script);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String function = m.group();
            CommandLine sub = subcommands.get(m.group(1));
            if (sub != null && takesIds(sub.getCommandSpec())) {
                function = function.replace("    local positionals=\"\"\n",
                        "    local positionals=$(\"${COMP_WORDS[0]}\" " + IDS_CALL + " \"${curr_word}\" 2>/dev/null)\n");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(function));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A fish script: subcommands, their options with descriptions, enum values and IDs. */
    static String fish(CommandLine root) {
        StringBuilder out = new StringBuilder("# fish completion for arca, generated from its picocli model\n");
        out.append("complete -c arca -f\n");
        for (OptionSpec option : root.getCommandSpec().options()) {
            out.append(fishOption("__fish_use_subcommand", option));
        }
        for (Map.Entry<String, CommandLine> entry : root.getSubcommands().entrySet()) {
            String name = entry.getKey();
            CommandSpec spec = entry.getValue().getCommandSpec();
            out.append("complete -c arca -n __fish_use_subcommand -a ").append(name)
                    .append(" -d ").append(quote(firstLine(spec.usageMessage().description()))).append('\n');
            String condition = "'__fish_seen_subcommand_from " + name + "'";
            for (OptionSpec option : spec.options()) {
                out.append(fishOption(condition, option));
            }
            if (takesIds(spec)) {
                out.append("complete -c arca -n ").append(condition).append(" -a '(arca ").append(IDS_CALL)
                        .append(" (commandline -ct) 2>/dev/null)'\n");
            }
            if (takesFiles(spec)) {
                out.append("complete -c arca -n ").append(condition).append(" -F\n");
            }
        }
        return out.toString();
    }

    private static String fishOption(String condition, OptionSpec option) {
        if (option.hidden()) {
            return "";
        }
        StringBuilder line = new StringBuilder("complete -c arca -n ").append(condition);
        for (String name : option.names()) {
            line.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
        }
        if (option.arity().max() > 0) {
            List<String> values = new ArrayList<>();
            if (option.completionCandidates() != null) {
                option.completionCandidates().forEach(values::add);
            }
            if (option.type() == java.nio.file.Path.class) {
                line.append(" -r -F");
            } else {
                line.append(" -x");
                if (!values.isEmpty()) {
                    line.append(" -a ").append(quote(String.join(" ", values)));
                }
            }
        }
        line.append(" -d ").append(quote(firstLine(option.description())));
        return line.append('\n').toString();
    }

    private static boolean takesIds(CommandSpec spec) {
        // "ID", or one of several kinds such as history's "URL|ID"
        return spec.positionalParameters().stream().map(PositionalParamSpec::paramLabel)
                .anyMatch(label -> java.util.Arrays.asList(label.split("\\|")).contains("ID"));
    }

    private static boolean takesFiles(CommandSpec spec) {
        return spec.positionalParameters().stream().map(PositionalParamSpec::paramLabel)
                .anyMatch(l -> l.equals("URL") || l.equals("SOURCE"));
    }

    private static String firstLine(String[] description) {
        if (description.length == 0) {
            return "";
        }
        String first = description[0];
        int stop = first.indexOf(". ");
        return stop < 0 ? first : first.substring(0, stop + 1);
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
