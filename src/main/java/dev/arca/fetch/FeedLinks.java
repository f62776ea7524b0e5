package dev.arca.fetch;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The article links of an RSS or Atom feed, in feed order, parsed by ROME so that every RSS
 * version, Atom and their odd encodings are read the way feed readers read them.
 */
public final class FeedLinks {

    private FeedLinks() {
    }

    /** Each item's link, made absolute against the feed's URL; items without a usable link are left out. */
    public static List<String> of(Capture feed) throws FetchException {
        SyndFeed parsed;
        try (XmlReader xml = new XmlReader(new ByteArrayInputStream(feed.body()), feed.contentType(), true)) {
            parsed = new SyndFeedInput().build(xml);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Reason.FORMAT, "not an RSS or Atom feed: " + e.getMessage(), e);
        }
        List<String> links = new ArrayList<>();
        for (SyndEntry entry : parsed.getEntries()) {
            String link = link(entry);
            if (link != null) {
                try {
                    links.add(WebUrl.resolve(feed.url(), link).toString());
                } catch (FetchException e) {
                    // an item linking to mailto: or garbage is not an article to archive
                }
            }
        }
        return links;
    }

    /** RSS's link, else Atom's alternate link, else a guid that is a permalink. */
    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().strip();
        }
        for (SyndLink l : entry.getLinks()) {
            if ((l.getRel() == null || l.getRel().equals("alternate")) && l.getHref() != null) {
                return l.getHref().strip();
            }
        }
        String uri = entry.getUri();
        return uri != null && (uri.startsWith("http://") || uri.startsWith("https://")) ? uri.strip() : null;
    }
}
