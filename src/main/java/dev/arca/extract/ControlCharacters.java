package dev.arca.extract;

/**
 * Removes from page-derived text the characters a terminal obeys instead of printing: the C0
 * controls (NUL, BEL, ESC, which starts colour codes and OSC 8 hyperlinks), DEL, and the C1
 * controls (U+0080–U+009F, among them the one-character CSI U+009B). A page can put them in a
 * title or a paragraph, and arca prints both. Lone surrogates, which no encoder can write and
 * which a page can produce with {@code &#xD800;}, become U+FFFD.
 *
 * <p>Strings without such characters are returned as they are, so the common case costs one scan.
 */
public final class ControlCharacters {

    private static final char REPLACEMENT = '\uFFFD';

    private ControlCharacters() {
    }

    /** Whether {@code c} is a C0 control, DEL or a C1 control. */
    public static boolean isControl(int c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }

    /** A one-line value (a title, a name): controls removed, tabs and line breaks turned into spaces. */
    public static String line(String s) {
        return clean(s, false);
    }

    /** Multi-line text: {@code \n} and {@code \t} kept, CR LF and a lone CR become {@code \n}, other controls removed. */
    public static String text(String s) {
        return clean(s, true);
    }

    /**
     * Serialised HTML, as jsoup writes it: cleaned like {@link #text}, and the character references
     * jsoup writes for C0 controls ({@code &#x1b;}) removed too, so no text node or attribute value
     * holds a control once the HTML is parsed again.
     */
    public static String html(String s) {
        String raw = text(s);
        int amp = raw == null ? -1 : raw.indexOf("&#");
        if (amp < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int copied = 0;
        while (amp >= 0) {
            int end = controlReferenceEnd(raw, amp);
            if (end > 0) {
                out.append(raw, copied, amp);
                copied = end;
            }
            amp = raw.indexOf("&#", Math.max(amp + 2, end));
        }
        return out.append(raw, copied, raw.length()).toString();
    }

    private static String clean(String s, boolean multiLine) {
        if (s == null || isClean(s, multiLine)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else if (!isControl(c) || multiLine && (c == '\n' || c == '\t')) {
                out.append(c);
            } else if (c == '\r') {
                if (!multiLine) {
                    out.append(' ');
                } else if (i + 1 >= n || s.charAt(i + 1) != '\n') {
                    out.append('\n');
                }
            } else if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f') {
                out.append(multiLine ? '\n' : ' ');
            }
        }
        return out.toString();
    }

    private static boolean isClean(String s, boolean multiLine) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (isControl(c) && !(multiLine && (c == '\n' || c == '\t'))) {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /**
     * The end of the numeric character reference at {@code amp} when it names a C0 control other
     * than tab and line feed; -1 otherwise.
     */
    private static int controlReferenceEnd(String s, int amp) {
        int i = amp + 2;
        boolean hex = i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
        int digits = hex ? ++i : i;
        long value = 0;
        for (int d; i < s.length() && (d = asciiDigit(s.charAt(i), hex)) >= 0; i++) {
            value = Math.min(Integer.MAX_VALUE, value * (hex ? 16 : 10) + d);
        }
        if (i == digits || value >= 0x20 || value == '\n' || value == '\t') {
            return -1;
        }
        return i < s.length() && s.charAt(i) == ';' ? i + 1 : i; // HTML reads a reference without its ';' too
    }

    private static int asciiDigit(char c, boolean hex) {
        return c < 0x80 ? Character.digit(c, hex ? 16 : 10) : -1;
    }
}
