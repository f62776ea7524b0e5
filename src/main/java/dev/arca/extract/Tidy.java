package dev.arca.extract;

import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import java.util.List;

/**
 * Produces the body's final forms from the chosen content: sanitised HTML (no scripts, styles,
 * event handlers, iframes or forms; only safe URL schemes; every URL absolute; empty links
 * dropped) and the plain text.
 */
final class Tidy implements Step {

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
        int textLength = content == null ? 0 : page.block(content).textLength();
        page.blocks().clear();
        if (content == null) {
            page.body("", "");
            page.images(List.of());
            return;
        }
        // the content goes back into its document (for the base URL); the rest of the page is dropped
        Element body = page.work().body();
        body.empty();
        body.appendChild(content);
        String base = page.work().baseUri().isEmpty() && page.url() != null ? page.url() : page.work().baseUri();
        new Sanitiser(SAFELIST, base).clean(content);
        for (Element a : content.getElementsByTag("a")) {
            if (a.childNodeSize() == 0 || a.text().isBlank() && a.getElementsByTag("img").isEmpty()) {
                a.remove();
            }
        }
        for (Element img : content.getElementsByTag("img")) {
            if (img.attr("src").isEmpty()) {
                img.remove();
            } else if (img.attr("srcset").toLowerCase(java.util.Locale.ROOT).contains("javascript:")) {
                img.removeAttr("srcset");
            }
        }
        page.work().outputSettings().prettyPrint(false);
        // a builder of our own starts compact (Latin-1) and is sized once; jsoup's pooled ones may not be
        String html = content.html(new StringBuilder(16 + Math.min(textLength, 32 << 20) * 2)).toString();
        page.body(html, PlainText.of(content));
        page.images(Images.of(content));
    }
}
