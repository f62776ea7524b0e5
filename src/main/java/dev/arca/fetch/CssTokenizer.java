package dev.arca.fetch;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSS into tokens as CSS Syntax Level 3 (§4) does, so that the requisites a stylesheet names
 * are found where a browser finds them and nowhere else: not inside comments or strings, with
 * escapes decoded, {@code url(} with or without quotes, and bad strings and bad URLs recognised
 * and skipped as browsers skip them. Each token keeps its place in the source, so a renderer can
 * replace exactly the text of a URL.
 *
 * <p>Numbers are read as doubles; the unicode-range token and the {@code <an+b>} microsyntax are
 * not needed to find URLs and are left to the generic tokens.
 */
final class CssTokenizer {

    enum Type {
        IDENT, FUNCTION, AT_KEYWORD, HASH, STRING, BAD_STRING, URL, BAD_URL, DELIM, NUMBER, PERCENTAGE, DIMENSION,
        WHITESPACE, CDO, CDC, COLON, SEMICOLON, COMMA, OPEN_SQUARE, CLOSE_SQUARE, OPEN_PAREN, CLOSE_PAREN,
        OPEN_CURLY, CLOSE_CURLY
    }

    /**
     * One token: its type, its value (the unescaped name, string or URL; the unit of a dimension;
     * the character of a delimiter), its number, and the source range {@code [start, end)}.
     */
    record Token(Type type, String value, double number, int start, int end) {

        boolean is(Type t) {
            return type == t;
        }

        boolean isIdent(String name) {
            return type == Type.IDENT && value.equalsIgnoreCase(name);
        }

        boolean isDelim(char c) {
            return type == Type.DELIM && value.length() == 1 && value.charAt(0) == c;
        }
    }

    private static final int MAX_CODE_POINT = 0x10FFFF;

    private final String css;
    private int pos;

    private CssTokenizer(String css) {
        this.css = css;
    }

    /** Every token of {@code css}, comments left out, in order. */
    static List<Token> tokenize(String css) {
        CssTokenizer t = new CssTokenizer(css);
        List<Token> tokens = new ArrayList<>();
        for (Token token = t.next(); token != null; token = t.next()) {
            tokens.add(token);
        }
        return tokens;
    }

    private Token next() {
        skipComments();
        if (pos >= css.length()) {
            return null;
        }
        int start = pos;
        char c = css.charAt(pos);
        if (isWhitespace(c)) {
            while (pos < css.length() && isWhitespace(css.charAt(pos))) {
                pos++;
            }
            return token(Type.WHITESPACE, " ", start);
        }
        switch (c) {
            case '"', '\'' -> {
                return string(c);
            }
            case '#' -> {
                pos++;
                if (pos < css.length() && (isNameChar(css.charAt(pos)) || validEscape(pos))) {
                    return token(Type.HASH, name(), start);
                }
                return token(Type.DELIM, "#", start);
            }
            case '(' -> {
                return single(Type.OPEN_PAREN);
            }
            case ')' -> {
                return single(Type.CLOSE_PAREN);
            }
            case '[' -> {
                return single(Type.OPEN_SQUARE);
            }
            case ']' -> {
                return single(Type.CLOSE_SQUARE);
            }
            case '{' -> {
                return single(Type.OPEN_CURLY);
            }
            case '}' -> {
                return single(Type.CLOSE_CURLY);
            }
            case ',' -> {
                return single(Type.COMMA);
            }
            case ':' -> {
                return single(Type.COLON);
            }
            case ';' -> {
                return single(Type.SEMICOLON);
            }
            case '+', '.' -> {
                if (startsNumber(pos)) {
                    return numeric();
                }
                return single(Type.DELIM);
            }
            case '-' -> {
                if (startsNumber(pos)) {
                    return numeric();
                }
                if (css.startsWith("-->", pos)) {
                    pos += 3;
                    return token(Type.CDC, "-->", start);
                }
                if (startsIdent(pos)) {
                    return identLike();
                }
                return single(Type.DELIM);
            }
            case '<' -> {
                if (css.startsWith("<!--", pos)) {
                    pos += 4;
                    return token(Type.CDO, "<!--", start);
                }
                return single(Type.DELIM);
            }
            case '@' -> {
                pos++;
                if (startsIdent(pos)) {
                    return token(Type.AT_KEYWORD, name(), start);
                }
                return token(Type.DELIM, "@", start);
            }
            case '\\' -> {
                if (validEscape(pos)) {
                    return identLike();
                }
                return single(Type.DELIM);
            }
            default -> {
                if (c >= '0' && c <= '9') {
                    return numeric();
                }
                if (isNameStart(c)) {
                    return identLike();
                }
                return single(Type.DELIM);
            }
        }
    }

    private void skipComments() {
        while (css.startsWith("/*", pos)) {
            int end = css.indexOf("*/", pos + 2);
            pos = end < 0 ? css.length() : end + 2;
        }
    }

    private Token single(Type type) {
        int start = pos;
        pos++;
        return token(type, css.substring(start, pos), start);
    }

    private Token token(Type type, String value, int start) {
        return new Token(type, value, 0, start, pos);
    }

    private Token string(char quote) {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < css.length()) {
            char c = css.charAt(pos);
            if (c == quote) {
                pos++;
                return token(Type.STRING, value.toString(), start);
            }
            if (c == '\n' || c == '\r' || c == '\f') {
                // an unescaped line break ends a bad string, and is not part of it
                return token(Type.BAD_STRING, value.toString(), start);
            }
            if (c == '\\') {
                if (pos + 1 >= css.length()) {
                    pos++;
                } else if (isNewline(css.charAt(pos + 1))) {
                    pos += css.startsWith("\r\n", pos + 1) ? 3 : 2;
                } else {
                    pos++;
                    value.appendCodePoint(escape());
                }
                continue;
            }
            value.append(c);
            pos++;
        }
        return token(Type.STRING, value.toString(), start);
    }

    private Token numeric() {
        int start = pos;
        int numberStart = pos;
        if (css.charAt(pos) == '+' || css.charAt(pos) == '-') {
            pos++;
        }
        digits();
        if (pos + 1 < css.length() && css.charAt(pos) == '.' && isDigit(css.charAt(pos + 1))) {
            pos++;
            digits();
        }
        if (pos + 1 < css.length() && (css.charAt(pos) == 'e' || css.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < css.length() && (css.charAt(pos) == '+' || css.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < css.length() && isDigit(css.charAt(pos))) {
                digits();
            } else {
                pos = save;
            }
        }
        double number;
        try {
            number = Double.parseDouble(css.substring(numberStart, pos));
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (startsIdent(pos)) {
            String unit = name();
            return new Token(Type.DIMENSION, unit, number, start, pos);
        }
        if (pos < css.length() && css.charAt(pos) == '%') {
            pos++;
            return new Token(Type.PERCENTAGE, "%", number, start, pos);
        }
        return new Token(Type.NUMBER, "", number, start, pos);
    }

    private void digits() {
        while (pos < css.length() && isDigit(css.charAt(pos))) {
            pos++;
        }
    }

    private Token identLike() {
        int start = pos;
        String name = name();
        if (pos < css.length() && css.charAt(pos) == '(') {
            pos++;
            if (name.equalsIgnoreCase("url")) {
                int afterParen = pos;
                while (pos < css.length() && isWhitespace(css.charAt(pos))) {
                    pos++;
                }
                if (pos < css.length() && (css.charAt(pos) == '"' || css.charAt(pos) == '\'')) {
                    // url("...") is a function whose argument is a string token
                    pos = afterParen;
                    return token(Type.FUNCTION, name, start);
                }
                return url(start);
            }
            return token(Type.FUNCTION, name, start);
        }
        return token(Type.IDENT, name, start);
    }

    /** An unquoted {@code url(...)}, after the opening parenthesis and whitespace. */
    private Token url(int start) {
        StringBuilder value = new StringBuilder();
        while (pos < css.length()) {
            char c = css.charAt(pos);
            if (c == ')') {
                pos++;
                return token(Type.URL, value.toString(), start);
            }
            if (isWhitespace(c)) {
                while (pos < css.length() && isWhitespace(css.charAt(pos))) {
                    pos++;
                }
                if (pos >= css.length()) {
                    return token(Type.URL, value.toString(), start);
                }
                if (css.charAt(pos) == ')') {
                    pos++;
                    return token(Type.URL, value.toString(), start);
                }
                return badUrl(start);
            }
            if (c == '"' || c == '\'' || c == '(' || isNonPrintable(c)) {
                return badUrl(start);
            }
            if (c == '\\') {
                if (validEscape(pos)) {
                    pos++;
                    value.appendCodePoint(escape());
                    continue;
                }
                return badUrl(start);
            }
            value.append(c);
            pos++;
        }
        return token(Type.URL, value.toString(), start);
    }

    /** Consumes the remnants of a bad URL up to and including its closing parenthesis. */
    private Token badUrl(int start) {
        while (pos < css.length()) {
            char c = css.charAt(pos);
            if (c == ')') {
                pos++;
                break;
            }
            if (validEscape(pos)) {
                pos++;
                escape();
            } else {
                pos++;
            }
        }
        return token(Type.BAD_URL, "", start);
    }

    private String name() {
        StringBuilder name = new StringBuilder();
        while (pos < css.length()) {
            char c = css.charAt(pos);
            if (isNameChar(c)) {
                name.append(c);
                pos++;
            } else if (validEscape(pos)) {
                pos++;
                name.appendCodePoint(escape());
            } else {
                break;
            }
        }
        return name.toString();
    }

    /** Reads an escape after its backslash; returns the code point it stands for. */
    private int escape() {
        if (pos >= css.length()) {
            return 0xFFFD;
        }
        char c = css.charAt(pos);
        if (isHex(c)) {
            int value = 0;
            int digits = 0;
            while (pos < css.length() && digits < 6 && isHex(css.charAt(pos))) {
                value = value * 16 + Character.digit(css.charAt(pos), 16);
                pos++;
                digits++;
            }
            if (css.startsWith("\r\n", pos)) {
                pos += 2;
            } else if (pos < css.length() && isWhitespace(css.charAt(pos))) {
                pos++;
            }
            return value == 0 || value > MAX_CODE_POINT || value >= 0xD800 && value <= 0xDFFF ? 0xFFFD : value;
        }
        int cp = css.codePointAt(pos);
        pos += Character.charCount(cp);
        return cp;
    }

    private boolean validEscape(int at) {
        return at + 1 < css.length() && css.charAt(at) == '\\' && !isNewline(css.charAt(at + 1));
    }

    private boolean startsIdent(int at) {
        if (at >= css.length()) {
            return false;
        }
        char c = css.charAt(at);
        if (c == '-') {
            return at + 1 < css.length() && (isNameStart(css.charAt(at + 1)) || css.charAt(at + 1) == '-')
                    || validEscape(at + 1);
        }
        return isNameStart(c) || validEscape(at);
    }

    private boolean startsNumber(int at) {
        char c = css.charAt(at);
        if (c == '+' || c == '-') {
            at++;
            if (at >= css.length()) {
                return false;
            }
            c = css.charAt(at);
        }
        if (isDigit(c)) {
            return true;
        }
        return c == '.' && at + 1 < css.length() && isDigit(css.charAt(at + 1));
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || isDigit(c) || c == '-';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || isNewline(c);
    }

    private static boolean isNonPrintable(char c) {
        return c <= 0x08 || c == 0x0B || c >= 0x0E && c <= 0x1F || c == 0x7F;
    }
}
