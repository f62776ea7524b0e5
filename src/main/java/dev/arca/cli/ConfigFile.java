package dev.arca.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The user's defaults for any option, in {@code $XDG_CONFIG_HOME/arca/config.properties} (else
 * {@code ~/.config/arca/config.properties}). A key is an option's long name, such as
 * {@code user-agent=...} for every command that has it, or {@code fetch.jobs=8} for one command;
 * {@code store} chooses the store. Options given on the command line always win.
 *
 * <p>The syntax is the part of Java properties people write: {@code key=value} lines (ending in
 * LF, CR or CRLF), spaces around either, {@code #} and {@code !} comments, blank lines. It is
 * read here line by line,
 * strictly, so that every mistake can be named with its line: text that is not UTF-8, a line
 * without {@code =}, a key set twice, a trailing backslash (properties would join the next line;
 * arca has no continuation lines and no escapes, so every character stands for itself).
 * {@link ConfigCheck} then checks keys and values against the commands.
 *
 * @param path     where the file is, or would be
 * @param settings the settings read from it, by key; empty when there is no file
 * @param problems what is wrong with the file's syntax, by line; empty when nothing is
 */
record ConfigFile(Path path, Map<String, Setting> settings, List<Problem> problems) {

    static final String STORE_KEY = "store";
    /** A config file is a few lines; anything larger is not one. */
    static final int MAX_BYTES = 1 << 20;
    static final int MAX_LINE_BYTES = 8 << 10;

    /** One {@code key=value} line. */
    record Setting(String key, String value, int line) {
    }

    /**
     * One thing wrong with the file, said as "PATH:LINE: reason" (or "PATH: reason" for the
     * whole file, line 0), on one line whatever characters the file holds.
     */
    record Problem(Path path, int line, String reason) {

        @Override
        public String toString() {
            return Columns.clean(path + (line > 0 ? ":" + line : "") + ": " + reason);
        }
    }

    ConfigFile {
        settings = Map.copyOf(settings);
        problems = List.copyOf(problems);
    }

    /** Reads the config file of the user with this environment and home; never fails. */
    static ConfigFile load(Map<String, String> env, Path home) {
        return read(directory(env, home).resolve("config.properties"));
    }

    /** arca's configuration directory: {@code $XDG_CONFIG_HOME/arca}, else {@code ~/.config/arca}. */
    static Path directory(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path dir = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return dir.resolve("arca");
    }

    /** Reads {@code path}, which need not exist; never fails. */
    static ConfigFile read(Path path) {
        if (Files.isDirectory(path)) {
            return unreadable(path, "it is a directory");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return new ConfigFile(path, Map.of(), List.of());
        } catch (AccessDeniedException e) {
            return unreadable(path, "permission denied");
        } catch (IOException e) {
            return unreadable(path, e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            return new ConfigFile(path, Map.of(), List.of(new Problem(path, 0, "the config file is larger than 1 MiB")));
        }
        return parse(path, bytes);
    }

    private static ConfigFile unreadable(Path path, String reason) {
        return new ConfigFile(path, Map.of(), List.of(new Problem(path, 0, "cannot read the config file: " + reason)));
    }

    private static ConfigFile parse(Path path, byte[] bytes) {
        Map<String, Setting> settings = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        int start = 0;
        for (int number = 1; start < bytes.length; number++) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            String problem = parseLine(bytes, start, end - start, number, settings);
            if (problem != null) {
                problems.add(new Problem(path, number, problem));
            }
            // a line ends as in properties files: at \n, \r or \r\n
            start = end + (end + 1 < bytes.length && bytes[end] == '\r' && bytes[end + 1] == '\n' ? 2 : 1);
        }
        return new ConfigFile(path, settings, problems);
    }

    /** Adds the setting on one line to {@code settings}; returns what is wrong with the line, or null. */
    private static String parseLine(byte[] bytes, int start, int length, int number, Map<String, Setting> settings) {
        if (length > MAX_LINE_BYTES) {
            return "the line is longer than 8 KiB";
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = utf8.decode(in, out, true);
        if (result.isError()) {
            return String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02X at column %d)", bytes[in.position()] & 0xff,
                    in.position() - start + 1);
        }
        String line = out.flip().toString();
        if (number == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
            return null;
        }
        int equals = text.indexOf('=');
        if (equals < 0) {
            return "expected key=value, found '" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
        }
        String key = text.substring(0, equals).strip();
        String value = text.substring(equals + 1).strip();
        if (key.isEmpty()) {
            return "no key before '='";
        }
        if (value.isEmpty()) {
            return "no value for '" + key + "'";
        }
        if (value.endsWith("\\")) {
            return "a line cannot go on to the next with a trailing backslash; write the value on one line";
        }
        Setting first = settings.get(key);
        if (first != null) {
            return "'" + key + "' is set again (first on line " + first.line() + ")";
        }
        settings.put(key, new Setting(key, value, number));
        return null;
    }

    /** The configured store directory, or null. */
    String store() {
        return value(STORE_KEY);
    }

    /** The value for an option of a command, or null: "command.option" first, then "option". */
    String valueFor(String command, String option) {
        String key = keyFor(command, option);
        return key == null ? null : value(key);
    }

    /** The key that set an option's value, for {@code arca config}; null when none did. */
    String keyFor(String command, String option) {
        if (settings.containsKey(command + "." + option)) {
            return command + "." + option;
        }
        return settings.containsKey(option) ? option : null;
    }

    private String value(String key) {
        Setting setting = settings.get(key);
        return setting == null ? null : setting.value();
    }

    /**
     * The settings as picocli's defaults. The store is left out because the environment outranks
     * the file for it.
     */
    IDefaultValueProvider defaults() {
        return arg -> arg instanceof OptionSpec option && ConfigKeys.configurable(option)
                ? valueFor(ConfigKeys.scope(option), ConfigKeys.name(option)) : null;
    }
}
