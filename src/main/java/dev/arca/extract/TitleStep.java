package dev.arca.extract;

import dev.arca.extract.Metadata.Candidate;
import dev.arca.extract.Metadata.Field;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Settles the headline. Candidates come from the publisher's metadata (JSON-LD, OpenGraph, Dublin
 * Core, Twitter), then the headline inside {@code <title>}, then the {@code <h1>}; each loses the
 * site's name at its end or start, using everything the page says about its site (see
 * {@link SiteNames}), and a suffix that the page's {@code <h1>} shows is not part of the headline
 * ("Headline | Whatever" over an h1 "Headline"). A kicker the headline itself carries
 * ("Exclusive: ...") stays. The first candidate left wins.
 */
final class TitleStep implements Step {

    private static final int MIN_WORDS = 2;
    private static final int MAX_SUFFIX_WORDS = 6;
    private static final Pattern SEPARATOR_START = Pattern.compile("^\\s*(?:[|\\-–—·•/»:]{1,2}|::)\\s*\\S");

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        List<Candidate> offered = m.candidates(Field.TITLE);
        if (offered.isEmpty()) {
            m.offer(Field.TITLE, Titles.fromDocument(page.original()), Source.META, 0.7);
        }
        List<Element> h1s = page.original().getElementsByTag("h1");
        if (m.candidates(Field.TITLE).isEmpty() && !h1s.isEmpty() && h1s.get(0).text().length() < 300) {
            m.offer(Field.TITLE, h1s.get(0).text(), Source.TEXT);
        }
        List<String> sites = new ArrayList<>();
        for (Candidate c : m.candidates(Field.SITE_NAME)) {
            sites.add(c.value());
        }
        SiteNames names = new SiteNames(sites, page.url(), m.canonicalUrl(), m.sourceUrl());
        for (Candidate c : m.candidates(Field.TITLE)) {
            String headline = withoutH1Suffix(names.strip(c.value(), MIN_WORDS), h1s);
            if (headline != null && !headline.isBlank()) {
                if (!headline.equals(c.value())) {
                    m.choose(Field.TITLE, new Candidate(headline, c.source(), c.confidence()));
                } else {
                    m.choose(Field.TITLE, c);
                }
                return;
            }
        }
    }

    /** "Headline | Anything short" when an {@code <h1>} says just "Headline": the h1's words. */
    private static String withoutH1Suffix(String title, List<Element> h1s) {
        for (Element h1 : h1s) {
            String h = h1.text().strip();
            if (h.length() < 10 || h.length() >= title.length()) {
                continue;
            }
            if (title.regionMatches(true, 0, h, 0, h.length())) {
                String rest = title.substring(h.length());
                if (SEPARATOR_START.matcher(rest).find() && Titles.words(rest.strip()) <= MAX_SUFFIX_WORDS + 1) {
                    return title.substring(0, h.length());
                }
            }
        }
        return title;
    }
}
