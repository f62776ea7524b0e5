package dev.arca.extract;

import dev.arca.extract.Metadata.Candidate;
import dev.arca.extract.Metadata.Field;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;


/**
 * Reads the byline the page shows, when structured data gave none or only a weak one (a JSON-LD
 * {@code creator}, often a user handle): the first element marked as a byline
 * ({@code rel=author}, {@code itemprop=author}, a class such as "byline" or "post-author")
 * whose text reads as names, without the date that often follows them; else a short "By Jane
 * Doe" line (also "Von", "Par", "Por", "Di", "Door", "Beitrag von" ...) or the names after an
 * inline "Autor:" label. Then settles the byline on the most
 * trusted candidate.
 */
final class BylineStep implements Step {

    /** Below this trust another look at the page is worth it. */
    private static final double WEAK = 0.7;
    private static final double BY_LINE_TRUST = Source.TEXT.trust() - 0.1;
    private static final int MAX_LINKS = 3;
    private static final int MENU_ITEMS = 4;
    private static final java.util.Set<String> HOLDERS = java.util.Set.of("body", "main", "article");

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        Candidate before = best(m);
        // a publisher's name in the author field ("L'Opinion", "latercera") is worth another look for the writer's
        SiteNames site = before == null ? null : SiteNames.of(page);
        boolean siteOnly = site != null && site.names(before.value());
        if ((before == null || before.confidence() < WEAK || siteOnly) && page.original().body() != null) {
            read(page, m);
        }
        Candidate best = siteOnly ? person(m, site, before) : best(m);
        if (best == null) {
            return;
        }
        m.choose(Field.BYLINE, best);
        if (m.authors().isEmpty() || before != null && best != before && best.source() != before.source()) {
            m.clearAuthors();
            for (String name : Bylines.split(best.value())) {
                m.addAuthor(name);
            }
        }
    }

    /** The first strong candidate (the steps offer the most deliberate sources first), else the most trusted weak one. */
    private static Candidate best(Metadata m) {
        Candidate best = null;
        for (Candidate c : m.candidates(Field.BYLINE)) {
            if (c.confidence() >= WEAK) {
                return c;
            }
            if (best == null || c.confidence() > best.confidence()) {
                best = c;
            }
        }
        return best;
    }

    /** The most trusted candidate that names a person rather than the site, else {@code fallback}. */
    private static Candidate person(Metadata m, SiteNames site, Candidate fallback) {
        Candidate best = null;
        for (Candidate c : m.candidates(Field.BYLINE)) {
            if (!site.names(c.value()) && (best == null || c.confidence() > best.confidence())) {
                best = c;
            }
        }
        return best != null ? best : fallback;
    }

    private static void read(Page page, Metadata m) {
        String[] found = new String[2];
        ClassNames.Verdicts verdicts = page.verdicts();
        TagIndex tags = page.tags();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                String tag = e.normalName();
                if (tag.equals("script") || tag.equals("style") || tag.equals("nav")
                        || tag.equals("footer") && e.closest("article") == null || Hidden.inMarkup(e)) {
                    // a post's own footer ("entry-meta") names its author; the page's footer does not
                    return FilterResult.SKIP_ENTIRELY;
                }
                int bits = verdicts.bits(e);
                if (found[0] == null && Bylines.isBylineElement(e, bits)) {
                    String byline = bylineOf(e);
                    if (byline != null) {
                        found[0] = byline;
                        return FilterResult.STOP;
                    }
                    // a date line or a "follow the author" box: what it holds is not the byline
                    return FilterResult.SKIP_ENTIRELY;
                }
                if ((ClassNames.unlikely(bits) || ClassNames.unlikelyRole(e)) && !HOLDERS.contains(tag)
                        && !tags.holdsHeadline(e)) {
                    // sidebars, related stories and comments have bylines of their own; a header with the headline has the story's
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (found[1] == null && isBlockish(tag) && startsLikeByline(e) && Block.childElements(e, 3) <= 3) {
                    found[1] = Bylines.nameIn(e.text());
                }
                if (found[1] == null) {
                    found[1] = Bylines.afterLabel(e);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, page.original().body());
        m.offer(Field.BYLINE, found[0], Source.TEXT);
        m.offer(Field.BYLINE, found[1], Source.TEXT, BY_LINE_TRUST);
    }

    /** The byline a marked element gives, or null when its text does not read as names. */
    private static String bylineOf(Element e) {
        if (e.getElementsByTag("a").size() > MAX_LINKS || menuItem(e)) {
            return null;
        }
        String text = Bylines.textOf(e);
        if (text == null) {
            return null;
        }
        String names = Bylines.withoutDate(text);
        return names != null && Bylines.readsAsNames(names) ? names : null;
    }

    /** One entry of a menu ("Bylines", "Authors" among the sections): a list item among many. */
    private static boolean menuItem(Element e) {
        Element list = e.parent();
        return e.normalName().equals("li") && list != null && Block.childElements(list, MENU_ITEMS) >= MENU_ITEMS;
    }

    /** Cheap pre-check on the leading text node before reading the whole block's text. */
    private static boolean startsLikeByline(Element e) {
        if (e.childNodeSize() == 0 || !(e.childNode(0) instanceof TextNode t)) {
            return false;
        }
        String lead = t.text().stripLeading();
        return !lead.isEmpty() && lead.length() < 120 && Bylines.mayStartByline(lead);
    }

    private static boolean isBlockish(String tag) {
        return tag.equals("p") || tag.equals("div") || tag.equals("span") || tag.equals("address");
    }
}
