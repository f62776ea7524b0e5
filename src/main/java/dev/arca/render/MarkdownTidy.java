package dev.arca.render;

import java.util.regex.Pattern;

/** Removes what HTML conversion leaves behind that a reader would not write: empty links, blank runs. */
final class MarkdownTidy {

    private static final Pattern EMPTY_LINK = Pattern.compile("(?<!!)\\[\\s*\\]\\([^)]*\\)");
    private static final Pattern BLANK_RUNS = Pattern.compile("\\n[ \\t]*(\\n[ \\t]*)+\\n");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\\n");

    private MarkdownTidy() {
    }

    static String tidy(String markdown) {
        String out = EMPTY_LINK.matcher(markdown).replaceAll("");
        out = TRAILING_SPACE.matcher(out).replaceAll("\n");
        out = BLANK_RUNS.matcher(out).replaceAll("\n\n");
        return out.strip();
    }
}
