package dev.arca.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads URL lists as people keep them for {@code -i}: one URL per line, blank lines and lines
 * starting with {@code #} skipped. Lazily and in bounded memory, so a list of any length, or a
 * file that is not a list at all (one 100 MB line), costs no more than one {@link #MAX_LINE} line.
 */
final class UrlListReader implements AutoCloseable {

    /** A line longer than this is no URL: servers refuse those beyond about 8 KiB. */
    static final int MAX_LINE = 64 << 10;

    /**
     * One line that is not blank or a comment.
     *
     * @param url     the URL on it, stripped; null when the line was too long to be one
     * @param where   "LIST:NUMBER", to name the line in a report
     * @param problem why the line is not a URL, or null
     */
    record Line(String url, String where, String problem) {
    }

    private final Reader in;
    private final String name;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private int number;
    private boolean atEnd;

    private UrlListReader(Reader in, String name) {
        this.in = in;
        this.name = name;
    }

    /** Opens {@code list}, or standard input for "-", as UTF-8 that never fails on a bad byte. */
    static UrlListReader open(String list, InputStream stdin) throws IOException {
        InputStream in = list.equals("-") ? stdin : Files.newInputStream(Path.of(list));
        return new UrlListReader(new InputStreamReader(in, StandardCharsets.UTF_8), list.equals("-") ? "stdin" : list);
    }

    /** The next line that is not blank or a comment, or null at the end of the list. */
    Line read() throws IOException {
        Line line = null;
        while (line == null && !atEnd) {
            line = readLine();
        }
        return line;
    }

    /** The next line as a {@link Line}, or null for a blank line, a comment or the end. */
    private Line readLine() throws IOException {
        line.setLength(0);
        long length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit < 0) {
                    limit = 0;
                    atEnd = true;
                    break;
                }
            }
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            length += end - position;
            if (length <= MAX_LINE) {
                line.append(buffer, position, end - position);
            }
            boolean newline = end < limit;
            position = newline ? end + 1 : end;
            if (newline) {
                break;
            }
        }
        if (atEnd && length == 0) {
            return null;
        }
        number++;
        String where = name + ":" + number;
        if (length > MAX_LINE) {
            return new Line(null, where, "the line is longer than 64 KiB (" + length + " characters), so it is not a URL");
        }
        String text = line.toString().replace("\uFEFF", "").strip();
        return text.isEmpty() || text.startsWith("#") ? null : new Line(text, where, null);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
