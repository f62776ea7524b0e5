package dev.arca.diff;

/**
 * Page-derived text as one clean line: every run of whitespace (tabs, line breaks, no-break
 * spaces) becomes one space, the ends are stripped, and the characters a terminal obeys instead
 * of printing (C0 controls, DEL, C1 controls such as the one-character CSI U+009B) are removed.
 * Lone surrogates, which no encoder writes, become U+FFFD.
 *
 * <p>Comparing normalised lines is what makes a whitespace-only edit no change at all, and
 * cleaning them here, once, is what keeps controls out of every renderer's output.
 * ({@code dev.arca.extract.ControlCharacters}, on another branch, does the control part for the
 * extractor; once both are on main this class should call it.)
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
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
