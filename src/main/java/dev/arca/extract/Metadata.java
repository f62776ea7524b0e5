package dev.arca.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the metadata steps learn about a page. Every step offers the values it finds with their
 * {@link Source}; a field's value is the first one offered (the steps run from the most
 * trusted source down) unless a later step settles it with {@link #choose}. All candidates
 * are kept, so that {@link #provenance()} can say where each value came from, how many
 * sources agreed, and which value lost.
 */
public final class Metadata {

    /** The fields whose candidates and origin are recorded, named as in the Article JSON. */
    public enum Field {
        TITLE("title"), HEADLINE("headline"), BYLINE("byline"), PUBLISHED("published"), MODIFIED("modified"), SITE_NAME("siteName"),
        LANGUAGE("language"), DIRECTION("direction"), DESCRIPTION("description"), LEAD_IMAGE("leadImage"),
        CANONICAL_URL("canonicalUrl"), SOURCE_URL("sourceUrl"), SECTION("section"), FAVICON("favicon");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** One value a source offered for a field, with how far arca trusts it. */
    public record Candidate(String value, Source source, double confidence) {
    }

    /** Each agreeing source closes this share of the remaining doubt, scaled by its own trust. */
    private static final double AGREEMENT = 0.5;
    /** A disagreeing source takes this share of its own trust off the choice. */
    private static final double DISSENT = 0.2;
    private static final int MAX_CANDIDATES = 20;

    private final Map<Field, List<Candidate>> offered = new EnumMap<>(Field.class);
    private final Map<Field, Candidate> chosen = new EnumMap<>(Field.class);
    /** Each author once, keyed by the lower-cased name, in the order first seen. */
    private final Map<String, String> authors = new LinkedHashMap<>();
    private final Set<String> tags = new LinkedHashSet<>();
    private boolean articleTyped;
    private String articleBody;

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clean(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /**
     * Offers {@code raw} for {@code field} from {@code source} at the source's usual trust; it is
     * normalised first (dates to ISO-8601, languages to BCP 47, text to single spaces) and ignored
     * when nothing usable is left.
     */
    public void offer(Field field, String raw, Source source) {
        offer(field, raw, source, source.trust());
    }

    /** Offers a value with a trust of the step's own (a title rebuilt from {@code <title>} is less sure). */
    public void offer(Field field, String raw, Source source, double confidence) {
        String v = normalise(field, raw);
        if (v == null) {
            return;
        }
        List<Candidate> list = offered.computeIfAbsent(field, f -> new ArrayList<>(2));
        if (list.size() >= MAX_CANDIDATES) {
            return;
        }
        for (Candidate c : list) {
            if (c.source() == source && c.value().equals(v)) {
                return;
            }
        }
        list.add(new Candidate(v, source, confidence));
    }

    private static String normalise(Field field, String raw) {
        if (blank(raw)) {
            return null;
        }
        return switch (field) {
            case PUBLISHED, MODIFIED -> Dates.normalise(raw);
            case LANGUAGE -> languageTag(raw);
            case DIRECTION -> raw.strip().toLowerCase(Locale.ROOT).matches("ltr|rtl") ? raw.strip().toLowerCase(Locale.ROOT) : null;
            case LEAD_IMAGE, CANONICAL_URL, SOURCE_URL, FAVICON -> raw.strip();
            case TITLE, HEADLINE -> Titles.plain(raw);
            case DESCRIPTION -> clean(Titles.withoutMarkup(raw));
            case BYLINE -> Bylines.tidy(raw);
            default -> clean(raw);
        };
    }

    private static String languageTag(String v) {
        String tag = v.strip().replace('_', '-');
        int comma = tag.indexOf(',');
        if (comma > 0) {
            tag = tag.substring(0, comma).strip();
        }
        return tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") ? tag : null;
    }

    /** Settles {@code field} on {@code candidate} (one of its candidates, or a value a step derived). */
    public void choose(Field field, Candidate candidate) {
        if (candidate == null) {
            chosen.remove(field);
            return;
        }
        String v = normalise(field, candidate.value());
        if (v == null) {
            return;
        }
        Candidate c = v.equals(candidate.value()) ? candidate : new Candidate(v, candidate.source(), candidate.confidence());
        chosen.put(field, c);
        List<Candidate> list = offered.computeIfAbsent(field, f -> new ArrayList<>(2));
        if (!list.contains(c)) {
            list.add(c);
        }
    }

    /** The value of {@code field}: the one chosen, else the first offered; null when none was. */
    public String value(Field field) {
        Candidate c = choice(field);
        return c == null ? null : c.value();
    }

    /** The candidate that gives {@code field} its value, or null. */
    public Candidate choice(Field field) {
        Candidate c = chosen.get(field);
        if (c != null) {
            return c;
        }
        List<Candidate> list = offered.get(field);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** Every value offered for {@code field}, in the order offered. */
    public List<Candidate> candidates(Field field) {
        return List.copyOf(offered.getOrDefault(field, List.of()));
    }

    /**
     * For every field with a value: its source, its confidence (the source's trust, raised by
     * each other source that gave the same value, lowered by the strongest one that gave another),
     * and that strongest other value as the runner-up.
     */
    public Map<String, Provenance> provenance() {
        Map<String, Provenance> out = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            Candidate choice = choice(field);
            if (choice == null) {
                continue;
            }
            double confidence = choice.confidence();
            Set<Source> agreeing = new LinkedHashSet<>();
            Candidate runnerUp = null;
            for (Candidate c : offered.getOrDefault(field, List.of())) {
                if (c == choice || c.source() == choice.source() && c.value().equals(choice.value())) {
                    continue;
                }
                if (same(field, c.value(), choice.value())) {
                    if (c.source() != choice.source() && agreeing.add(c.source())) {
                        confidence += (1 - confidence) * AGREEMENT * c.confidence();
                    }
                } else if (runnerUp == null || c.confidence() > runnerUp.confidence()) {
                    runnerUp = c;
                }
            }
            if (runnerUp != null) {
                confidence -= DISSENT * runnerUp.confidence();
            }
            out.put(field.key(), new Provenance(choice.source().key(), round(confidence), runnerUp == null ? null
                    : new Provenance.RunnerUp(runnerUp.value(), runnerUp.source().key(), round(runnerUp.confidence()))));
        }
        return out;
    }

    private static double round(double c) {
        return Math.round(Math.max(0.05, Math.min(0.99, c)) * 100) / 100.0;
    }

    /** Two values that say the same thing: one date or instant, one name however cased or spaced. */
    static boolean same(Field field, String a, String b) {
        return switch (field) {
            case PUBLISHED, MODIFIED -> Dates.agree(a, b);
            case LEAD_IMAGE, CANONICAL_URL, SOURCE_URL, FAVICON -> urlKey(a).equals(urlKey(b));
            default -> textKey(a).equals(textKey(b));
        };
    }

    private static String urlKey(String url) {
        String u = url.toLowerCase(Locale.ROOT).replaceFirst("^https?://(www\\.)?", "");
        int cut = u.indexOf('?');
        u = cut >= 0 ? u.substring(0, cut) : u;
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static String textKey(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    public String title() {
        return value(Field.TITLE);
    }

    public String byline() {
        return value(Field.BYLINE);
    }

    public List<String> authors() {
        return new ArrayList<>(authors.values());
    }

    /**
     * Adds an author unless one differing only in case is known: "JANE DOE" from JSON-LD and
     * "Jane Doe" from the byline are one person, written the way that has both cases.
     */
    public void addAuthor(String name) {
        String author = blank(name) ? null : Bylines.tidy(Bylines.withoutBy(name));
        if (author == null) {
            return;
        }
        authors.merge(author.toLowerCase(Locale.ROOT), author,
                (known, other) -> !mixedCase(known) && mixedCase(other) ? other : known);
    }

    private static boolean mixedCase(String s) {
        return !s.equals(s.toUpperCase(Locale.ROOT)) && !s.equals(s.toLowerCase(Locale.ROOT));
    }

    /** Forgets the authors gathered so far (when the byline they came with lost to another). */
    void clearAuthors() {
        authors.clear();
    }

    public String published() {
        return value(Field.PUBLISHED);
    }

    public String modified() {
        return value(Field.MODIFIED);
    }

    public String siteName() {
        return value(Field.SITE_NAME);
    }

    public String language() {
        return value(Field.LANGUAGE);
    }

    /** "ltr" or "rtl", or null when neither the markup nor the text says. */
    public String direction() {
        return value(Field.DIRECTION);
    }

    /** The title without the site's name; the title itself when no name was proven to be the site's. */
    public String headline() {
        String headline = value(Field.HEADLINE);
        return headline == null ? title() : headline;
    }

    public String section() {
        return value(Field.SECTION);
    }

    public String favicon() {
        return value(Field.FAVICON);
    }

    public String description() {
        return value(Field.DESCRIPTION);
    }

    public String leadImage() {
        return value(Field.LEAD_IMAGE);
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
        return value(Field.CANONICAL_URL);
    }

    public String sourceUrl() {
        return value(Field.SOURCE_URL);
    }

    /**
     * The full text the publisher put in JSON-LD: the article's {@code articleBody}, else a how-to's
     * or a recipe's description, ingredients and steps; or null.
     */
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
