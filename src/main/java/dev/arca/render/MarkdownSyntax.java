package dev.arca.render;

import dev.arca.extract.ControlCharacters;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * How page text and URLs are written so that CommonMark reads them back as text and as the same
 * URL, and nothing else: no HTML, no autolink, no character reference, no emphasis or link the
 * page did not have, no block started by a line's first characters. Only what would be read as
 * syntax is escaped, so ordinary prose stays as it is.
 */
public final class MarkdownSyntax {

    /**
     * The start of a line CommonMark would read as a block: an ATX heading, a list item, a quote, a
     * tilde fence, or a setext underline or thematic break.
     */
    private static final Pattern LINE_SYNTAX = Pattern.compile("(#{1,6}|[-+*]|\\d{1,9}[.)])(\\s.*)?|>.*|~~~.*|[-=][-=\\s]*");

    /** A character reference CommonMark would decode. */
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

    private MarkdownSyntax() {
    }

    /** A code span whose backtick fence is longer than any run inside; line breaks become the spaces CommonMark reads them as. */
    static String codeSpan(String code) {
        String flat = code.replace('\n', ' ');
        int longest = longestRun(flat, '`');
        String fence = "`".repeat(longest + 1);
        return longest > 0 ? fence + " " + flat + " " + fence : fence + flat + fence;
    }

    private static int longestRun(String s, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /**
     * A link or image destination that CommonMark reads back whole: characters that would end it
     * or start an escape (space, controls, angle brackets, parentheses, backslash) percent-encoded,
     * and an {@code &} that would start a character reference escaped.
     */
    static String destination(String url) {
        StringBuilder sb = new StringBuilder(url.length() + 8);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || ControlCharacters.isControl(c) || c == '<' || c == '>' || c == '(' || c == ')' || c == '\\') {
                percentEncode(sb, String.valueOf(c));
            } else {
                if (c == '&' && ENTITY.matcher(url).region(i, url.length()).lookingAt()) {
                    sb.append('\\');
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Appends the UTF-8 bytes of {@code s} as %XX escapes. */
    static void percentEncode(StringBuilder sb, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
    }

    /** An autolink to an http(s) URL, percent-encoded where an autolink would end; any other URL as plain text. */
    static String autolink(String url) {
        String clean = url.strip();
        if (!isWebUrl(clean)) {
            return paragraph(clean);
        }
        StringBuilder sb = new StringBuilder(clean.length() + 2).append('<');
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c <= ' ' || ControlCharacters.isControl(c) || c == '<' || c == '>') {
                percentEncode(sb, String.valueOf(c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('>').toString();
    }

    static boolean isWebUrl(String url) {
        return url.startsWith("http://") || url.startsWith("https://");
    }

    /**
     * Escapes what CommonMark would read as inline syntax, and nothing else: backslashes, emphasis
     * marks, backticks, brackets, a {@code <} that could open HTML or an autolink, and an
     * {@code &} that starts a character reference. Text ends where the next text node may begin,
     * so a {@code <} or {@code &} at the very end is escaped too.
     */
    static String escape(CharSequence text) {
        int n = text.length();
        StringBuilder sb = new StringBuilder(n + 8);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean syntax = switch (c) {
                case '\\', '*', '`', '[', ']' -> true;
                case '_' -> i == 0 || i == n - 1
                        || !Character.isLetterOrDigit(text.charAt(i - 1)) || !Character.isLetterOrDigit(text.charAt(i + 1));
                case '<' -> i + 1 == n || isAsciiLetter(text.charAt(i + 1)) || "/!?".indexOf(text.charAt(i + 1)) >= 0;
                case '&' -> i + 1 == n || ENTITY.matcher(text).region(i, n).lookingAt();
                default -> false;
            };
            if (syntax) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * One line of page text for GitHub-flavoured Markdown, where it may sit in a table cell or
     * between strikethrough marks: {@link #paragraph} escaping, and the table pipe and the tilde too.
     */
    public static String gfmLine(String line) {
        return paragraph(line.replace('\n', ' ')).replace("|", "\\|").replace("~", "\\~");
    }

    /** Escaped text as a paragraph: inline syntax and block markers at line starts escaped. */
    static String paragraph(String text) {
        return lineStarts(escape(text));
    }

    /**
     * The content of an ATX heading: one line, and a trailing run of {@code #} escaped so that
     * CommonMark does not take it for the closing sequence.
     */
    static String heading(String text) {
        String line = text.replace('\n', ' ');
        int run = line.length();
        while (run > 0 && line.charAt(run - 1) == '#') {
            run--;
        }
        boolean closing = run < line.length() && (run == 0 || line.charAt(run - 1) == ' ' || line.charAt(run - 1) == '\t');
        return closing ? line.substring(0, run) + "\\" + line.substring(run) : line;
    }

    /**
     * Escaped text with the marker of each line that would start a heading, list, quote, fence,
     * setext underline or thematic break escaped, and without blank lines, which would end the
     * paragraph and a link or emphasis across them.
     */
    static String lineStarts(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            String trimmed = line.stripLeading();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            if (LINE_SYNTAX.matcher(trimmed).matches()) {
                int mark = 0;
                while (mark < trimmed.length() - 1 && trimmed.charAt(mark) >= '0' && trimmed.charAt(mark) <= '9') {
                    mark++;
                }
                sb.append(trimmed, 0, mark).append('\\').append(trimmed, mark, trimmed.length());
            } else {
                sb.append(trimmed);
            }
        }
        return sb.toString();
    }

    /** A fenced code block whose fence no line inside can close. */
    static String codeBlock(String code) {
        String fence = "`".repeat(Math.max(3, longestRun(code, '`') + 1));
        return fence + "\n" + code + "\n" + fence;
    }
}
