package dev.arca.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.function.Supplier;

/** Turns invalid option combinations into usage errors (exit status 2). */
final class Usage {

    private Usage() {
    }

    /** Runs {@code check}; an {@link IllegalArgumentException} becomes a usage error of {@code spec}'s command. */
    static <T> T check(CommandSpec spec, Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A usage error of {@code spec}'s command. */
    static ParameterException error(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
