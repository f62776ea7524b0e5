package dev.arca.bundle;

/**
 * Judges ZIP entry names. arca writes a few plain relative names; anything that could point outside
 * a directory when extracted by some tool ("zip slip") or that tools read differently marks a bundle
 * as hostile.
 */
final class EntryNames {

    private static final int MAX_LENGTH = 1024;

    private EntryNames() {
    }

    /** Why {@code name} is unsafe, or null when it is a plain relative path. */
    static String unsafe(String name) {
        if (name.isEmpty()) {
            return "empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        if (name.indexOf('\\') >= 0) {
            return "backslash";
        }
        if (name.startsWith("/")) {
            return "absolute path";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return "drive letter";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "control character";
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return "dot segment";
            }
        }
        return null;
    }

    /** {@code name} made safe to print on one line. */
    static String shown(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(120).forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
        return name.length() > 120 ? out + "…" : out.toString();
    }
}
