package dev.arca.fetch;

import dev.arca.fetch.CssComponent.Block;
import dev.arca.fetch.CssComponent.Function;
import dev.arca.fetch.CssTokenizer.Token;
import dev.arca.fetch.CssTokenizer.Type;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Lengths in CSS pixels for a {@link Viewport}: absolute units, font-relative units at the initial
 * font size, viewport units, and {@code calc()}, {@code min()}, {@code max()} and {@code clamp()}
 * over them, as {@code sizes} and media queries use them. Percentages have no reference there
 * and are not lengths.
 */
final class CssLength {

    private CssLength() {
    }

    /** A length component ({@code 50vw}, {@code 0}, {@code calc(100vw - 2em)}) in pixels, if it is one. */
    static OptionalDouble pixels(CssComponent value, Viewport viewport) {
        Token token = CssComponent.token(value);
        if (token != null && token.is(Type.NUMBER)) {
            return token.number() == 0 ? OptionalDouble.of(0) : OptionalDouble.empty();
        }
        Quantity q = quantity(value, viewport);
        return q != null && q.length ? OptionalDouble.of(q.value) : OptionalDouble.empty();
    }

    /** The pixels of {@code number} in {@code unit}, or NaN for a unit that is no length. */
    static double unitPixels(double number, String unit, Viewport viewport) {
        double f = switch (unit.toLowerCase(Locale.ROOT)) {
            case "px" -> 1;
            case "em", "rem", "ic", "rlh" -> Viewport.FONT_SIZE;
            case "lh" -> Viewport.FONT_SIZE * 1.2;
            case "ex", "ch", "rex", "rch" -> Viewport.FONT_SIZE / 2;
            case "cap", "rcap" -> Viewport.FONT_SIZE * 0.7;
            case "vw", "svw", "lvw", "dvw", "vi", "svi", "lvi", "dvi" -> viewport.width() / 100;
            case "vh", "svh", "lvh", "dvh", "vb", "svb", "lvb", "dvb" -> viewport.height() / 100;
            case "vmin", "svmin", "lvmin", "dvmin" -> Math.min(viewport.width(), viewport.height()) / 100;
            case "vmax", "svmax", "lvmax", "dvmax" -> Math.max(viewport.width(), viewport.height()) / 100;
            case "cm" -> 96 / 2.54;
            case "mm" -> 96 / 25.4;
            case "q" -> 96 / 101.6;
            case "in" -> 96;
            case "pt" -> 96.0 / 72;
            case "pc" -> 16;
            default -> Double.NaN;
        };
        return number * f;
    }

    /** A number or a length, as calc() combines them. */
    private record Quantity(double value, boolean length) {
    }

    private static Quantity quantity(CssComponent c, Viewport viewport) {
        if (c instanceof Function f) {
            String name = f.name().value().toLowerCase(Locale.ROOT);
            List<List<CssComponent>> args = CssComponent.commaSeparated(f.arguments());
            return switch (name) {
                case "calc", "-webkit-calc", "-moz-calc" -> args.size() == 1 ? sum(args.get(0), viewport) : null;
                case "min", "max" -> extreme(args, name.equals("max"), viewport);
                case "clamp" -> clamp(args, viewport);
                default -> null;
            };
        }
        if (c instanceof Block b) {
            return b.open().is(Type.OPEN_PAREN) ? sum(CssComponent.significant(b.content()), viewport) : null;
        }
        Token t = CssComponent.token(c);
        if (t == null) {
            return null;
        }
        if (t.is(Type.NUMBER)) {
            return new Quantity(t.number(), false);
        }
        if (t.is(Type.DIMENSION)) {
            double px = unitPixels(t.number(), t.value(), viewport);
            return Double.isNaN(px) ? null : new Quantity(px, true);
        }
        return null;
    }

    private static Quantity sum(List<CssComponent> terms, Viewport viewport) {
        if (terms.isEmpty()) {
            return null;
        }
        int[] at = {0};
        Quantity total = product(terms, at, viewport);
        while (total != null && at[0] < terms.size()) {
            Token op = CssComponent.token(terms.get(at[0]));
            if (op == null || !(op.isDelim('+') || op.isDelim('-'))) {
                // "100vw -2em" tokenises as a length then a negative length: calc() needs spaces
                return null;
            }
            at[0]++;
            Quantity next = product(terms, at, viewport);
            if (next == null || next.length != total.length) {
                return null;
            }
            total = new Quantity(op.isDelim('+') ? total.value + next.value : total.value - next.value, total.length);
        }
        return total;
    }

    private static Quantity product(List<CssComponent> terms, int[] at, Viewport viewport) {
        if (at[0] >= terms.size()) {
            return null;
        }
        Quantity value = quantity(terms.get(at[0]++), viewport);
        while (value != null && at[0] < terms.size()) {
            Token op = CssComponent.token(terms.get(at[0]));
            if (op == null || !(op.isDelim('*') || op.isDelim('/'))) {
                return value;
            }
            at[0]++;
            Quantity next = at[0] < terms.size() ? quantity(terms.get(at[0]++), viewport) : null;
            if (next == null) {
                return null;
            }
            if (op.isDelim('*')) {
                if (value.length && next.length) {
                    return null;
                }
                value = new Quantity(value.value * next.value, value.length || next.length);
            } else {
                if (next.length || next.value == 0) {
                    return null;
                }
                value = new Quantity(value.value / next.value, value.length);
            }
        }
        return value;
    }

    private static Quantity extreme(List<List<CssComponent>> args, boolean max, Viewport viewport) {
        Quantity best = null;
        for (List<CssComponent> arg : args) {
            Quantity q = sum(arg, viewport);
            if (q == null || best != null && q.length != best.length) {
                return null;
            }
            if (best == null || (max ? q.value > best.value : q.value < best.value)) {
                best = q;
            }
        }
        return best;
    }

    private static Quantity clamp(List<List<CssComponent>> args, Viewport viewport) {
        if (args.size() != 3) {
            return null;
        }
        Quantity low = sum(args.get(0), viewport);
        Quantity value = sum(args.get(1), viewport);
        Quantity high = sum(args.get(2), viewport);
        if (low == null || value == null || high == null || low.length != value.length || value.length != high.length) {
            return null;
        }
        return new Quantity(Math.max(low.value, Math.min(value.value, high.value)), value.length);
    }
}
