package dev.arca.testing;

import dev.arca.cli.Console;
import dev.arca.cli.Main;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the real {@code arca} entry point in-process against a temporary store and home. */
public final class Cli {

    /** The outcome of one command line. */
    public record Result(int status, String out, String err, byte[] outBytes) {

        /** Non-empty stdout lines. */
        public List<String> lines() {
            return Arrays.stream(out.split("\n")).filter(l -> !l.isEmpty()).toList();
        }
    }

    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private boolean stdinIsTerminal;

    /** A CLI whose home is {@code home} and whose store is {@code home/store}. */
    public Cli(Path home) {
        this.home = home;
        env.put("ARCA_STORE", home.resolve("store").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    }

    public Path store() {
        return Path.of(env.get("ARCA_STORE"));
    }

    /** The bundle files in the store, in no order; none when the store does not exist yet. */
    public List<Path> bundles() {
        if (!Files.exists(store())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(store())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".wacz")).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // a directory vanished under the walk, as a writer renamed a file; ask again
        }
    }

    public Cli env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    /** Makes later runs see stdin as a terminal, as when a person types the command. */
    public Cli stdinIsTerminal(boolean terminal) {
        stdinIsTerminal = terminal;
        return this;
    }

    public Result run(String... args) {
        return runWithInput(new byte[0], args);
    }

    public Result runWithInput(byte[] stdin, String... args) {
        return runWithInput(new ByteArrayInputStream(stdin), args);
    }

    public Result runWithInput(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return run(stdin, out, out, args);
    }

    /**
     * Runs with {@code stdout} as standard output, such as a stream that fails; the result's
     * {@code out} is empty.
     */
    public Result runWithOutput(OutputStream stdout, String... args) {
        return run(new ByteArrayInputStream(new byte[0]), stdout, new ByteArrayOutputStream(), args);
    }

    private Result run(InputStream stdin, OutputStream stdout, ByteArrayOutputStream captured, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(Console.data(stdout), new PrintStream(err, true, StandardCharsets.UTF_8),
                stdin, env, home, false, stdinIsTerminal);
        int status = Main.run(args, console);
        return new Result(status, captured.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                captured.toByteArray());
    }
}
