package dev.arca.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Turns every exception into one line on stderr and a documented exit status. Stack traces are
 * for {@code --verbose} only.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final ArcaCommand arca;
    private OutputFailure reported;

    ErrorHandler(ArcaCommand arca) {
        this.arca = arca;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        arca.error(message(ex));
        String name = command.getCommandSpec().qualifiedName();
        arca.console().err().println("Try '" + name + " --help' for more information.");
        if (arca.verbose()) {
            ex.printStackTrace(arca.console().err());
        }
        return ExitCodes.USAGE;
    }

    /** picocli's message, or for a mistyped command or option, what the user probably meant. */
    private static String message(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String typed = unmatched.getUnmatched().get(0);
            boolean isCommand = !typed.startsWith("-") && unmatched.getCommandLine().getCommandSpec().parent() == null;
            String what = typed.startsWith("-") ? "unknown option '" + typed + "'"
                    : isCommand ? "unknown command '" + typed + "'" : "unexpected argument '" + typed + "'";
            List<String> suggestions = unmatched.getSuggestions();
            return suggestions.isEmpty() ? what : what + "; did you mean " + String.join(" or ", suggestions) + "?";
        }
        return ex.getMessage();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        if (ex instanceof ParameterException pe) {
            return handleParseException(pe, parseResult.originalArgs().toArray(String[]::new));
        }
        Optional<OutputFailure> output = OutputFailure.in(ex);
        if (output.isPresent()) {
            return outputFailed(output.get());
        }
        arca.error(describe(ex));
        if (arca.verbose()) {
            ex.printStackTrace(arca.console().err());
        }
        return ExitCodes.FAILED;
    }

    /**
     * A failed write: one line and status 1, or no line and {@link ExitCodes#PIPE_CLOSED} when the
     * reader of a pipe went away.
     */
    int outputFailed(OutputFailure e) {
        if (e.brokenPipe()) {
            return ExitCodes.PIPE_CLOSED;
        }
        if (e == reported) {
            return ExitCodes.FAILED; // the stream throws its failure again at every write: said once
        }
        reported = e;
        arca.error(e.getMessage());
        if (arca.verbose()) {
            e.printStackTrace(arca.console().err());
        }
        return ExitCodes.FAILED;
    }

    /** The one-line message for an exception: its own words for expected failures. */
    static String describe(Throwable ex) {
        Optional<OutputFailure> output = OutputFailure.in(ex);
        if (output.isPresent()) {
            return output.get().getMessage(); // not the damage a reader that was copying may have called it
        }
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory: " + t.getMessage();
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + t.getMessage();
        }
        if (t instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        if (t instanceof IOException && t.getMessage() != null) {
            return FlagHints.message(t);
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory (try a smaller --max-size, or more heap with JAVA_OPTS=-Xmx...)";
        }
        if (t instanceof StackOverflowError) {
            return "internal error: stack overflow (run with --verbose for details)";
        }
        return "internal error: " + t + " (run with --verbose for details)";
    }
}
