package dev.arca.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;

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

    /** Runs one command line against {@code console} and returns its exit status. */
    public static int run(String[] args, Console console) {
        ArcaCommand arca = new ArcaCommand(console);
        CommandLine commandLine = new CommandLine(arca);
        ErrorHandler errors = new ErrorHandler(arca);
        commandLine.setOut(new PrintWriter(console.out(), true));
        commandLine.setErr(new PrintWriter(console.err(), true));
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
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
