package dev.arca.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Produces the body's final forms from the chosen content: sanitised HTML (no scripts, styles,
 * event handlers, iframes or forms; only safe URL schemes; every URL absolute; empty links
 * dropped) and the plain text.
 */
public final class Tidy implements Step {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("figure", "figcaption", "picture", "mark", "del", "ins", "s", "abbr", "time", "hr", "center")
            .addAttributes("img", "srcset", "sizes")
            .addAttributes("time", "datetime")
            .addAttributes("td", "rowspan")
            .addAttributes("th", "rowspan")
            .addProtocols("img", "src", "http", "https")
            .addProtocols("a", "href", "http", "https", "mailto", "tel", "ftp");

    @Override
    public void apply(Page page) {
        Element content = page.content();
        if (content == null) {
            page.body("", "");
            return;
        }
        String base = page.original().baseUri().isEmpty() && page.url() != null ? page.url() : page.original().baseUri();
        Document dirty = Document.createShell(base);
        dirty.body().appendChild(content);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        for (Element a : clean.body().getElementsByTag("a")) {
            if (a.text().isBlank() && a.getElementsByTag("img").isEmpty()) {
                a.remove();
            }
        }
        for (Element img : clean.body().getElementsByTag("img")) {
            if (img.attr("src").isEmpty()) {
                img.remove();
            } else if (img.hasAttr("srcset") && img.attr("srcset").toLowerCase(java.util.Locale.ROOT)
                    .contains("javascript:")) {
                img.removeAttr("srcset");
            }
        }
        page.body(clean.body().html(), PlainText.of(clean.body()));
    }
}
