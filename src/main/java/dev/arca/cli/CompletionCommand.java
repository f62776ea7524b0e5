package dev.arca.cli;

import dev.arca.store.StoreEntry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code arca completion}: the shell completion script, generated from the commands themselves. */
@Command(name = "completion",
        description = {"Print a completion script for bash, zsh or fish.",
                "It completes subcommands, options, option values and, for commands that take an ID, "
                        + "the IDs in the store."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {"0:The script was printed.", "2:Usage error, such as an unknown shell."},
        footerHeading = "%nExamples%n",
        footer = {
                "  source <(arca completion bash)                 # in ~/.bashrc",
                "  source <(arca completion zsh)                  # in ~/.zshrc",
                "  arca completion fish > ~/.config/fish/completions/arca.fish"})
final class CompletionCommand implements Callable<Integer> {

    /** The shells arca writes completion for. */
    enum Shell { bash, zsh, fish }

    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SHELL", arity = "0..1", description = "bash, zsh or fish.")
    Shell shell;

    @Option(names = "--ids", hidden = true, arity = "0..1", paramLabel = "PREFIX",
            description = "Print the store's IDs that start with PREFIX, for the completion scripts.")
    String idPrefix;

    @Override
    public Integer call() throws IOException {
        PrintStream out = arca.console().out();
        if (idPrefix != null) {
            for (StoreEntry entry : arca.store().entries()) {
                if (entry.id().startsWith(idPrefix)) {
                    out.println(entry.id());
                }
            }
            return ExitCodes.OK;
        }
        if (shell == null) {
            throw Usage.error(spec, "which shell? give bash, zsh or fish");
        }
        CommandLine root = spec.root().commandLine();
        out.print(shell == Shell.fish ? CompletionScripts.fish(root) : CompletionScripts.bash(root));
        return ExitCodes.OK;
    }
}
