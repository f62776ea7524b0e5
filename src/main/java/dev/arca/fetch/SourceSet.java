package dev.arca.fetch;

import dev.arca.fetch.CssTokenizer.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The candidates of a {@code srcset} and the one a browser loads, by the HTML standard's "parse a
 * srcset attribute", "parse a sizes attribute" and "select an image source", so that arca keeps
 * the picture the reader saw rather than the first or the largest.
 *
 * <p>The standard leaves the final choice to the browser; this one makes Chromium's: the candidate
 * of smallest density at or above the device pixel ratio, else the densest (at ratio 1 Blink's
 * geometric-mean rule reduces to that). {@code sizes="auto"} (lazy images sized by layout) counts
 * as {@code 100vw}, since the layout is not known here.
 */
final class SourceSet {

    /** One image candidate: its URL as written and its descriptor (a width, a density, or neither). */
    record Candidate(String url, int width, double density) {

        boolean hasWidth() {
            return width > 0;
        }
    }

    private SourceSet() {
    }

    /** The valid candidates of a srcset, in order; invalid ones are dropped as browsers drop them. */
    static List<Candidate> parse(String srcset) {
        List<Candidate> candidates = new ArrayList<>();
        if (srcset == null) {
            return candidates;
        }
        String s = srcset;
        int pos = 0;
        int n = s.length();
        while (true) {
            while (pos < n && (isSpace(s.charAt(pos)) || s.charAt(pos) == ',')) {
                pos++;
            }
            if (pos >= n) {
                return candidates;
            }
            int urlStart = pos;
            while (pos < n && !isSpace(s.charAt(pos))) {
                pos++;
            }
            String url = s.substring(urlStart, pos);
            List<String> descriptors = new ArrayList<>();
            if (url.endsWith(",")) {
                url = url.replaceAll(",+$", "");
            } else {
                pos = descriptors(s, pos, descriptors);
            }
            Candidate c = candidate(url, descriptors);
            if (c != null) {
                candidates.add(c);
            }
        }
    }

    /** Tokenises the descriptors after a URL (the standard's three-state machine); returns where it stopped. */
    private static int descriptors(String s, int pos, List<String> out) {
        int n = s.length();
        while (pos < n && isSpace(s.charAt(pos))) {
            pos++;
        }
        StringBuilder current = new StringBuilder();
        boolean inParens = false;
        while (pos < n) {
            char c = s.charAt(pos);
            if (inParens) {
                current.append(c);
                if (c == ')') {
                    inParens = false;
                }
            } else if (isSpace(c)) {
                if (current.length() > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                }
            } else if (c == ',') {
                pos++;
                break;
            } else {
                current.append(c);
                if (c == '(') {
                    inParens = true;
                }
            }
            pos++;
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return pos;
    }

    private static Candidate candidate(String url, List<String> descriptors) {
        if (url.isEmpty()) {
            return null;
        }
        int width = -1;
        double density = -1;
        int height = -1;
        for (String d : descriptors) {
            char last = Character.toLowerCase(d.charAt(d.length() - 1));
            String number = d.substring(0, d.length() - 1);
            if (last == 'w') {
                if (width >= 0 || density >= 0) {
                    return null;
                }
                width = nonNegativeInteger(number);
                if (width <= 0) {
                    return null;
                }
            } else if (last == 'x') {
                if (width >= 0 || density >= 0 || height >= 0) {
                    return null;
                }
                density = floatingPoint(number);
                if (density < 0) {
                    return null;
                }
            } else if (last == 'h') {
                if (height >= 0 || density >= 0) {
                    return null;
                }
                height = nonNegativeInteger(number);
                if (height <= 0) {
                    return null;
                }
            } else {
                return null;
            }
        }
        if (height >= 0 && width < 0) {
            return null;
        }
        return new Candidate(url, Math.max(width, 0), width > 0 ? Double.NaN : density >= 0 ? density : 1);
    }

    private static int nonNegativeInteger(String s) {
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** A valid floating-point number as HTML defines it (no "+", no trailing "."), or -1. */
    private static double floatingPoint(String s) {
        if (!s.matches("-?(\\d+(\\.\\d+)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            return -1;
        }
        double d = Double.parseDouble(s);
        return d < 0 || Double.isInfinite(d) ? -1 : d;
    }

    /**
     * The source size in pixels that {@code sizes} gives on {@code viewport}: the length of the
     * first entry whose media condition matches, 100vw when none does or the attribute is absent.
     */
    static double sourceSize(String sizes, Viewport viewport) {
        double fallback = viewport.width();
        if (sizes == null || sizes.isBlank()) {
            return fallback;
        }
        List<CssComponent> values = CssComponent.parse(CssTokenizer.tokenize(sizes));
        for (List<CssComponent> entry : CssComponent.commaSeparated(values)) {
            if (entry.isEmpty()) {
                continue;
            }
            CssComponent last = entry.get(entry.size() - 1);
            Token t = CssComponent.token(last);
            OptionalDouble size = t != null && t.isIdent("auto") ? OptionalDouble.of(fallback)
                    : CssLength.pixels(last, viewport);
            if (size.isEmpty() || size.getAsDouble() < 0) {
                continue; // not a valid source size: the entry is skipped
            }
            List<CssComponent> condition = entry.subList(0, entry.size() - 1);
            if (condition.isEmpty() || MediaQueries.condition(condition, viewport)) {
                return size.getAsDouble();
            }
        }
        return fallback;
    }

    /**
     * The URLs of a source set, the one a browser on {@code viewport} loads first, then the others
     * from nearest to farthest (denser ones before lighter ones), for a renderer that looks for a
     * captured copy. {@code src} (may be null) joins as a 1x candidate where the standard says so.
     */
    static List<String> byPreference(List<Candidate> parsed, String sizes, String src, Viewport viewport) {
        double size = sourceSize(sizes, viewport);
        List<Candidate> set = new ArrayList<>();
        boolean widths = false;
        boolean oneX = false;
        for (Candidate c : parsed) {
            double density = c.hasWidth() ? c.width() / Math.max(size, 1e-9) : c.density();
            widths |= c.hasWidth();
            oneX |= !c.hasWidth() && density == 1;
            set.add(new Candidate(c.url(), c.width(), density));
        }
        if (src != null && !src.isBlank() && !oneX && !widths) {
            set.add(new Candidate(src.strip(), 0, 1));
        }
        // equal densities: the first one written wins
        List<Candidate> distinct = new ArrayList<>();
        Set<Double> densities = new java.util.HashSet<>();
        for (Candidate c : set) {
            if (densities.add(c.density())) {
                distinct.add(c);
            }
        }
        double ratio = viewport.density();
        List<Candidate> above = distinct.stream().filter(c -> c.density() >= ratio)
                .sorted(Comparator.comparingDouble(Candidate::density)).toList();
        List<Candidate> below = distinct.stream().filter(c -> c.density() < ratio)
                .sorted(Comparator.comparingDouble(Candidate::density).reversed()).toList();
        Set<String> urls = new LinkedHashSet<>();
        above.forEach(c -> urls.add(c.url()));
        below.forEach(c -> urls.add(c.url()));
        // candidates dropped as duplicates are still copies of the same picture
        set.forEach(c -> urls.add(c.url()));
        if (src != null && !src.isBlank()) {
            urls.add(src.strip());
        }
        return new ArrayList<>(urls);
    }

    /** Whether a browser shows images of this {@code type} (a {@code <source type>}); null or blank is any. */
    static boolean supportedType(String type) {
        if (type == null || type.isBlank()) {
            return true;
        }
        String t = type.strip().toLowerCase(Locale.ROOT);
        int semicolon = t.indexOf(';');
        if (semicolon >= 0) {
            t = t.substring(0, semicolon).strip();
        }
        return switch (t) {
            case "image/jpeg", "image/jpg", "image/pjpeg", "image/png", "image/apng", "image/gif", "image/webp",
                 "image/avif", "image/svg+xml", "image/bmp", "image/x-icon", "image/vnd.microsoft.icon" -> true;
            default -> false;
        };
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
