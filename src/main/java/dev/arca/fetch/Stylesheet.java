package dev.arca.fetch;

import dev.arca.fetch.CssComponent.Function;
import dev.arca.fetch.CssTokenizer.Token;
import dev.arca.fetch.CssTokenizer.Type;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a stylesheet (or a {@code style} attribute) refers to: its {@code @import}s, the fonts of
 * its {@code @font-face} rules and the images of its {@code url()}s and {@code image-set()}s, each
 * with the exact text that names it, so that the fetcher knows what to fetch and a renderer can put
 * a captured copy in its place.
 *
 * <p>It reads CSS the way a browser does, token by token ({@link CssTokenizer}): comments and
 * strings hide nothing, escapes are decoded, an {@code @import} after a rule is ignored, and of
 * the several {@code src} declarations of a font face the last one counts. It marks as
 * {@linkplain Reference#loaded() loaded} what a browser showing the page on a 1280-pixel screen at
 * density 1 fetches: of a font face's sources the first whose {@code format()} and {@code tech()}
 * Chromium reads (an unlabelled {@code .eot} or {@code .svg} is skipped, as Chromium cannot use
 * it), of an {@code image-set()} the candidate that density chooses, and no image of a rule inside
 * an {@code @media} that does not match that screen.
 *
 * <p>Simplifications: whether a selector matches an element, and whether a font is used by any
 * text, are not known here, so every such image and font counts (as {@code wget -p} counts them);
 * {@code @supports} is taken as true; an {@code @media} nested inside a style rule is not evaluated.
 */
public final class Stylesheet {

    /** What a reference is for. */
    public enum Use { IMPORT, FONT, IMAGE }

    /**
     * One reference.
     *
     * @param written the URL as the stylesheet writes it, escapes decoded
     * @param url     the absolute http(s) URL it resolves to, or null (data:, a fragment, nonsense)
     * @param use     what it is for
     * @param loaded  whether a browser on the 1280-pixel screen would fetch it (see the class)
     */
    public record Reference(String written, String url, Use use, boolean loaded) {
    }

    /** A reference with the token that writes it. */
    private record Placed(Reference reference, Token token) {
    }

    private static final Set<String> FONT_FORMATS = Set.of("woff2", "woff", "truetype", "opentype", "collection",
            "woff2-variations", "woff-variations", "truetype-variations", "opentype-variations");
    private static final Set<String> FONT_TECHS = Set.of("variations", "features-opentype", "color-colrv0",
            "color-colrv1", "color-cbdt", "palettes");
    private static final Set<String> RULE_BLOCKS = Set.of("media", "supports", "layer", "container", "document",
            "-moz-document", "scope", "starting-style");

    private final String css;
    private final List<Placed> placed;

    private Stylesheet(String css, List<Placed> placed) {
        this.css = css;
        this.placed = List.copyOf(placed);
    }

    /** Reads a stylesheet (a file or a {@code <style>} element); references resolve against {@code baseUrl}. */
    public static Stylesheet parse(String css, String baseUrl) {
        Parser p = new Parser(css, new BaseUrl(baseUrl));
        p.rules(0, p.tokens.size(), true, true);
        return new Stylesheet(css, p.found);
    }

    /** Reads the declarations of a {@code style} attribute; references resolve against {@code baseUrl}. */
    public static Stylesheet parseDeclarations(String declarations, String baseUrl) {
        Parser p = new Parser(declarations, new BaseUrl(baseUrl));
        p.declarations(0, p.tokens.size(), true);
        return new Stylesheet(declarations, p.found);
    }

    /** Every reference, in the order written. */
    public List<Reference> references() {
        return placed.stream().map(Placed::reference).toList();
    }

    /**
     * The stylesheet with each reference for which {@code replacement} gives a new URL written as
     * that URL (quoted and escaped), and every other byte as it was.
     */
    public String rewrite(java.util.function.Function<Reference, Optional<String>> replacement) {
        StringBuilder out = new StringBuilder(css.length());
        int copied = 0;
        for (Placed p : placed) {
            Optional<String> url = replacement.apply(p.reference());
            if (url.isEmpty()) {
                continue;
            }
            Token t = p.token();
            out.append(css, copied, t.start());
            String quoted = quote(url.get());
            out.append(t.is(Type.URL) ? "url(" + quoted + ")" : quoted);
            copied = t.end();
        }
        return out.append(css, copied, css.length()).toString();
    }

    /**
     * The text of a stylesheet's bytes, decoded as CSS Syntax §3.2 says: a byte-order mark, else the
     * Content-Type's charset, else a leading {@code @charset "..."}, else the charset of the page
     * that links it ({@code fallback}, may be null), else UTF-8.
     */
    public static String decode(byte[] body, String contentType, Charset fallback) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
        }
        Charset charset = charset(headerCharset(contentType));
        if (charset == null) {
            charset = charset(ruleCharset(body));
        }
        if (charset == null) {
            charset = fallback == null ? StandardCharsets.UTF_8 : fallback;
        }
        return new String(body, charset);
    }

    private static String headerCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").replace("'", "").strip();
            }
        }
        return null;
    }

    private static String ruleCharset(byte[] body) {
        byte[] prefix = "@charset \"".getBytes(StandardCharsets.US_ASCII);
        if (body.length <= prefix.length) {
            return null;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[i] != prefix[i]) {
                return null;
            }
        }
        for (int i = prefix.length; i < Math.min(body.length - 1, 1024); i++) {
            if (body[i] == '"') {
                return body[i + 1] == ';' ? new String(body, prefix.length, i - prefix.length, StandardCharsets.US_ASCII) : null;
            }
        }
        return null;
    }

    private static Charset charset(String label) {
        if (label == null || label.isEmpty()) {
            return null;
        }
        String l = label.toLowerCase(Locale.ROOT);
        if (l.startsWith("utf-16")) {
            return StandardCharsets.UTF_8; // a @charset cannot switch to UTF-16 (CSS Syntax §3.2)
        }
        if (l.equals("iso-8859-1") || l.equals("latin1") || l.equals("us-ascii") || l.equals("ascii")) {
            l = "windows-1252"; // as the Encoding Standard maps them
        }
        try {
            return Charset.forName(l);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String quote(String url) {
        StringBuilder q = new StringBuilder(url.length() + 2).append('"');
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            switch (c) {
                case '"', '\\' -> q.append('\\').append(c);
                case '\n' -> q.append("\\a ");
                case '\r' -> q.append("\\d ");
                case '\f' -> q.append("\\c ");
                default -> q.append(c);
            }
        }
        return q.append('"').toString();
    }

    /** One pass over the tokens, collecting references. */
    private static final class Parser {
        final List<Token> tokens;
        final BaseUrl base;
        final List<Placed> found = new ArrayList<>();

        Parser(String css, BaseUrl base) {
            this.tokens = CssTokenizer.tokenize(css);
            this.base = base;
        }

        /** A list of rules in {@code [from, to)}; {@code top} allows {@code @import}s before the first rule. */
        void rules(int from, int to, boolean top, boolean applies) {
            boolean importsAllowed = top;
            int i = from;
            while (i < to) {
                Token t = tokens.get(i);
                if (t.is(Type.WHITESPACE) || t.is(Type.CDO) || t.is(Type.CDC) || t.is(Type.SEMICOLON) || t.is(Type.CLOSE_CURLY)) {
                    i++;
                    continue;
                }
                int preludeEnd = preludeEnd(i + (t.is(Type.AT_KEYWORD) ? 1 : 0), to, t.is(Type.AT_KEYWORD));
                boolean block = preludeEnd < to && tokens.get(preludeEnd).is(Type.OPEN_CURLY);
                int blockEnd = block ? matching(preludeEnd, to) : preludeEnd;
                if (t.is(Type.AT_KEYWORD)) {
                    String name = t.value().toLowerCase(Locale.ROOT);
                    if (!block) {
                        if (name.equals("import") && importsAllowed) {
                            importRule(i + 1, preludeEnd);
                        } else if (!name.equals("charset") && !name.equals("layer") && !name.equals("import")) {
                            importsAllowed = false;
                        }
                    } else {
                        importsAllowed = false;
                        if (name.equals("media")) {
                            boolean matches = MediaQueries.matches(CssComponent.parse(tokens.subList(i + 1, preludeEnd)), Viewport.DESKTOP);
                            rules(preludeEnd + 1, blockEnd, false, applies && matches);
                        } else if (RULE_BLOCKS.contains(name)) {
                            rules(preludeEnd + 1, blockEnd, false, applies);
                        } else if (name.equals("font-face")) {
                            fontFace(preludeEnd + 1, blockEnd);
                        } else {
                            declarations(preludeEnd + 1, blockEnd, applies);
                        }
                    }
                } else {
                    importsAllowed = false;
                    if (block) {
                        declarations(preludeEnd + 1, blockEnd, applies);
                    }
                }
                i = block ? blockEnd + 1 : preludeEnd + 1;
            }
        }

        /** Where the prelude starting at {@code i} ends: at a '{' (or, for an at-rule, a ';') outside brackets. */
        int preludeEnd(int i, int to, boolean atRule) {
            int depth = 0;
            for (; i < to; i++) {
                Token t = tokens.get(i);
                switch (t.type()) {
                    case OPEN_PAREN, FUNCTION, OPEN_SQUARE -> depth++;
                    case CLOSE_PAREN, CLOSE_SQUARE -> depth = Math.max(0, depth - 1);
                    case OPEN_CURLY -> {
                        return i;
                    }
                    case SEMICOLON -> {
                        if (atRule && depth == 0) {
                            return i;
                        }
                    }
                    case CLOSE_CURLY -> {
                        if (depth == 0) {
                            return i; // the enclosing block ends: the rule is cut short
                        }
                    }
                    default -> {
                    }
                }
            }
            return to;
        }

        /** The index of the '}' that closes the '{' at {@code open}, or {@code to}. */
        int matching(int open, int to) {
            int depth = 0;
            for (int i = open; i < to; i++) {
                Type type = tokens.get(i).type();
                if (type == Type.OPEN_CURLY) {
                    depth++;
                } else if (type == Type.CLOSE_CURLY && --depth == 0) {
                    return i;
                }
            }
            return to;
        }

        void importRule(int from, int to) {
            for (int i = from; i < to; i++) {
                Token t = tokens.get(i);
                if (t.is(Type.WHITESPACE)) {
                    continue;
                }
                if (t.is(Type.URL) || t.is(Type.STRING)) {
                    add(t, Use.IMPORT, true);
                } else if (t.is(Type.FUNCTION) && t.value().equalsIgnoreCase("url")) {
                    Token s = nextSignificant(i + 1, to);
                    if (s != null && s.is(Type.STRING)) {
                        add(s, Use.IMPORT, true);
                    }
                }
                return; // only the first component names the sheet
            }
        }

        /** Declarations (and nested rules) in {@code [from, to)}: every URL is an image. */
        void declarations(int from, int to, boolean applies) {
            for (int i = from; i < to; i++) {
                Token t = tokens.get(i);
                if (t.is(Type.URL)) {
                    add(t, Use.IMAGE, applies);
                } else if (t.is(Type.FUNCTION)) {
                    String fn = t.value().toLowerCase(Locale.ROOT);
                    if (fn.equals("url")) {
                        Token s = nextSignificant(i + 1, to);
                        if (s != null && s.is(Type.STRING)) {
                            add(s, Use.IMAGE, applies);
                        }
                    } else if (fn.equals("image-set") || fn.equals("-webkit-image-set")) {
                        i = imageSet(i, to, applies);
                    }
                }
            }
        }

        /** The candidates of the {@code image-set()} at {@code fn}; returns the index of its ')'. */
        int imageSet(int fn, int to, boolean applies) {
            int end = closeParen(fn, to);
            List<CssComponent> args = CssComponent.parse(tokens.subList(fn + 1, end));
            Token chosen = null;
            double chosenDensity = 0;
            List<Token> all = new ArrayList<>();
            for (List<CssComponent> candidate : CssComponent.commaSeparated(args)) {
                Token image = null;
                double density = 1;
                boolean supported = true;
                for (CssComponent c : candidate) {
                    Token t = CssComponent.token(c);
                    if (t != null && (t.is(Type.URL) || t.is(Type.STRING))) {
                        image = t;
                    } else if (c instanceof Function f && f.is("url")) {
                        image = firstString(f.arguments());
                    } else if (c instanceof Function f && f.is("type")) {
                        Token type = firstString(f.arguments());
                        supported = type != null && SourceSet.supportedType(type.value());
                    } else if (t != null && t.is(Type.DIMENSION)) {
                        String unit = t.value().toLowerCase(Locale.ROOT);
                        density = unit.equals("dpi") ? t.number() / 96 : unit.equals("dpcm") ? t.number() * 2.54 / 96 : t.number();
                    }
                }
                if (image == null) {
                    continue;
                }
                all.add(image);
                if (supported && better(density, chosen == null ? Double.NaN : chosenDensity)) {
                    chosen = image;
                    chosenDensity = density;
                }
            }
            for (Token image : all) {
                add(image, Use.IMAGE, applies && image == chosen);
            }
            return end;
        }

        /** Whether {@code density} beats {@code best} for a screen of density 1 (see {@link SourceSet}). */
        private static boolean better(double density, double best) {
            double ratio = Viewport.DESKTOP.density();
            if (Double.isNaN(best)) {
                return true;
            }
            if (best >= ratio) {
                return density >= ratio && density < best;
            }
            return density > best;
        }

        /** A {@code @font-face}: the font a browser would load from its last {@code src}, and the others. */
        void fontFace(int from, int to) {
            List<List<Token>> sources = new ArrayList<>();
            int start = from;
            for (int i = from; i <= to; i++) {
                if (i == to || tokens.get(i).is(Type.SEMICOLON)) {
                    List<Token> decl = tokens.subList(start, i);
                    List<Token> value = srcValue(decl);
                    if (value != null) {
                        sources.add(value);
                    }
                    start = i + 1;
                }
            }
            Token chosen = null;
            for (int s = sources.size() - 1; s >= 0 && chosen == null; s--) {
                chosen = chooseFont(sources.get(s));
            }
            for (List<Token> src : sources) {
                for (List<CssComponent> entry : CssComponent.commaSeparated(CssComponent.parse(src))) {
                    Token url = entryUrl(entry);
                    if (url != null) {
                        add(url, Use.FONT, url == chosen);
                    }
                }
            }
        }

        /** The value tokens of a {@code src} declaration, or null for any other declaration. */
        private static List<Token> srcValue(List<Token> decl) {
            int i = 0;
            while (i < decl.size() && decl.get(i).is(Type.WHITESPACE)) {
                i++;
            }
            if (i >= decl.size() || !decl.get(i).isIdent("src")) {
                return null;
            }
            i++;
            while (i < decl.size() && decl.get(i).is(Type.WHITESPACE)) {
                i++;
            }
            return i < decl.size() && decl.get(i).is(Type.COLON) ? decl.subList(i + 1, decl.size()) : null;
        }

        private static Token chooseFont(List<Token> src) {
            for (List<CssComponent> entry : CssComponent.commaSeparated(CssComponent.parse(src))) {
                Token url = entryUrl(entry);
                if (url == null) {
                    continue;
                }
                boolean usable = true;
                boolean labelled = false;
                for (CssComponent c : entry) {
                    if (c instanceof Function f && f.is("format")) {
                        labelled = true;
                        Token format = firstStringOrIdent(f.arguments());
                        usable &= format != null && FONT_FORMATS.contains(format.value().toLowerCase(Locale.ROOT));
                    } else if (c instanceof Function f && f.is("tech")) {
                        for (List<CssComponent> tech : CssComponent.commaSeparated(f.arguments())) {
                            Token t = tech.size() == 1 ? CssComponent.token(tech.get(0)) : null;
                            usable &= t != null && FONT_TECHS.contains(t.value().toLowerCase(Locale.ROOT));
                        }
                    }
                }
                if (!labelled) {
                    String path = url.value().toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
                    usable = !path.endsWith(".eot") && !path.endsWith(".svg");
                }
                if (usable) {
                    return url;
                }
            }
            return null;
        }

        /** The URL token of a {@code src} entry ({@code url(x) format(...)}), or null for {@code local()}. */
        private static Token entryUrl(List<CssComponent> entry) {
            if (entry.isEmpty()) {
                return null;
            }
            CssComponent first = entry.get(0);
            Token t = CssComponent.token(first);
            if (t != null && t.is(Type.URL)) {
                return t;
            }
            return first instanceof Function f && f.is("url") ? firstString(f.arguments()) : null;
        }

        private static Token firstString(List<CssComponent> values) {
            for (CssComponent c : CssComponent.significant(values)) {
                Token t = CssComponent.token(c);
                return t != null && t.is(Type.STRING) ? t : null;
            }
            return null;
        }

        private static Token firstStringOrIdent(List<CssComponent> values) {
            for (CssComponent c : CssComponent.significant(values)) {
                Token t = CssComponent.token(c);
                return t != null && (t.is(Type.STRING) || t.is(Type.IDENT)) ? t : null;
            }
            return null;
        }

        private int closeParen(int fn, int to) {
            int depth = 0;
            for (int i = fn; i < to; i++) {
                Type type = tokens.get(i).type();
                if (type == Type.FUNCTION || type == Type.OPEN_PAREN) {
                    depth++;
                } else if (type == Type.CLOSE_PAREN && --depth == 0) {
                    return i;
                }
            }
            return to;
        }

        private Token nextSignificant(int from, int to) {
            for (int i = from; i < to; i++) {
                if (!tokens.get(i).is(Type.WHITESPACE)) {
                    return tokens.get(i);
                }
            }
            return null;
        }

        private void add(Token token, Use use, boolean loaded) {
            String written = token.value();
            found.add(new Placed(new Reference(written, base.resolve(written).orElse(null), use, loaded), token));
        }
    }
}
