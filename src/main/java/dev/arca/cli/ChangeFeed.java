package dev.arca.cli;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.arca.extract.ControlCharacters;
import org.jdom2.Verifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The changes of {@code arca changes} as an Atom 1.0 feed, written by ROME: one entry per changed
 * article, its title, link, time and summary. Page text is cleaned of what XML cannot hold, so a
 * hostile title cannot make the feed invalid.
 */
final class ChangeFeed {

    private final List<Entry> entries = new ArrayList<>();
    private final Instant since;
    private Instant updated;

    /** A feed of the changes since {@code since}, which is its updated time while it has no entry. */
    ChangeFeed(Instant since) {
        this.since = since;
    }

    /** Adds one change: the snapshot {@code id} of the article at {@code url}, captured at {@code captured}. */
    void add(String id, String previous, Instant captured, String title, String url, String summary) {
        Entry entry = new Entry();
        entry.setId("urn:arca:capture:" + id);
        entry.setTitle(xml(title == null || title.isBlank() ? url : title));
        entry.setUpdated(Date.from(captured));
        if (url != null && (url.startsWith("http://") || url.startsWith("https://"))) {
            Link link = new Link();
            link.setRel("alternate");
            link.setHref(xml(url));
            entry.setAlternateLinks(List.of(link));
        }
        Content text = new Content();
        text.setType(Content.TEXT);
        text.setValue(xml(summary + " (arca diff " + previous + " " + id + ")"));
        entry.setSummary(text);
        entries.add(entry);
        if (updated == null || captured.isAfter(updated)) {
            updated = captured;
        }
    }

    /** The feed as XML. */
    String xml() {
        Feed feed = new Feed("atom_1.0");
        feed.setId("urn:arca:changes:since:" + since);
        feed.setTitle("arca: articles changed since " + since);
        feed.setUpdated(Date.from(updated == null ? since : updated));
        Person author = new Person();
        author.setName("arca");
        List<SyndPerson> authors = List.of(author);
        feed.setAuthors(authors);
        Generator generator = new Generator();
        generator.setValue(Version.software());
        feed.setGenerator(generator);
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("the change feed cannot be written: " + e.getMessage(), e);
        }
    }

    /** One clean line without the characters XML 1.0 cannot hold (controls, U+FFFE, U+FFFF). */
    private static String xml(String text) {
        String line = ControlCharacters.line(text);
        StringBuilder out = new StringBuilder(line.length());
        line.codePoints().filter(Verifier::isXMLCharacter).forEach(out::appendCodePoint);
        return out.toString();
    }
}
