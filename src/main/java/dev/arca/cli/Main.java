package dev.arca.cli;

import dev.arca.index.IndexWarmup;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;

/** The entry point of the {@code arca} executable. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Console console = Console.system();
        int status = run(args, console);
        console.err().flush();
        System.exit(status);
    }

    private static void closeStore(ArcaCommand arca) {
        try {
            arca.closeStore();
        } catch (IOException e) {
            arca.error(ErrorHandler.describe(e));
        }
    }

    /** The commands that read or write the index, which is worth loading while picocli parses. */
    private static final Set<String> INDEX_COMMANDS = Set.of("list", "search", "stats", "rm", "reindex", "fetch");

    /**
     * Runs one command line against {@code console} and returns its exit status. A failed write to
     * stdout, wherever it happened, ends the command with status 1 and one line, or quietly with
     * {@link ExitCodes#PIPE_CLOSED} when the reader closed the pipe.
     */
    public static int run(String[] args, Console console) {
        ArcaCommand arca = new ArcaCommand(console);
        ErrorHandler errors = new ErrorHandler(arca);
        try {
            int status = execute(args, console, arca, errors);
            console.out().flush(); // a failure that a command caught and dropped is still a failure
            return status;
        } catch (OutputFailure e) {
            return errors.outputFailed(e);
        } catch (StackOverflowError | OutOfMemoryError e) {
            arca.error(ErrorHandler.describe(e));
            if (arca.verbose()) {
                e.printStackTrace(console.err());
            }
            return ExitCodes.FAILED;
        } finally {
            closeStore(arca);
        }
    }

    private static int execute(String[] args, Console console, ArcaCommand arca, ErrorHandler errors) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // answered before picocli builds its model, which costs more than the rest of start-up
            console.out().println(Version.software());
            return ExitCodes.OK;
        }
        for (String arg : args) {
            if (INDEX_COMMANDS.contains(arg)) {
                IndexWarmup.start();
                break;
            }
        }
        CommandLine commandLine = Subcommands.addFor(new CommandLine(arca), args);
        commandLine.setOut(new PrintWriter(console.out(), true));
        commandLine.setErr(new PrintWriter(console.err(), true));
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        commandLine.setExecutionStrategy(parsed -> {
            try {
                return runLast.execute(parsed);
            } catch (OutputFailure e) { // from --help or --version, which picocli would print with a stack trace
                throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), e.getMessage(), e);
            }
        });
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        if (!ConfigCommand.NAME.equals(Subcommands.named(args)) && !arca.configProblems().isEmpty()) {
            // a file that is wrong anywhere stops every command; arca config lists all of it
            arca.error(arca.configProblems().get(0).toString());
            return ExitCodes.USAGE;
        }
        commandLine.setDefaultValueProvider(arca.config().defaults());
        return commandLine.execute(args);
    }
}
