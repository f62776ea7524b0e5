package dev.arca.extract;

import org.jsoup.nodes.Element;

import java.util.regex.Pattern;

/**
 * Judges how likely the page is an article at all, from 0 to 1: running text of some length
 * in several paragraphs, structured data that says "article", a publication date, and an
 * address that is not a home page, listing or search. Home pages, listings, search results
 * and login walls score low; a body that is not readable text (decoded binary) is dropped.
 */
final class Confidence implements Step {

    private static final Pattern LISTING_PATH = Pattern.compile(
            "^https?://[^/]+/?(?:index\\.\\w+)?(?:\\?.*)?$|/(?:search|tag|tags|category|categories|archive|archives|"
                    + "page/\\d+|author|topics?|section|login|signin|sign-in|register)(?:/|$|\\?)|[?&](?:s|q|query|search)=",
            Pattern.CASE_INSENSITIVE);

    @Override
    public void apply(Page page) {
        String text = page.text();
        int length = text.length();
        int paragraphs = 0;
        for (int start = 0; start < length && paragraphs < 10; ) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? length : end;
            if (end - start >= 100) {
                paragraphs++;
            }
            start = end + 1;
        }
        Metadata m = page.metadata();
        double c = 0.55 * Math.min(1.0, length / 1500.0) + 0.15 * Math.min(1.0, paragraphs / 4.0);
        if (m.articleTyped()) {
            c += 0.2;
        }
        if (m.published() != null) {
            c += 0.1;
        }
        String url = page.url();
        if (url != null && LISTING_PATH.matcher(url).find()) {
            c -= 0.3;
        }
        if (hasLoginForm(page) && length < 1000) {
            c -= 0.3;
        }
        if (length < 200 && paragraphs == 0) {
            c = Math.min(c, 0.1);
        }
        if (!readable(text)) {
            page.body("", "");
            c = 0;
        }
        page.confidence(Math.max(0, Math.min(1, Math.round(c * 100) / 100.0)));
    }

    /** Decoded binary or garbage is full of control, replacement and unassigned characters. */
    private static boolean readable(String text) {
        int bad = 0;
        int n = Math.min(text.length(), 20_000);
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            int type = Character.getType(ch);
            if (ch == '\uFFFD' || type == Character.CONTROL && !Character.isWhitespace(ch)
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                bad++;
            }
        }
        return bad <= 0.03 * n;
    }

    private static boolean hasLoginForm(Page page) {
        for (Element input : page.tags().get("input")) {
            if (input.attr("type").strip().equalsIgnoreCase("password")) {
                return true;
            }
        }
        return false;
    }
}
