package dev.arca.cli;

import dev.arca.store.IndexWarmup;
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
        console.out().flush();
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

    /** Runs one command line against {@code console} and returns its exit status. */
    public static int run(String[] args, Console console) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // answered before picocli builds its model, which costs more than the rest of start-up
            console.out().println(Version.software());
            console.out().flush();
            return ExitCodes.OK;
        }
        for (String arg : args) {
            if (INDEX_COMMANDS.contains(arg)) {
                IndexWarmup.start();
                break;
            }
        }
        ArcaCommand arca = new ArcaCommand(console);
        CommandLine commandLine = Subcommands.addFor(new CommandLine(arca), args);
        ErrorHandler errors = new ErrorHandler(arca);
        commandLine.setOut(new PrintWriter(console.out(), true));
        commandLine.setErr(new PrintWriter(console.err(), true));
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        if (!ConfigCommand.NAME.equals(Subcommands.named(args)) && !arca.configProblems().isEmpty()) {
            // a file that is wrong anywhere stops every command; arca config lists all of it
            arca.error(arca.configProblems().get(0).toString());
            return ExitCodes.USAGE;
        }
        commandLine.setDefaultValueProvider(arca.config().defaults());
        try {
            return commandLine.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            arca.error(ErrorHandler.describe(e));
            return ExitCodes.FAILED;
        } finally {
            closeStore(arca);
            console.out().flush();
        }
    }
}
