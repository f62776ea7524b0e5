package dev.arca.fetch;

import dev.arca.fetch.CssComponent.Block;
import dev.arca.fetch.CssTokenizer.Token;
import dev.arca.fetch.CssTokenizer.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Whether a media query list (Media Queries Level 4) matches a {@link Viewport} on a screen, as
 * {@code @media}, {@code <source media>} and the conditions of {@code sizes} ask. The viewport is
 * a colour screen with a fine pointer that can hover, in light mode, without scripts.
 *
 * <p>Media types {@code all} and {@code screen} match, every other does not; {@code not},
 * {@code only}, {@code and} and {@code or}, the plain, {@code min-}/{@code max-} and range
 * forms ({@code (400px <= width < 700px)}) of the features pages use are read. A feature or a
 * syntax it does not know is false, as the specification's "unknown" is at the top level.
 */
final class MediaQueries {

    private MediaQueries() {
    }

    /** Whether the media query list in {@code text} matches; an empty list matches everything. */
    static boolean matches(String text, Viewport viewport) {
        return matches(CssComponent.parse(CssTokenizer.tokenize(text)), viewport);
    }

    /** Whether the media query list in {@code values} matches. */
    static boolean matches(List<CssComponent> values, Viewport viewport) {
        List<List<CssComponent>> queries = CssComponent.commaSeparated(values);
        if (queries.size() == 1 && queries.get(0).isEmpty()) {
            return true;
        }
        for (List<CssComponent> query : queries) {
            if (query(query, viewport)) {
                return true;
            }
        }
        return false;
    }

    /** A media condition alone (no media type), as {@code sizes} has them. */
    static boolean condition(List<CssComponent> values, Viewport viewport) {
        List<CssComponent> sig = CssComponent.significant(values);
        return !sig.isEmpty() && condition(sig, 0, sig.size(), viewport);
    }

    private static boolean query(List<CssComponent> q, Viewport viewport) {
        if (q.isEmpty()) {
            return false; // an empty query between commas is "not all"
        }
        Token first = CssComponent.token(q.get(0));
        if (first == null || !first.is(Type.IDENT) || first.isIdent("not") && q.size() > 1 && q.get(1) instanceof Block) {
            return condition(q, 0, q.size(), viewport);
        }
        int at = 0;
        boolean negate = false;
        if (first.isIdent("not") || first.isIdent("only")) {
            negate = first.isIdent("not");
            at++;
        }
        Token type = at < q.size() ? CssComponent.token(q.get(at)) : null;
        if (type == null || !type.is(Type.IDENT)) {
            return false;
        }
        boolean result = mediaType(type.value());
        at++;
        if (at < q.size()) {
            Token and = CssComponent.token(q.get(at));
            if (and == null || !and.isIdent("and") || at + 1 >= q.size()) {
                return false;
            }
            result = result && conjunction(q, at + 1, viewport);
        }
        return negate != result;
    }

    private static boolean mediaType(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        return t.equals("all") || t.equals("screen");
    }

    /** {@code <media-condition-without-or>} after a media type: in-parens joined by {@code and}. */
    private static boolean conjunction(List<CssComponent> q, int from, Viewport viewport) {
        boolean result = true;
        for (int i = from; i < q.size(); i += 2) {
            boolean part = inParens(q.get(i), viewport);
            result = result && part;
            if (i + 1 < q.size() && !isIdent(q.get(i + 1), "and")) {
                return false;
            }
        }
        return result;
    }

    /** {@code not X}, or {@code X (and X)*}, or {@code X (or X)*}, over {@code q[from, to)}. */
    private static boolean condition(List<CssComponent> q, int from, int to, Viewport viewport) {
        if (from >= to) {
            return false;
        }
        if (isIdent(q.get(from), "not")) {
            return to - from == 2 && !inParens(q.get(from + 1), viewport);
        }
        boolean result = inParens(q.get(from), viewport);
        String joiner = null;
        for (int i = from + 1; i < to; i += 2) {
            Token op = CssComponent.token(q.get(i));
            if (op == null || !(op.isIdent("and") || op.isIdent("or")) || i + 1 >= to) {
                return false;
            }
            String o = op.value().toLowerCase(Locale.ROOT);
            if (joiner != null && !joiner.equals(o)) {
                return false; // "a and b or c" is invalid without parentheses
            }
            joiner = o;
            boolean next = inParens(q.get(i + 1), viewport);
            result = o.equals("and") ? result && next : result || next;
        }
        return result;
    }

    private static boolean inParens(CssComponent c, Viewport viewport) {
        if (!(c instanceof Block block) || !block.open().is(Type.OPEN_PAREN)) {
            return false; // a function here is <general-enclosed>: unknown
        }
        List<CssComponent> inside = CssComponent.significant(block.content());
        if (inside.isEmpty()) {
            return false;
        }
        if (inside.get(0) instanceof Block || isIdent(inside.get(0), "not")) {
            return condition(inside, 0, inside.size(), viewport);
        }
        return feature(inside, viewport);
    }

    private static boolean feature(List<CssComponent> f, Viewport viewport) {
        Token name = CssComponent.token(f.get(0));
        if (f.size() == 1) {
            return name != null && name.is(Type.IDENT) && booleanFeature(name.value().toLowerCase(Locale.ROOT), viewport);
        }
        if (name != null && name.is(Type.IDENT) && f.size() >= 3 && CssComponent.token(f.get(1)) != null
                && CssComponent.token(f.get(1)).is(Type.COLON)) {
            return plainFeature(name.value().toLowerCase(Locale.ROOT), f.subList(2, f.size()), viewport);
        }
        return range(f, viewport);
    }

    private static boolean booleanFeature(String name, Viewport viewport) {
        return switch (name) {
            case "width", "height", "device-width", "device-height", "aspect-ratio", "resolution", "color",
                 "hover", "any-hover", "pointer", "any-pointer", "update", "orientation", "color-gamut" -> true;
            default -> false;
        };
    }

    private static boolean plainFeature(String name, List<CssComponent> value, Viewport viewport) {
        String prefix = name.startsWith("min-") ? "min-" : name.startsWith("max-") ? "max-" : "";
        String feature = name.substring(prefix.length());
        if (feature.startsWith("-webkit-")) {
            feature = feature.substring("-webkit-".length());
        }
        OptionalDouble actual = numericFeature(feature, viewport);
        if (actual.isPresent()) {
            OptionalDouble wanted = featureValue(feature, value, viewport);
            if (wanted.isEmpty()) {
                return false;
            }
            double a = actual.getAsDouble();
            double w = wanted.getAsDouble();
            return switch (prefix) {
                case "min-" -> a >= w;
                case "max-" -> a <= w;
                default -> Math.abs(a - w) < 1e-9;
            };
        }
        if (!prefix.isEmpty() || value.size() != 1) {
            return false;
        }
        Token v = CssComponent.token(value.get(0));
        if (v == null || !v.is(Type.IDENT)) {
            return false;
        }
        return v.value().equalsIgnoreCase(switch (feature) {
            case "orientation" -> viewport.width() >= viewport.height() ? "landscape" : "portrait";
            case "hover", "any-hover" -> "hover";
            case "pointer", "any-pointer" -> "fine";
            case "prefers-color-scheme" -> "light";
            case "prefers-reduced-motion", "prefers-reduced-transparency", "prefers-contrast",
                 "prefers-reduced-data" -> "no-preference";
            case "forced-colors", "inverted-colors" -> "none";
            case "scripting" -> "none";
            case "update" -> "fast";
            case "overflow-block", "overflow-inline" -> "scroll";
            case "display-mode" -> "browser";
            case "color-gamut" -> "srgb";
            case "dynamic-range", "video-dynamic-range" -> "standard";
            case "scan" -> "progressive";
            default -> "\u0000";
        });
    }

    /** The value of a numeric feature on {@code viewport}, or empty when {@code feature} is not one. */
    private static OptionalDouble numericFeature(String feature, Viewport viewport) {
        return switch (feature) {
            case "width", "device-width" -> OptionalDouble.of(viewport.width());
            case "height", "device-height" -> OptionalDouble.of(viewport.height());
            case "aspect-ratio", "device-aspect-ratio" -> OptionalDouble.of(viewport.width() / viewport.height());
            case "resolution", "device-pixel-ratio" -> OptionalDouble.of(viewport.density());
            case "color" -> OptionalDouble.of(8);
            case "color-index", "monochrome", "grid" -> OptionalDouble.of(0);
            default -> OptionalDouble.empty();
        };
    }

    /** The value written for {@code feature}: a length, a ratio, a resolution (in dppx) or a number. */
    private static OptionalDouble featureValue(String feature, List<CssComponent> value, Viewport viewport) {
        switch (feature) {
            case "aspect-ratio", "device-aspect-ratio" -> {
                return ratio(value);
            }
            case "resolution" -> {
                return value.size() == 1 ? resolution(CssComponent.token(value.get(0))) : OptionalDouble.empty();
            }
            case "device-pixel-ratio", "color", "color-index", "monochrome", "grid" -> {
                Token t = value.size() == 1 ? CssComponent.token(value.get(0)) : null;
                return t != null && t.is(Type.NUMBER) ? OptionalDouble.of(t.number()) : OptionalDouble.empty();
            }
            default -> {
                return value.size() == 1 ? CssLength.pixels(value.get(0), viewport) : OptionalDouble.empty();
            }
        }
    }

    private static OptionalDouble ratio(List<CssComponent> value) {
        Token a = value.isEmpty() ? null : CssComponent.token(value.get(0));
        if (a == null || !a.is(Type.NUMBER)) {
            return OptionalDouble.empty();
        }
        if (value.size() == 1) {
            return OptionalDouble.of(a.number());
        }
        Token slash = CssComponent.token(value.get(1));
        Token b = value.size() == 3 ? CssComponent.token(value.get(2)) : null;
        if (slash == null || !slash.isDelim('/') || b == null || !b.is(Type.NUMBER) || b.number() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(a.number() / b.number());
    }

    private static OptionalDouble resolution(Token t) {
        if (t == null || !t.is(Type.DIMENSION)) {
            return OptionalDouble.empty();
        }
        return switch (t.value().toLowerCase(Locale.ROOT)) {
            case "dppx", "x" -> OptionalDouble.of(t.number());
            case "dpi" -> OptionalDouble.of(t.number() / 96);
            case "dpcm" -> OptionalDouble.of(t.number() * 2.54 / 96);
            default -> OptionalDouble.empty();
        };
    }

    /** The range form: {@code (width >= 600px)}, {@code (600px <= width)}, {@code (400px < width < 700px)}. */
    private static boolean range(List<CssComponent> f, Viewport viewport) {
        List<Object> parts = new ArrayList<>(); // alternating operand lists and operator strings
        List<CssComponent> operand = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            Token t = CssComponent.token(f.get(i));
            if (t != null && (t.isDelim('<') || t.isDelim('>') || t.isDelim('='))) {
                String op = t.value();
                Token next = i + 1 < f.size() ? CssComponent.token(f.get(i + 1)) : null;
                if (!op.equals("=") && next != null && next.isDelim('=') && next.start() == t.end()) {
                    op += "=";
                    i++;
                }
                parts.add(operand);
                parts.add(op);
                operand = new ArrayList<>();
            } else {
                operand.add(f.get(i));
            }
        }
        parts.add(operand);
        if (parts.size() != 3 && parts.size() != 5) {
            return false;
        }
        int nameAt = -1;
        for (int i = 0; i < parts.size(); i += 2) {
            @SuppressWarnings("unchecked")
            List<CssComponent> o = (List<CssComponent>) parts.get(i);
            if (o.size() == 1 && CssComponent.token(o.get(0)) != null && CssComponent.token(o.get(0)).is(Type.IDENT)) {
                nameAt = i;
            }
        }
        if (nameAt < 0 || parts.size() == 5 && nameAt != 2) {
            return false;
        }
        @SuppressWarnings("unchecked")
        String name = CssComponent.token(((List<CssComponent>) parts.get(nameAt)).get(0)).value().toLowerCase(Locale.ROOT);
        OptionalDouble actual = numericFeature(name, viewport);
        if (actual.isEmpty()) {
            return false;
        }
        double[] values = new double[parts.size()];
        for (int i = 0; i < parts.size(); i += 2) {
            if (i == nameAt) {
                values[i] = actual.getAsDouble();
                continue;
            }
            @SuppressWarnings("unchecked")
            OptionalDouble v = featureValue(name, (List<CssComponent>) parts.get(i), viewport);
            if (v.isEmpty()) {
                return false;
            }
            values[i] = v.getAsDouble();
        }
        for (int i = 1; i < parts.size(); i += 2) {
            if (!compare(values[i - 1], (String) parts.get(i), values[i + 1])) {
                return false;
            }
        }
        return true;
    }

    private static boolean compare(double a, String op, double b) {
        return switch (op) {
            case "<" -> a < b;
            case "<=" -> a <= b;
            case ">" -> a > b;
            case ">=" -> a >= b;
            case "=" -> Math.abs(a - b) < 1e-9;
            default -> false;
        };
    }

    private static boolean isIdent(CssComponent c, String name) {
        Token t = CssComponent.token(c);
        return t != null && t.isIdent(name);
    }
}
