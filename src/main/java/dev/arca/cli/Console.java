package dev.arca.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process's streams and environment. Commands read these instead of {@code System.*}, so tests
 * run the real command line in-process with their own streams and variables.
 *
 * @param out              data: one result per line, or JSON
 * @param err              diagnostics: errors, warnings, progress
 * @param in               standard input, for {@code -} arguments
 * @param env              environment variables
 * @param home             the user's home directory
 * @param stderrIsTerminal whether a person is watching stderr
 * @param stdinIsTerminal  whether a person could answer a question on stdin
 */
public record Console(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path home,
                      boolean stderrIsTerminal, boolean stdinIsTerminal) {

    public Console {
        env = Map.copyOf(env);
    }

    /** A console whose stdin is not a terminal, as in scripts and tests. */
    public Console(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path home,
                   boolean stderrIsTerminal) {
        this(out, err, in, env, home, stderrIsTerminal, false);
    }

    /** The real process: UTF-8 streams whatever the locale, so titles never turn into '?'. */
    public static Console system() {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return new Console(out, err, System.in, System.getenv(), Path.of(System.getProperty("user.home")),
                System.console() != null, stdinLooksLikeTerminal());
    }

    /** Java 17 cannot ask isatty(0) directly; Linux shows it in /proc, elsewhere System.console() is close. */
    private static boolean stdinLooksLikeTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
