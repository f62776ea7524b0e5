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
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

    private static final java.util.regex.Pattern LANGUAGE_TAG = java.util.regex.Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("figure", "figcaption", "time", "hr", "main", "section", "article", "aside", "mark", "small")
            .addAttributes("time", "datetime")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan", "scope")
            .preserveRelativeLinks(false);

    private static final String STYLE = "body{max-width:42rem;margin:2rem auto;padding:0 1rem;"
            + "font:1.1rem/1.6 Georgia,serif;color:#222}img{max-width:100%;height:auto}"
            + "header p{color:#555;font-size:.95rem}pre{overflow:auto}"
            + "figure{margin:1.5rem 0}figcaption{color:#555;font-size:.9rem}";

    public String render(Article article) {
        Document page = Document.createShell(article.url() == null ? "" : article.url());
        page.outputSettings().charset("UTF-8").escapeMode(Entities.EscapeMode.base).prettyPrint(true);
        Element head = page.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("http-equiv", "Content-Security-Policy").attr("content", CONTENT_SECURITY_POLICY);
        head.appendElement("meta").attr("name", "referrer").attr("content", "no-referrer");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        String title = Bylines.oneLine(article.title());
        head.appendElement("title").text(title);
        head.appendElement("style").appendText(STYLE);
        if (article.language() != null && LANGUAGE_TAG.matcher(article.language()).matches()) {
            page.selectFirst("html").attr("lang", article.language());
        }

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
        Document clean = new Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(article.html(), article.url() == null ? "" : article.url()));
        for (Element img : clean.select("img[src]")) {
            // the policy blocks remote images; a viewer that ignores it must not fetch them either
            if (!img.attr("src").startsWith("data:")) {
                img.attr("data-src", img.attr("src")).removeAttr("src");
            }
        }
        clean.select("a[href]").attr("rel", "noreferrer noopener");
        for (Node node : clean.body().childNodes()) {
            main.appendChild(node.clone());
        }
        return "<!DOCTYPE html>\n" + ControlCharacters.html(page.html()) + "\n";
    }

    private static String safeHref(String url) {
        return url.startsWith("http://") || url.startsWith("https://") ? url : "#";
    }
}
