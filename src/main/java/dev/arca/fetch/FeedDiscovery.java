package dev.arca.fetch;

import dev.arca.extract.HtmlCharset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The feeds a web page links to with {@code <link rel="alternate" type="application/rss+xml">}
 * (or Atom, or JSON Feed), for {@code --feed PAGE_URL}.
 *
 * <p>The order is the page's own, which by RSS Autodiscovery puts the site's main feed first; a
 * plain {@code application/json} link comes last, since on many sites it is an API and not a feed.
 */
public final class FeedDiscovery {

    /**
     * One feed a page links to.
     *
     * @param url  the feed's absolute URL
     * @param kind "RSS", "Atom" or "JSON Feed"
     */
    public record Feed(URI url, String kind) {

        @Override
        public String toString() {
            return url + " (" + kind + ")";
        }
    }

    private static final Map<String, String> KINDS = Map.of(
            "application/rss+xml", "RSS",
            "application/atom+xml", "Atom",
            "application/feed+json", "JSON Feed",
            "application/json", "JSON Feed");

    private FeedDiscovery() {
    }

    /**
     * True when {@code document} is a web page rather than a feed: served as HTML, or read from a
     * file or served without a Content-Type and sniffed as HTML.
     */
    public static boolean isWebPage(Capture document) {
        return document.contentType() != null ? document.isHtml()
                : MediaTypes.isHtml(MediaTypes.sniff(document.body()));
    }

    /** The feeds {@code page} links to, main feed first, each once; empty when it links to none. */
    public static List<Feed> of(Capture page) {
        Document doc = Jsoup.parse(HtmlCharset.decode(page.body(), page.contentType()), page.url().toString());
        List<Feed> feeds = new ArrayList<>();
        List<Feed> plainJson = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        for (Element link : doc.select("link[rel][type][href]")) {
            String type = MediaTypes.of(link.attr("type"));
            String kind = KINDS.get(type);
            if (kind == null || !isAlternate(link.attr("rel"))) {
                continue;
            }
            try {
                URI url = WebUrl.parse(link.absUrl("href"));
                if (seen.add(url)) {
                    (type.equals("application/json") ? plainJson : feeds).add(new Feed(url, kind));
                }
            } catch (FetchException e) {
                // a link that cannot be fetched is no feed to read
            }
        }
        feeds.addAll(plainJson);
        return feeds;
    }

    private static boolean isAlternate(String rel) {
        for (String token : rel.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.equals("alternate")) {
                return true;
            }
        }
        return false;
    }
}
