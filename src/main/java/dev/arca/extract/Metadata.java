package dev.arca.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the metadata steps learn about a page, filled from its most trusted source first: each
 * {@code offer} keeps the first non-blank value, so a step that runs later only fills gaps.
 */
public final class Metadata {

    private String title;
    private String byline;
    /** Each author once, keyed by the lower-cased name, in the order first seen. */
    private final Map<String, String> authors = new LinkedHashMap<>();
    private String published;
    private String modified;
    private String siteName;
    private String language;
    private String description;
    private String leadImage;
    private final Set<String> tags = new LinkedHashSet<>();
    private String canonicalUrl;
    private String sourceUrl;
    private boolean articleTyped;
    private String articleBody;

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clean(String s) {
        return s == null ? null : s.strip().replaceAll("\\s+", " ");
    }

    public String title() {
        return title;
    }

    /** Replaces the title (the title step decides between candidates). */
    public void title(String title) {
        this.title = blank(title) ? null : clean(title);
    }

    public String byline() {
        return byline;
    }

    public void offerByline(String v) {
        if (blank(byline) && !blank(v)) {
            byline = clean(v);
        }
    }

    public List<String> authors() {
        return new ArrayList<>(authors.values());
    }

    /**
     * Adds an author unless one differing only in case is known: "JANE DOE" from JSON-LD and
     * "Jane Doe" from the byline are one person, written the way that has both cases.
     */
    public void addAuthor(String name) {
        if (blank(name)) {
            return;
        }
        String author = clean(name);
        authors.merge(author.toLowerCase(Locale.ROOT), author,
                (known, other) -> !mixedCase(known) && mixedCase(other) ? other : known);
    }

    private static boolean mixedCase(String s) {
        return !s.equals(s.toUpperCase(Locale.ROOT)) && !s.equals(s.toLowerCase(Locale.ROOT));
    }

    public String published() {
        return published;
    }

    public void offerPublished(String v) {
        if (published == null) {
            published = Dates.normalise(v);
        }
    }

    public String modified() {
        return modified;
    }

    public void offerModified(String v) {
        if (modified == null) {
            modified = Dates.normalise(v);
        }
    }

    public String siteName() {
        return siteName;
    }

    public void offerSiteName(String v) {
        if (blank(siteName) && !blank(v)) {
            siteName = clean(v);
        }
    }

    public String language() {
        return language;
    }

    public void offerLanguage(String v) {
        if (blank(language) && !blank(v)) {
            String tag = v.strip().replace('_', '-');
            int comma = tag.indexOf(',');
            if (comma > 0) {
                tag = tag.substring(0, comma).strip();
            }
            if (tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                language = tag;
            }
        }
    }

    public String description() {
        return description;
    }

    public void offerDescription(String v) {
        if (blank(description) && !blank(v)) {
            description = clean(v);
        }
    }

    public String leadImage() {
        return leadImage;
    }

    public void offerLeadImage(String v) {
        if (blank(leadImage) && !blank(v)) {
            leadImage = v.strip();
        }
    }

    public List<String> tags() {
        return new ArrayList<>(tags);
    }

    public void addTag(String v) {
        if (!blank(v) && tags.size() < 50) {
            tags.add(clean(v));
        }
    }

    public String canonicalUrl() {
        return canonicalUrl;
    }

    public void offerCanonicalUrl(String v) {
        if (blank(canonicalUrl) && !blank(v)) {
            canonicalUrl = v.strip();
        }
    }

    public String sourceUrl() {
        return sourceUrl;
    }

    public void offerSourceUrl(String v) {
        if (blank(sourceUrl) && !blank(v)) {
            sourceUrl = v.strip();
        }
    }

    /** The full text the publisher put in JSON-LD {@code articleBody}, or null. */
    public String articleBody() {
        return articleBody;
    }

    public void offerArticleBody(String v) {
        if (articleBody == null && v != null && !v.isBlank()) {
            articleBody = v.strip();
        }
    }

    /** True when structured data (JSON-LD, og:type, microdata) says the page is an article. */
    public boolean articleTyped() {
        return articleTyped;
    }

    public void markArticleTyped() {
        articleTyped = true;
    }
}
