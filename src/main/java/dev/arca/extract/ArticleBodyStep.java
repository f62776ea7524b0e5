package dev.arca.extract;

import org.jsoup.nodes.Entities;

/**
 * Falls back to the publisher's own text when the page's markup yielded far less: a JSON-LD
 * {@code articleBody} (or a how-to's or recipe's steps, {@link Instructions}) several times longer
 * than the extracted body means the story is rendered by script or hidden from the scorer, and the
 * structured copy is the better source.
 */
final class ArticleBodyStep implements Step {

    static final int MIN_LENGTH = 500;
    private static final double FACTOR = 2.0;

    @Override
    public void apply(Page page) {
        String body = page.metadata().articleBody();
        if (body == null || body.length() < MIN_LENGTH || body.length() < FACTOR * page.text().length()) {
            return;
        }
        // articleBody is plain text, sometimes with stray markup; keep its paragraphs
        String text = org.jsoup.Jsoup.parse(body.replace("\n", "<br>")).body().wholeText();
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        for (String line : text.split("\\s*\\n\\s*")) {
            String l = line.strip().replaceAll("\\s+", " ");
            if (l.isEmpty()) {
                continue;
            }
            if (plain.length() > 0) {
                plain.append('\n');
            }
            plain.append(l);
            html.append("<p>").append(Entities.escape(l)).append("</p>");
        }
        page.body(html.toString(), plain.toString());
    }
}
