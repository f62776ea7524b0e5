package dev.arca.render;

import dev.arca.extract.ControlCharacters;
import dev.arca.extract.HtmlCharset;
import dev.arca.fetch.ImageSources;
import dev.arca.fetch.LazyLoading;
import dev.arca.fetch.Stylesheet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The original page as one self-contained HTML file, as SingleFile or monolith save it: its
 * captured stylesheets inlined (with their {@code @import}s, fonts and images as {@code data:}
 * URIs), its captured images embedded (the {@code srcset} or {@code <picture>} candidate chosen
 * for a 1280-pixel screen, lazy-loading attributes read, see {@link ImageSources}), the favicon,
 * posters and inline-style backgrounds too; scripts, event handlers, plugins, frames' contents and
 * preloads removed; links absolute. Opened from disk without network it looks like the page.
 *
 * <p>It is what a reader without scripts sees, so {@code <noscript>} shows (but for an image the
 * page already shows through its lazy loader). A Content-Security-Policy lets the file load
 * nothing but what it holds, so an uncaptured resource (kept at its absolute URL) is not fetched
 * either, and anything left of a script cannot run.
 */
public final class SelfContainedPage {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; "
            + "font-src data:; media-src data:; form-action 'none'; base-uri 'none'";

    /** Imports inside imports: deeper ones stay links, which also ends a cycle of imports. */
    private static final int MAX_IMPORT_DEPTH = 5;
    private static final Set<String> REMOVED = Set.of("script", "base", "object", "embed", "applet", "portal", "noembed");
    private static final Set<String> REMOVED_LINKS = Set.of("preload", "prefetch", "modulepreload", "dns-prefetch",
            "preconnect", "prerender", "manifest", "import", "serviceworker");
    private static final Set<String> REMOVED_META = Set.of("refresh", "content-security-policy", "content-type", "set-cookie",
            "x-dns-prefetch-control");
    private static final Set<String> ICONS = Set.of("icon", "shortcut", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon");
    private static final Set<String> BACKGROUND_TAGS = Set.of("body", "table", "td", "th", "tr");
    private static final Pattern STYLE_END = Pattern.compile("(?i)</(style)");

    private final CapturedResources resources;
    private final Charset pageCharset;

    private SelfContainedPage(CapturedResources resources, Charset pageCharset) {
        this.resources = resources;
        this.pageCharset = pageCharset;
    }

    /**
     * The page as one file.
     *
     * @param body        the page's bytes as captured
     * @param contentType the page's Content-Type (may be null): its charset decodes the page
     * @param url         the URL the page came from, which its references are relative to
     * @param resources   what the capture holds of its requisites
     */
    public static String render(byte[] body, String contentType, String url, CapturedResources resources) {
        // controls go before parsing: removed after, they could join "<scrip\u0016t>" into a tag that runs
        Document page = Jsoup.parse(ControlCharacters.text(HtmlCharset.decode(body, contentType)), url == null ? "" : url);
        new SelfContainedPage(resources, HtmlCharset.detect(body, contentType)).inline(page);
        page.outputSettings().charset("UTF-8").prettyPrint(false);
        return ControlCharacters.html(page.outerHtml()) + "\n";
    }

    private void inline(Document page) {
        Set<String> shown = new HashSet<>();
        for (Element img : page.getElementsByTag("img")) {
            if (!insideNoscript(img)) {
                firstCandidate(img).ifPresent(shown::add);
            }
        }
        showNoscript(page, shown);
        LazyLoading.resolve(page);
        for (Element e : new ArrayList<>(page.getAllElements())) {
            if (e.parent() == null && e != page) {
                continue; // removed with an ancestor
            }
            element(e);
        }
        page.select("picture > source").remove();
        Element head = page.head();
        head.prependElement("meta").attr("http-equiv", "Content-Security-Policy").attr("content", CONTENT_SECURITY_POLICY);
        head.prependElement("meta").attr("charset", "utf-8");
    }

    private static boolean insideNoscript(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.normalName().equals("noscript")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> firstCandidate(Element img) {
        List<String> candidates = ImageSources.candidates(img);
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }

    /**
     * Puts each {@code <noscript>}'s content in its place, as a browser without scripts shows it,
     * leaving out the images the page shows anyway (a lazy image's fallback copy).
     */
    private static void showNoscript(Document page, Set<String> shown) {
        for (Element noscript : page.getElementsByTag("noscript")) {
            if (noscript.parent() == null) {
                continue;
            }
            List<Node> content = new ArrayList<>(noscript.childNodes());
            if (noscript.children().isEmpty() && noscript.text().contains("<")) {
                content = new ArrayList<>(Jsoup.parseBodyFragment(noscript.wholeText(), noscript.baseUri()).body().childNodes());
            }
            for (Node n : content) {
                if (n instanceof Element e) {
                    for (Element img : e.getElementsByTag("img")) {
                        if (firstCandidate(img).filter(shown::contains).isPresent()) {
                            img.remove();
                        }
                    }
                }
            }
            for (Node n : content) {
                if (n.parentNode() != null) {
                    noscript.before(n);
                }
            }
            noscript.remove();
        }
    }

    private void element(Element e) {
        String tag = e.normalName();
        if (REMOVED.contains(tag)) {
            e.remove();
            return;
        }
        scrub(e);
        switch (tag) {
            case "link" -> link(e);
            case "meta" -> {
                if (e.hasAttr("charset") || REMOVED_META.contains(e.attr("http-equiv").strip().toLowerCase(Locale.ROOT))) {
                    e.remove();
                }
            }
            case "style" -> {
                if (e.attr("type").isBlank() || e.attr("type").strip().equalsIgnoreCase("text/css")) {
                    setCss(e, sheet(e.data(), e.baseUri(), 0));
                }
            }
            case "img" -> image(e);
            case "iframe", "frame" -> {
                e.removeAttr("src").removeAttr("srcdoc");
            }
            case "video" -> imageAttribute(e, "poster");
            case "input" -> {
                if (e.attr("type").equalsIgnoreCase("image")) {
                    imageAttribute(e, "src");
                }
            }
            case "image", "feimage" -> {
                imageAttribute(e, "href");
                imageAttribute(e, "xlink:href");
            }
            case "use" -> {
                absolute(e, "href");
                absolute(e, "xlink:href");
            }
            case "a", "area" -> absolute(e, "href");
            case "form" -> absolute(e, "action");
            case "source", "audio", "track" -> absolute(e, "src");
            default -> {
            }
        }
        if (BACKGROUND_TAGS.contains(tag)) {
            imageAttribute(e, "background");
        }
        if (e.hasAttr("style")) {
            e.attr("style", declarations(e.attr("style"), e.baseUri()));
        }
    }

    /** Removes what could run: event handlers and javascript: URLs. */
    private static void scrub(Element e) {
        List<String> remove = new ArrayList<>();
        for (Attribute a : e.attributes()) {
            String key = a.getKey().toLowerCase(Locale.ROOT);
            String value = a.getValue().strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
            if (key.startsWith("on") || value.startsWith("javascript:") || value.startsWith("vbscript:")
                    || key.equals("srcdoc") || key.equals("formaction") || key.equals("ping") || key.equals("integrity") || key.equals("nonce")) {
                remove.add(a.getKey());
            }
        }
        remove.forEach(e::removeAttr);
    }

    private void link(Element e) {
        Set<String> rel = Arrays.stream(e.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (rel.stream().anyMatch(REMOVED_LINKS::contains)) {
            e.remove();
        } else if (rel.contains("stylesheet")) {
            Optional<CapturedResource> sheet = rel.contains("alternate") || e.hasAttr("disabled") ? Optional.empty()
                    : find(e.absUrl("href"));
            if (sheet.isEmpty()) {
                e.remove();
                return;
            }
            Element style = new Element("style");
            for (String kept : new String[] {"media", "title"}) {
                if (e.hasAttr(kept)) {
                    style.attr(kept, e.attr(kept));
                }
            }
            setCss(style, sheet(decode(sheet.get()), e.absUrl("href"), 0));
            e.replaceWith(style);
        } else if (rel.stream().anyMatch(ICONS::contains)) {
            imageAttribute(e, "href");
        } else {
            absolute(e, "href");
        }
    }

    private void image(Element img) {
        List<String> candidates = ImageSources.candidates(img);
        Optional<String> embedded = ImageLinks.embedded(resources).link(img);
        if (embedded.isPresent()) {
            img.attr("src", embedded.get());
        } else if (!candidates.isEmpty()) {
            img.attr("src", candidates.get(0));
        }
        img.removeAttr("srcset").removeAttr("sizes").removeAttr("loading");
    }

    /** An attribute naming one image: its captured copy, else its absolute URL. */
    private void imageAttribute(Element e, String attribute) {
        if (!e.hasAttr(attribute) || isData(e.attr(attribute))) {
            return;
        }
        String url = e.absUrl(attribute);
        Optional<String> data = image(url);
        if (data.isPresent()) {
            e.attr(attribute, data.get());
        } else if (!url.isEmpty()) {
            e.attr(attribute, url);
        }
    }

    private static void absolute(Element e, String attribute) {
        String value = e.attr(attribute).strip();
        if (!e.hasAttr(attribute) || value.startsWith("#") || isData(value)) {
            return;
        }
        String url = e.absUrl(attribute);
        if (!url.isEmpty()) {
            e.attr(attribute, url);
        }
    }

    private static boolean isData(String value) {
        return value.strip().regionMatches(true, 0, "data:", 0, 5);
    }

    private Optional<CapturedResource> find(String url) {
        return url == null || url.isEmpty() ? Optional.empty() : resources.find(url);
    }

    private Optional<String> image(String url) {
        return find(url).flatMap(r -> Optional.ofNullable(ImageType.sniff(r.bytes())).map(t -> DataUri.of(t.mediaType, r.bytes())));
    }

    private String decode(CapturedResource sheet) {
        return Stylesheet.decode(sheet.bytes(), sheet.contentType(), pageCharset);
    }

    private String sheet(String css, String baseUrl, int depth) {
        return rewrite(Stylesheet.parse(css, baseUrl), depth);
    }

    private String declarations(String css, String baseUrl) {
        return rewrite(Stylesheet.parseDeclarations(css, baseUrl), 0);
    }

    /** Every reference as its captured copy, else as its absolute URL (which, once inlined, no base resolves). */
    private String rewrite(Stylesheet sheet, int depth) {
        return sheet.rewrite(ref -> {
            if (ref.url() == null) {
                return Optional.empty();
            }
            Optional<String> data = switch (ref.use()) {
                case IMPORT -> depth >= MAX_IMPORT_DEPTH ? Optional.empty() : find(ref.url())
                        .map(r -> DataUri.of("text/css;charset=utf-8", sheet(decode(r), ref.url(), depth + 1)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                case FONT -> find(ref.url()).map(r -> DataUri.of(r.mediaType() == null ? "application/octet-stream" : r.mediaType(), r.bytes()));
                case IMAGE -> image(ref.url());
            };
            return Optional.of(data.orElse(ref.url()));
        });
    }

    /** Sets a style element's text, which must not end the element early. */
    private static void setCss(Element style, String css) {
        style.empty();
        style.appendChild(new DataNode(STYLE_END.matcher(css).replaceAll("<\\\\/$1")));
    }
}
