package dev.arca.render;

import dev.arca.extract.Article;
import dev.arca.extract.ControlCharacters;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.List;
import java.util.Optional;

/**
 * The article as a standalone page to read offline: title, byline, date, a link to the source, and
 * the clean content.
 *
 * <p>Opening it must be harmless whatever the original page held, so the body passes jsoup's
 * {@link Safelist} again and a Content-Security-Policy forbids scripts and every network fetch.
 * Printing it must be harmless too: no control character is written, raw or as a reference.
 */
public final class HtmlPageRenderer {

    /** Forbids scripts, forms and every network fetch: for any page arca writes from page-derived content. */
    public static final String CONTENT_SECURITY_POLICY = policy("data:");

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("figure", "figcaption", "time", "hr", "main", "section", "article", "aside", "mark", "small")
            .addAttributes("time", "datetime")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan", "scope")
            .preserveRelativeLinks(false);

    private static final String STYLE = "body{max-width:42rem;margin:2rem auto;padding:0 1rem;"
            + "font:1.1rem/1.6 Georgia,serif;color:#222}img{max-width:100%;height:auto}"
            + "header p{color:#555;font-size:.95rem}pre{overflow:auto}"
            + "figure{margin:1.5rem 0}figcaption{color:#555;font-size:.9rem}"
            + ".missing-image{border:1px dashed #999;padding:0 .3em;color:#555;font-style:italic}";

    /** The page with every image shown as its alt text: nothing of the capture but the article. */
    public String render(Article article) {
        return render(article, CapturedResources.none());
    }

    /**
     * The page with the article's captured images embedded as {@code data:} URIs, so that the one
     * file shows them offline; an image the capture lacks shows its alt text.
     */
    public String render(Article article, CapturedResources resources) {
        return render(article, ImageLinks.embedded(resources), "data:");
    }

    /**
     * The page with images linked by {@code links}; {@code imageSources} is what the policy lets
     * images load from ({@code data:}, or {@code 'self'} for files beside the page).
     */
    String render(Article article, ImageLinks links, String imageSources) {
        Document page = Document.createShell(article.url() == null ? "" : article.url());
        page.outputSettings().charset("UTF-8").escapeMode(Entities.EscapeMode.base).prettyPrint(true);
        Element head = page.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("http-equiv", "Content-Security-Policy").attr("content", policy(imageSources));
        head.appendElement("meta").attr("name", "referrer").attr("content", "no-referrer");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        String title = Bylines.oneLine(article.title());
        head.appendElement("title").text(title);
        head.appendElement("style").appendText(STYLE);
        LanguageTag.wellFormed(article.language()).ifPresent(tag -> page.selectFirst("html").attr("lang", tag));

        Element main = page.body().appendElement("article");
        Element header = main.appendElement("header");
        header.appendElement("h1").text(title);
        String byline = Bylines.line(article);
        if (!byline.isEmpty()) {
            header.appendElement("p").text(byline);
        }
        String url = Bylines.oneLine(article.url());
        if (!url.isEmpty()) {
            header.appendElement("p").appendText("Source: ")
                    .appendElement("a").attr("href", safeHref(url)).attr("rel", "noreferrer").text(url);
        }
        Document clean = cleanBody(article, links);
        clean.select("a[href]").attr("rel", "noreferrer noopener");
        for (Node node : clean.body().childNodes()) {
            main.appendChild(node.clone());
        }
        return "<!DOCTYPE html>\n" + ControlCharacters.html(page.html()) + "\n";
    }

    /**
     * The article's body passed through the safelist, each image linked by {@code links} or, when it
     * has no link, shown as its alt text; the EPUB renderer starts from the same body.
     */
    static Document cleanBody(Article article, ImageLinks links) {
        Document body = Jsoup.parseBodyFragment(article.html(), article.url() == null ? "" : article.url());
        // links are chosen before cleaning, which drops srcset and data: URIs; the cleaner keeps every img, in order
        List<Optional<String>> images = body.getElementsByTag("img").stream().map(links::link).toList();
        Document clean = new Cleaner(SAFELIST).clean(body);
        List<Element> cleanImages = clean.getElementsByTag("img");
        for (int i = 0; i < cleanImages.size(); i++) {
            Element img = cleanImages.get(i);
            Optional<String> link = images.size() == cleanImages.size() ? images.get(i) : Optional.empty();
            if (link.isPresent()) {
                img.attr("src", link.get());
            } else {
                // the policy blocks remote images; a viewer that ignores it must not fetch them either
                ImageLinks.showAltText(img);
            }
        }
        return clean;
    }

    private static String policy(String imageSources) {
        return "default-src 'none'; style-src 'unsafe-inline'; img-src " + imageSources
                + "; form-action 'none'; base-uri 'none'";
    }

    private static String safeHref(String url) {
        return url.startsWith("http://") || url.startsWith("https://") ? url : "#";
    }
}
