package dev.arca.fetch;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The article links of a feed, in feed order: RSS and Atom parsed by ROME, so that every RSS
 * version, Atom and their odd encodings are read the way feed readers read them, and JSON Feed.
 *
 * <p>A DOCTYPE is accepted, as RSS 0.91 feeds carry Netscape's, but nothing it names is ever
 * loaded: the parser reads no external DTD and resolves no external entity, so a feed declaring
 * {@code <!ENTITY x SYSTEM "file:///etc/passwd">} gets an empty {@code &x;} and no request leaves.
 */
public final class FeedLinks {

    /**
     * What a feed lists before its links are made absolute.
     *
     * @param links each item's link as written
     * @param home  the feed's own or its site's URL as it states it, for links in a feed read from a file; or null
     */
    record Items(List<String> links, String home) {
    }

    private FeedLinks() {
    }

    /**
     * Each item's link, made absolute against the feed's URL (for a feed read from a file, the
     * URL the feed gives for itself), once each; items without a usable link are left out.
     */
    public static List<String> of(Capture feed) throws FetchException {
        Items items = JsonFeed.looksLikeJson(feed) ? JsonFeed.items(feed.body()) : syndicated(feed);
        URI base = base(feed.url(), items.home());
        Set<String> links = new LinkedHashSet<>();
        for (String link : items.links()) {
            try {
                links.add(WebUrl.resolve(base, link).toString());
            } catch (FetchException e) {
                // an item linking to mailto: or garbage is not an article to archive
            }
        }
        return new ArrayList<>(links);
    }

    private static URI base(URI feed, String home) {
        if (feed.getScheme().startsWith("http") || home == null) {
            return feed;
        }
        try {
            return WebUrl.parse(home);
        } catch (FetchException e) {
            return feed;
        }
    }

    private static Items syndicated(Capture feed) throws FetchException {
        SyndFeed parsed;
        try (XmlReader xml = new XmlReader(new ByteArrayInputStream(feed.body()), feed.contentType(), true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(true); // ROME still refuses external DTDs and entities
            parsed = input.build(xml);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Reason.FORMAT, "not an RSS, Atom or JSON feed: " + e.getMessage(), e);
        }
        List<String> links = new ArrayList<>();
        for (SyndEntry entry : parsed.getEntries()) {
            String link = link(entry);
            if (link != null) {
                links.add(link);
            }
        }
        return new Items(links, parsed.getLink());
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
