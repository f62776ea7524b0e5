package dev.arca.extract;

import dev.arca.extract.Metadata.Candidate;
import dev.arca.extract.Metadata.Field;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * Settles the title and the headline. The title is the page's own: the publisher's metadata
 * (JSON-LD, OpenGraph, Dublin Core, Twitter) first, then the headline inside {@code <title>},
 * then the {@code <h1>}; it keeps a site name the publisher wrote into it, as Readability does.
 * The headline is the title without the site's name at its end or start, taken off only where
 * the page proves it is the site's (see {@link SiteNames}: {@code og:site_name}, the JSON-LD
 * publisher or {@code isPartOf}, {@code application-name}, the host name, the outlet of a
 * republished story), and never so far that it is shorter than an {@code <h1>} the title
 * contains. A kicker the headline itself carries ("Exclusive: ...") stays.
 */
final class TitleStep implements Step {

    private static final int MIN_WORDS = 2;

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        if (m.candidates(Field.TITLE).isEmpty()) {
            m.offer(Field.TITLE, Titles.fromDocument(page.original()), Source.META, 0.7);
        }
        List<Element> h1s = page.tags().get("h1");
        if (m.candidates(Field.TITLE).isEmpty() && !h1s.isEmpty() && h1s.get(0).text().length() < 300) {
            m.offer(Field.TITLE, h1s.get(0).text(), Source.TEXT);
        }
        Candidate title = m.choice(Field.TITLE);
        if (title == null) {
            return;
        }
        List<String> headings = new ArrayList<>();
        for (Element h1 : h1s) {
            headings.add(h1.text());
        }
        SiteNames names = SiteNames.of(page);
        String headline = names.strip(title.value(), MIN_WORDS, headings);
        m.choose(Field.HEADLINE, headline.equals(title.value()) ? title
                : new Candidate(headline, title.source(), title.confidence()));
    }
}
