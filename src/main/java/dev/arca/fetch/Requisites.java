package dev.arca.fetch;

import dev.arca.extract.HtmlCharset;
import dev.arca.fetch.Requisite.Kind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds what a browser needs to display a page without running its scripts: stylesheets (and,
 * from each fetched stylesheet, its imports, fonts and images), the images it shows (the
 * {@code srcset} or {@code <picture>} candidate chosen for a 1280-pixel screen at density 1, wider
 * and taller than wide, see {@link ImageSources} and {@link Viewport}), the addresses lazy loaders keep in {@code data-} attributes, what
 * {@code <noscript>} shows, inline-style backgrounds, video posters, frames and the favicon
 * ({@code /favicon.ico} when the page declares none, as browsers ask for it). It is a pure
 * function of the page: the fetcher fetches what it lists.
 *
 * <p>Lists keep the order of appearance, hold each URL once (the first finding names its kind),
 * leave out {@code data:}, {@code blob:}, {@code javascript:} and same-document references, and stop
 * at a limit, counting what they left out. The {@link RequisiteLevel} says how much to take.
 */
public final class Requisites {

    private static final Set<String> MEDIA_TAGS = Set.of("video", "audio");

    private Requisites() {
    }

    /**
     * The requisites of a capture at {@code level}: nothing for {@link RequisiteLevel#NONE}; the
     * article's images and lead image for {@link RequisiteLevel#ARTICLE}; the page's, then any of the
     * article's not among them, for the others (the article keeps an image's {@code src} where the
     * page may show another candidate, and {@code restore --as html} needs the article's).
     *
     * @param page        the parsed page, its base URI the URL it came from
     * @param articleHtml the extracted article's body, or null when extraction failed
     * @param leadImage   the article's lead image URL, or null
     * @param max         the most requisites to list
     */
    public static RequisiteList ofCapture(Document page, String articleHtml, String leadImage, RequisiteLevel level, int max) {
        return switch (level) {
            case NONE -> new Found(max).list();
            case ARTICLE -> withArticle(new RequisiteList(List.of(), 0), articleHtml, leadImage, page.location(), max);
            case PAGE, ALL -> withArticle(ofPage(page, level, Integer.MAX_VALUE), articleHtml, leadImage, page.location(), max);
        };
    }

    /**
     * The page's own requisites, as {@link #ofPage(Document, RequisiteLevel, int)} listed them with
     * no limit, followed by the extracted article's images and lead image that are not among them;
     * the same as {@link #ofCapture(Document, String, String, RequisiteLevel, int)} gives, for a
     * caller that read the page before the extractor worked on it, so that it is parsed once.
     *
     * @param url the page's URL, which the article's references are relative to
     */
    public static RequisiteList withArticle(RequisiteList pageOwn, String articleHtml, String leadImage, String url, int max) {
        Found found = new Found(max);
        for (Requisite r : pageOwn.requisites()) {
            found.add(r.url(), r.kind(), r.foundIn());
        }
        article(found, articleHtml, leadImage, url);
        RequisiteList list = found.list();
        return pageOwn.omitted() == 0 ? list : new RequisiteList(list.requisites(), list.omitted() + pageOwn.omitted());
    }

    /** The same from the page's bytes, decoded as {@link HtmlCharset} decodes them for the extractor. */
    public static RequisiteList ofCapture(byte[] body, String contentType, String url, String articleHtml, String leadImage,
                                          RequisiteLevel level, int max) {
        return ofCapture(Jsoup.parse(HtmlCharset.decode(body, contentType), url), articleHtml, leadImage, level, max);
    }

    /** The requisites of a page at {@link RequisiteLevel#PAGE} or {@link RequisiteLevel#ALL}, from the parsed page. */
    public static RequisiteList ofPage(Document page, RequisiteLevel level, int max) {
        if (level != RequisiteLevel.PAGE && level != RequisiteLevel.ALL) {
            throw new IllegalArgumentException("a page's own requisites are listed at PAGE or ALL, not " + level);
        }
        Found found = new Found(max);
        page(found, page, level == RequisiteLevel.ALL);
        return found.list();
    }

    /** The same from the page's bytes, decoded as {@link HtmlCharset} decodes them for the extractor. */
    public static RequisiteList ofPage(byte[] body, String contentType, String url, RequisiteLevel level, int max) {
        return ofPage(Jsoup.parse(HtmlCharset.decode(body, contentType), url), level, max);
    }

    /** The images of an extracted article's body and its lead image ({@link RequisiteLevel#ARTICLE}). */
    public static RequisiteList ofArticle(String articleHtml, String leadImage, String url, int max) {
        Found found = new Found(max);
        article(found, articleHtml, leadImage, url);
        return found.list();
    }

    /**
     * What a fetched stylesheet needs: its {@code @import}s (as stylesheets), its fonts and its
     * images. At {@link RequisiteLevel#ALL} also the font sources and image candidates a browser
     * would pass over; nothing at {@link RequisiteLevel#NONE} or {@link RequisiteLevel#ARTICLE}.
     *
     * @param css the stylesheet's text (see {@link Stylesheet#decode})
     * @param url the stylesheet's own URL, which its references are relative to
     */
    public static RequisiteList ofStylesheet(String css, String url, RequisiteLevel level, int max) {
        Found found = new Found(max);
        if (level == RequisiteLevel.PAGE || level == RequisiteLevel.ALL) {
            stylesheet(found, Stylesheet.parse(css, url), level == RequisiteLevel.ALL, true, "stylesheet");
        }
        return found.list();
    }

    /** The charset a page's stylesheets fall back to: the page's own (CSS Syntax §3.2). */
    public static Charset pageCharset(byte[] body, String contentType) {
        return HtmlCharset.detect(body, contentType);
    }

    private static void article(Found found, String articleHtml, String leadImage, String url) {
        if (articleHtml != null && !articleHtml.isBlank()) {
            Document body = Jsoup.parseBodyFragment(articleHtml, url == null ? "" : url);
            for (Element img : body.getElementsByTag("img")) {
                image(found, img, false, false);
            }
        }
        if (leadImage != null) {
            found.add(new BaseUrl(url).resolve(leadImage).orElse(null), Kind.IMAGE, "article lead image");
        }
    }

    private static void page(Found found, Document page, boolean all) {
        boolean iconDeclared = false;
        List<Element> elements = new ArrayList<>();
        for (Element e : page.getAllElements()) {
            elements.add(e);
            if (e.normalName().equals("noscript")) {
                elements.addAll(noscriptContent(e));
            }
        }
        for (Element e : elements) {
            iconDeclared |= element(found, e, all);
        }
        if (!iconDeclared) {
            String location = page.location().isEmpty() ? page.baseUri() : page.location();
            found.add(new BaseUrl(location).resolve("/favicon.ico").orElse(null), Kind.ICON, "default favicon");
        }
    }

    /**
     * What a {@code <noscript>} holds when a parser read it as text (as a browser that runs scripts
     * does), parsed; jsoup already gives its elements, which the walk visits anyway.
     */
    private static List<Element> noscriptContent(Element noscript) {
        StringBuilder text = new StringBuilder();
        for (Node child : noscript.childNodes()) {
            if (child instanceof TextNode t) {
                text.append(t.getWholeText());
            }
        }
        if (text.indexOf("<") < 0) {
            return List.of();
        }
        return Jsoup.parseBodyFragment(text.toString(), noscript.baseUri()).body().getAllElements();
    }

    /** Adds what {@code e} needs; returns whether it declares a favicon. */
    private static boolean element(Found found, Element e, boolean all) {
        String tag = e.normalName();
        BaseUrl base = new BaseUrl(e.baseUri());
        boolean icon = false;
        switch (tag) {
            case "link" -> icon = link(found, e, base, all);
            case "style" -> {
                if (e.attr("type").isBlank() || e.attr("type").equalsIgnoreCase("text/css")) {
                    boolean media = !e.hasAttr("media") || MediaQueries.matches(e.attr("media"), Viewport.DESKTOP);
                    stylesheet(found, Stylesheet.parse(e.data(), e.baseUri()), all, media, "<style>");
                }
            }
            case "img" -> image(found, e, all, true);
            case "source" -> {
                Element parent = e.parent();
                if (parent != null && MEDIA_TAGS.contains(parent.normalName())) {
                    if (all) {
                        found.add(base.resolve(e.attr("src")).orElse(null), Kind.MEDIA, parent.normalName() + " source");
                        LazyLoading.source(e).ifPresent(src -> found.add(base.resolve(src).orElse(null), Kind.MEDIA,
                                parent.normalName() + " source lazy src"));
                    }
                } else if (all) {
                    for (boolean lazy : new boolean[] {false, true}) {
                        ImageSources.Attr set = ImageSources.sourceSet(e, lazy);
                        if (set != null) {
                            for (SourceSet.Candidate c : SourceSet.parse(set.value())) {
                                found.add(base.resolve(c.url()).orElse(null), Kind.IMAGE, "picture source " + set.name());
                            }
                        }
                    }
                }
            }
            case "input" -> {
                if (e.attr("type").equalsIgnoreCase("image")) {
                    found.add(base.resolve(e.attr("src")).orElse(null), Kind.IMAGE, "input type=image");
                }
            }
            case "video", "audio" -> {
                if (tag.equals("video")) {
                    found.add(base.resolve(e.attr("poster")).orElse(null), Kind.POSTER, "video poster");
                    found.add(base.resolve(e.attr("data-poster")).orElse(null), Kind.POSTER, "video lazy poster");
                }
                if (all) {
                    found.add(base.resolve(e.attr("src")).orElse(null), Kind.MEDIA, tag + " src");
                    LazyLoading.source(e).ifPresent(src -> found.add(base.resolve(src).orElse(null), Kind.MEDIA, tag + " lazy src"));
                }
            }
            case "track" -> {
                if (all) {
                    found.add(base.resolve(e.attr("src")).orElse(null), Kind.MEDIA, "track");
                }
            }
            case "iframe", "frame" -> {
                found.add(base.resolve(e.attr("src")).orElse(null), Kind.FRAME, tag + " src");
                LazyLoading.source(e).ifPresent(src -> found.add(base.resolve(src).orElse(null), Kind.FRAME, tag + " lazy src"));
            }
            case "embed" -> found.add(base.resolve(e.attr("src")).orElse(null), Kind.FRAME, "embed");
            case "object" -> found.add(base.resolve(e.attr("data")).orElse(null), Kind.FRAME, "object");
            case "script" -> {
                if (all && !e.attr("src").isBlank() && isScriptType(e.attr("type"))) {
                    found.add(base.resolve(e.attr("src")).orElse(null), Kind.SCRIPT, "script");
                }
            }
            case "image", "feimage" -> {
                String href = e.hasAttr("href") ? e.attr("href") : e.attr("xlink:href");
                found.add(base.resolve(href).orElse(null), Kind.IMAGE, "svg " + tag);
            }
            case "use" -> {
                String href = e.hasAttr("href") ? e.attr("href") : e.attr("xlink:href");
                found.add(base.resolve(href).orElse(null), Kind.IMAGE, "svg use");
            }
            default -> {
            }
        }
        if (e.hasAttr("background") && Set.of("body", "table", "td", "th", "tr").contains(tag)) {
            found.add(base.resolve(e.attr("background")).orElse(null), Kind.IMAGE, tag + " background");
        }
        if (e.hasAttr("style")) {
            stylesheet(found, Stylesheet.parseDeclarations(e.attr("style"), e.baseUri()), all, true, "style attribute");
        }
        LazyLoading.background(e).ifPresent(bg -> found.add(base.resolve(bg).orElse(null), Kind.IMAGE, "lazy background"));
        return icon;
    }

    private static boolean link(Found found, Element e, BaseUrl base, boolean all) {
        Set<String> rel = Arrays.stream(e.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        String href = base.resolve(e.attr("href")).orElse(null);
        if (rel.contains("stylesheet")) {
            boolean alternate = rel.contains("alternate");
            // browsers load neither alternate style sheets nor disabled ones until they are chosen
            if (all || !alternate && !e.hasAttr("disabled")) {
                found.add(href, Kind.STYLESHEET, alternate ? "link rel=alternate stylesheet" : "link rel=stylesheet");
            }
        }
        boolean icon = rel.contains("icon");
        if (icon || rel.contains("apple-touch-icon") || rel.contains("apple-touch-icon-precomposed") || rel.contains("mask-icon")) {
            found.add(href, Kind.ICON, "link rel=" + e.attr("rel").strip().toLowerCase(Locale.ROOT));
        }
        if (all && (rel.contains("preload") || rel.contains("modulepreload"))) {
            Kind kind = switch (e.attr("as").toLowerCase(Locale.ROOT)) {
                case "style" -> Kind.STYLESHEET;
                case "font" -> Kind.FONT;
                case "image" -> Kind.IMAGE;
                case "video", "audio", "track" -> Kind.MEDIA;
                default -> Kind.SCRIPT;
            };
            found.add(href, kind, "link rel=" + (rel.contains("preload") ? "preload" : "modulepreload"));
        }
        return icon;
    }

    /**
     * The file {@code img} shows on {@link Viewport#DESKTOP}, before and after the page's lazy
     * loader ran (every candidate when {@code all}); with {@code portrait}, also the one it shows,
     * lazy loader run, on {@link Viewport#PORTRAIT}, which orientation queries and {@code vh} sizes
     * may make another: at most one more file per image.
     */
    private static void image(Found found, Element img, boolean all, boolean portrait) {
        BaseUrl base = new BaseUrl(img.baseUri());
        for (boolean lazy : new boolean[] {false, true}) {
            List<ImageSources.Pick> picks = ImageSources.picks(img, lazy, Viewport.DESKTOP);
            for (ImageSources.Pick p : all ? picks : picks.subList(0, Math.min(1, picks.size()))) {
                found.add(base.resolve(p.written()).orElse(null), Kind.IMAGE, p.foundIn());
            }
        }
        if (portrait) {
            ImageSources.picks(img, true, Viewport.PORTRAIT).stream().findFirst().ifPresent(p ->
                    found.add(base.resolve(p.written()).orElse(null), Kind.IMAGE, p.foundIn() + " portrait"));
        }
    }

    private static void stylesheet(Found found, Stylesheet sheet, boolean all, boolean applies, String where) {
        for (Stylesheet.Reference r : sheet.references()) {
            switch (r.use()) {
                case IMPORT -> found.add(r.url(), Kind.STYLESHEET, where + " @import");
                case FONT -> {
                    if (r.loaded() || all) {
                        found.add(r.url(), Kind.FONT, where + " @font-face src");
                    }
                }
                case IMAGE -> {
                    if (r.loaded() && applies || all) {
                        found.add(r.url(), Kind.IMAGE, where + " url()");
                    }
                }
            }
        }
    }

    private static boolean isScriptType(String type) {
        String t = type.strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() || t.equals("module") || t.endsWith("javascript") || t.endsWith("ecmascript")
                || t.equals("text/jscript") || t.equals("text/livescript");
    }

    /** Requisites collected so far, each URL once, up to the limit. */
    private static final class Found {
        private final int max;
        private final Map<String, Requisite> byUrl = new LinkedHashMap<>();
        private final Set<String> omitted = new java.util.HashSet<>();

        Found(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("a limit of " + max + " requisites");
            }
            this.max = max;
        }

        void add(String url, Kind kind, String foundIn) {
            if (url == null || byUrl.containsKey(url)) {
                return;
            }
            if (byUrl.size() >= max) {
                omitted.add(url);
                return;
            }
            byUrl.put(url, new Requisite(url, kind, foundIn));
        }

        RequisiteList list() {
            return new RequisiteList(new ArrayList<>(byUrl.values()), omitted.size());
        }
    }
}
