package dev.arca.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Reads URL lists as people keep them for {@code -i}: one URL per line, blank lines and lines
 * starting with {@code #} skipped. Lazily, so a list of any length costs no memory.
 */
final class UrlListReader {

    private UrlListReader() {
    }

    /** Opens {@code name}, or standard input for "-", as UTF-8 that never fails on a bad byte. */
    static BufferedReader open(String name, InputStream stdin) throws IOException {
        InputStream in = name.equals("-") ? stdin : Files.newInputStream(Path.of(name));
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The URLs of the list, read as they are asked for. */
    static Iterator<String> urls(BufferedReader list) {
        return list.lines()
                .map(line -> line.replace("\uFEFF", "").strip())
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .iterator();
    }
}
