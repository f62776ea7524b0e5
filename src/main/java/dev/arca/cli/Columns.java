package dev.arca.cli;

import java.util.Locale;

/**
 * Makes text that came from a page or a bundle safe for one cell of arca's text outputs: it keeps
 * to its line and column, and no control character reaches a terminal, where ESC, BEL or CSI
 * could recolour it, retitle the window or plant a hidden OSC 8 link.
 */
final class Columns {

    private Columns() {
    }

    /**
     * The text as people read it in a table, a line or a message: every run of white space (tabs,
     * line breaks) becomes one space, every other control character (C0, DEL, C1) is shown as
     * {@code \xHH}; null becomes empty.
     */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!space && out.length() > 0) {
                    out.append(' ');
                }
                space = true;
                continue;
            }
            space = false;
            if (isControl(c)) {
                hex(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /**
     * A cell of tab-separated values, reversibly: backslash, tab, line feed and carriage return are
     * written {@code \\}, {@code \t}, {@code \n} and {@code \r}, other control characters {@code \xHH}.
     */
    static String tsv(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (isControl(c)) {
                        hex(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * A cell of comma-separated values: quoted as RFC 4180 says when it holds a comma, a quote or a
     * line break; a cell a spreadsheet would run as a formula (starting with {@code = + - @}, tab or
     * carriage return) gets a leading {@code '} and quotes, as OWASP advises against CSV injection.
     * Control characters other than tab and line breaks are shown as {@code \xHH}.
     */
    static String csv(String value) {
        StringBuilder text = new StringBuilder(value.length() + 1);
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        if (formula) {
            text.append('\'');
        }
        boolean quote = formula;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
            }
            if (isControl(c) && c != '\t' && c != '\n' && c != '\r') {
                hex(text, c);
            } else {
                text.append(c);
            }
        }
        return quote ? '"' + text.toString().replace("\"", "\"\"") + '"' : text.toString();
    }

    /** C0 controls, DEL and C1 controls: the characters a terminal may act on rather than show. */
    private static boolean isControl(char c) {
        return Character.isISOControl(c);
    }

    private static void hex(StringBuilder out, char c) {
        out.append("\\x").append(String.format(Locale.ROOT, "%02x", (int) c));
    }
}
