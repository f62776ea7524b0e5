package dev.arca.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * @param stdoutIsTerminal whether a person reads stdout, which may then be in colour
 */
public record Console(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path home,
                      boolean stderrIsTerminal, boolean stdinIsTerminal, boolean stdoutIsTerminal) {

    public Console {
        env = Map.copyOf(env);
    }

    /** A console whose stdin is not a terminal, as in scripts and tests. */
    public Console(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path home,
                   boolean stderrIsTerminal) {
        this(out, err, in, env, home, stderrIsTerminal, false);
    }

    /** A console whose stdout is not a terminal, as in scripts and tests. */
    public Console(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path home,
                   boolean stderrIsTerminal, boolean stdinIsTerminal) {
        this(out, err, in, env, home, stderrIsTerminal, stdinIsTerminal, false);
    }

    /** The real process: UTF-8 streams whatever the locale, so titles never turn into '?'. */
    public static Console system() {
        PrintStream out = data(new FileOutputStream(FileDescriptor.out));
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        String home = System.getenv("HOME");
        // $HOME first, as the XDG rules say; Java's user.home comes from the password database
        Path homeDir = Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
        return new Console(out, err, System.in, System.getenv(), homeDir, isTerminal(2), isTerminal(0), isTerminal(1));
    }

    /**
     * Standard output as arca writes data to it: UTF-8, and a write that fails (a full disk,
     * {@code /dev/full}, a closed pipe) throws an {@link OutputFailure} instead of vanishing in
     * the PrintStream, so the command stops and the failure is reported.
     */
    public static PrintStream data(OutputStream stdout) {
        return new PrintStream(new CheckedOutput(stdout, "to standard output"), false, StandardCharsets.UTF_8);
    }

    /** Whether file descriptor {@code fd} is a terminal: Java 17 cannot ask isatty, but Linux shows it in /proc. */
    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null; // no /proc: the best guess the JDK offers
        }
    }
}
