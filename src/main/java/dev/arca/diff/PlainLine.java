package dev.arca.diff;

import dev.arca.extract.ControlCharacters;

/**
 * Page-derived text as one clean line: every run of whitespace (tabs, line breaks, no-break
 * spaces) becomes one space, the ends are stripped, and the characters a terminal obeys instead
 * of printing (C0 controls, DEL, C1 controls such as the one-character CSI U+009B) are removed.
 * Lone surrogates, which no encoder writes, become U+FFFD.
 *
 * <p>Comparing normalised lines is what makes a whitespace-only edit no change at all, and
 * cleaning them here, once, with {@link ControlCharacters#line} as the extractor does, is what
 * keeps controls out of every renderer's output.
 */
final class PlainLine {

    private PlainLine() {
    }

    /** A snapshot's label for a diff's heading, as a clean line; "(unnamed)" when there is none. */
    static String label(String label) {
        String line = of(label);
        return line == null || line.isEmpty() ? "(unnamed)" : line;
    }

    /** {@code text} as a clean line; null stays null. */
    static String of(String text) {
        if (text == null) {
            return null;
        }
        String line = ControlCharacters.line(text);
        StringBuilder out = new StringBuilder(line.length());
        boolean space = false;
        for (int i = 0, n = line.length(); i < n; i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
