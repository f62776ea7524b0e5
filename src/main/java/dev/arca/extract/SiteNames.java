package dev.arca.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a page says about the site it belongs to, for taking the site's name out of a
 * headline: {@code og:site_name}, the JSON-LD publisher, {@code application-name}, the Twitter
 * handle, the host name ("ehow" of www.ehow.com) and the outlet a republished story came from.
 * Names are compared loosely: as lower-case letters and digits, without a leading "The" and
 * without a domain's ending, so that "The Guardian", "guardian" and "theguardian.com" are one
 * name, as are "eHow" and "eHow.com".
 */
final class SiteNames {

    /** The separators a title puts between its headline and a site or section name. */
    static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—·•/»:]{1,2}\\s+|\\s*::\\s*|\\s+\\|\\s*|\\s*\\|\\s+|:\\s+");
    private static final int MIN_KEY = 3;
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "org", "net", "gov", "ac", "edu", "ne", "or");
    /** A name written as a domain: "eHow.com", "www.bbc.co.uk". */
    private static final Pattern DOMAIN = Pattern.compile("(?i)(?:www\\.)?([\\p{L}\\p{N}-]+)(?:\\.[a-z]{2,6}){1,2}");
    private static final Pattern LEADING_THE = Pattern.compile("(?i)^the\\s+");

    private final Set<String> keys = new LinkedHashSet<>();

    SiteNames(List<String> names, String... urls) {
        for (String n : names) {
            add(n.startsWith("@") ? n.substring(1) : n);
        }
        for (String url : urls) {
            add(hostLabel(url));
        }
    }

    /** Every name {@code page}'s metadata gives its site, and the page's, canonical and source URLs. */
    static SiteNames of(Page page) {
        Metadata m = page.metadata();
        List<String> sites = new ArrayList<>();
        for (Metadata.Candidate c : m.candidates(Metadata.Field.SITE_NAME)) {
            sites.add(c.value());
        }
        return new SiteNames(sites, page.url(), m.canonicalUrl(), m.sourceUrl());
    }

    private void add(String name) {
        String k = key(name);
        if (k.length() >= MIN_KEY) {
            keys.add(k);
        }
    }

    /** The lower-case letters and digits of {@code s}, without a leading "The" or a domain's ending. */
    static String key(String s) {
        if (s == null) {
            return "";
        }
        String name = LEADING_THE.matcher(s.strip()).replaceFirst("");
        var domain = DOMAIN.matcher(name);
        if (domain.matches()) {
            name = domain.group(1);
        }
        return letters(name);
    }

    /** The lower-case letters and digits of {@code s}. */
    static String letters(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The label that names a site in its host: "ehow" for www.ehow.com, "bbc" for www.bbc.co.uk. */
    static String hostLabel(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) {
                return null;
            }
            String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
            int i = labels.length - 2;
            if (i > 0 && SECOND_LEVEL.contains(labels[i]) && labels[labels.length - 1].length() == 2) {
                i--;
            }
            return i >= 0 ? labels[i] : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * True when {@code part} of a title names the site: the same name, or one name the start of
     * the other ("Factorio" and "Factorio.com", "BBC" and "BBC News").
     */
    boolean names(String part) {
        String k = key(part);
        if (k.length() < MIN_KEY) {
            return false;
        }
        for (String site : keys) {
            if (site.equals(k) || site.startsWith(k) && k.length() * 2 >= site.length()
                    || k.startsWith(site) && site.length() * 2 >= k.length()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code title} without the site names at its end or start, however many ("Headline — Outlet
     * | Aggregator"); what is left must still have {@code minWords} words, and be no shorter than
     * any of {@code headings} (the page's {@code <h1>}s) that the title contains: a heading that
     * shows "Factorio: the game" says the "Factorio" is the headline's own.
     */
    String strip(String title, int minWords, List<String> headings) {
        List<String> inTitle = new ArrayList<>();
        for (String h : headings) {
            String k = letters(h);
            if (!k.isEmpty() && letters(title).contains(k)) {
                inTitle.add(k);
            }
        }
        String t = title;
        for (int round = 0; round < 3; round++) {
            String next = stripOnce(t, minWords, inTitle);
            if (next.equals(t)) {
                break;
            }
            t = next;
        }
        return t;
    }

    private String stripOnce(String t, int minWords, List<String> headings) {
        List<int[]> seps = new ArrayList<>();
        var m = SEPARATOR.matcher(t);
        while (m.find()) {
            seps.add(new int[] {m.start(), m.end()});
        }
        if (seps.isEmpty()) {
            return t;
        }
        int[] last = seps.get(seps.size() - 1);
        String head = t.substring(0, last[0]).strip();
        if (names(t.substring(last[1])) && keeps(head, minWords, headings)) {
            return head;
        }
        int[] first = seps.get(0);
        String tail = t.substring(first[1]).strip();
        if (names(t.substring(0, first[0])) && keeps(tail, minWords, headings)) {
            return tail;
        }
        return t;
    }

    private static boolean keeps(String rest, int minWords, List<String> headings) {
        if (Titles.words(rest) < minWords) {
            return false;
        }
        String k = letters(rest);
        for (String h : headings) {
            if (k.length() < h.length()) {
                return false;
            }
        }
        return true;
    }
}
