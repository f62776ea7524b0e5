package dev.arca.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.PropertiesDefaultProvider;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The user's defaults for any option, in {@code $XDG_CONFIG_HOME/arca/config.properties} (else
 * {@code ~/.config/arca/config.properties}). A key is an option's long name, such as
 * {@code user-agent=...} for every command that has it, or {@code fetch.jobs=8} for one command;
 * {@code store} chooses the store. Options given on the command line always win.
 *
 * @param path     where the file is, or would be
 * @param settings the settings read from it, sorted by key; empty when there is no file
 * @param problem  why the file could not be read, or null
 */
record ConfigFile(Path path, Map<String, String> settings, String problem) {

    static final String STORE_KEY = "store";

    ConfigFile {
        settings = Map.copyOf(settings);
    }

    /** Reads the config file of the user with this environment and home; never fails. */
    static ConfigFile load(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path dir = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        Path path = dir.resolve("arca").resolve("config.properties");
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return new ConfigFile(path, Map.of(), null);
        } catch (IOException | IllegalArgumentException e) {
            return new ConfigFile(path, Map.of(), "cannot read " + path + ": " + e.getMessage());
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> settings.put(k.strip(), properties.getProperty(k).strip()));
        return new ConfigFile(path, settings, null);
    }

    /** The configured store directory, or null. */
    String store() {
        return settings.get(STORE_KEY);
    }

    /** The value for an option of a command, or null: "command.option" first, then "option". */
    String valueFor(String command, String option) {
        String scoped = settings.get(command + "." + option);
        return scoped != null ? scoped : settings.get(option);
    }

    /** The key that set an option's value, for {@code arca config}; null when none did. */
    String keyFor(String command, String option) {
        if (settings.containsKey(command + "." + option)) {
            return command + "." + option;
        }
        return settings.containsKey(option) ? option : null;
    }

    /**
     * picocli's properties provider over these settings. picocli looks keys up as
     * "arca.command.option" or "option", so "command.option" keys get their "arca." prefix here;
     * the store is left out because the environment outranks the file for it.
     */
    IDefaultValueProvider defaults() {
        Properties properties = new Properties();
        settings.forEach((key, value) -> {
            if (!key.equals(STORE_KEY)) {
                properties.setProperty(key.contains(".") && !key.startsWith("arca.") ? "arca." + key : key, value);
            }
        });
        return new PropertiesDefaultProvider(properties);
    }
}
