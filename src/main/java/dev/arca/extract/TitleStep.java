package dev.arca.extract;

/**
 * Settles the headline: the title the publisher wrote for machines (JSON-LD, OpenGraph, Dublin
 * Core, Twitter) as it stands, else the headline inside {@code <title>} without site name or
 * section, where a trailing " | Site Name" that repeats the known site name is also dropped;
 * a page without any {@code <title>} is named by its first {@code <h1>}.
 */
public final class TitleStep implements Step {

    @Override
    public void apply(Page page) {
        Metadata m = page.metadata();
        if (m.title() == null) {
            m.offer(Metadata.Field.TITLE, withoutSiteName(Titles.fromDocument(page.original()), m.siteName()),
                    Source.META, 0.7);
        }
        if (m.title() == null) {
            org.jsoup.nodes.Element h1 = page.original().selectFirst("h1");
            if (h1 != null && h1.text().length() < 300) {
                m.offer(Metadata.Field.TITLE, h1.text(), Source.TEXT);
            }
        }
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
