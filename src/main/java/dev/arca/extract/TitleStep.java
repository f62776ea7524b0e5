package dev.arca.extract;

/**
 * Settles the headline: the structured title found by earlier steps, else the headline inside
 * {@code <title>} without site name or section; a trailing " | Site Name" that repeats the
 * known site name is dropped either way.
 */
public final class TitleStep implements Step {

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        String title = m.title();
        if (title == null) {
            title = Titles.fromDocument(page.original());
        }
        m.title(withoutSiteName(title, m.siteName()));
    }

    static String withoutSiteName(String title, String site) {
        if (title == null || site == null || site.isBlank()) {
            return title;
        }
        String t = title.strip();
        String s = site.strip();
        for (String sep : new String[] {" | ", " - ", " – ", " — ", " :: ", " · ", " • "}) {
            String suffix = sep + s;
            if (t.length() > suffix.length() + 10 && t.regionMatches(true, t.length() - suffix.length(), suffix, 0,
                    suffix.length())) {
                return t.substring(0, t.length() - suffix.length()).strip();
            }
        }
        return t;
    }
}
