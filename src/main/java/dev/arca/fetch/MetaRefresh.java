package dev.arca.fetch;

import dev.arca.extract.HtmlCharset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A page that is nothing but a {@code <meta http-equiv="refresh">} redirect ("This page has moved;
 * you will be taken there in 3 seconds"). Browsers follow it, so the fetcher follows it too, as one
 * more hop of the redirect chain.
 *
 * <p>A page is such a redirect when its refresh names another URL, waits at most
 * {@value #MAX_DELAY_SECONDS} seconds, and the page shows at most {@value #MAX_TEXT} characters of
 * text. A refresh that reloads the page itself or waits longer (a front page reloading every five
 * minutes), or one on a page with real content, leaves the page as it is. A refresh inside
 * {@code <noscript>} is ignored, as a browser running scripts ignores it.
 */
final class MetaRefresh {

    /** The longest wait that still reads as "you are being redirected" rather than "reload now and then". */
    static final int MAX_DELAY_SECONDS = 10;
    /** More visible text than a "this page has moved" notice: the page is content, not a redirect. */
    static final int MAX_TEXT = 500;

    /**
     * A parsed {@code content} value.
     *
     * @param seconds the delay, capped at {@link Integer#MAX_VALUE}
     * @param url     the URL to go to as written, or null to reload the page itself
     */
    record Refresh(long seconds, String url) {
    }

    private MetaRefresh() {
    }

    /** Where {@code page} redirects to when it is only a meta refresh; empty for any other page. */
    static Optional<URI> target(Capture page) {
        if (!page.isHtml() || !mentionsRefresh(page.body())) {
            return Optional.empty();
        }
        Document doc = Jsoup.parse(HtmlCharset.decode(page.body(), page.contentType()), page.url().toString());
        Element meta = refreshElement(doc);
        if (meta == null || doc.body().text().length() > MAX_TEXT) {
            return Optional.empty();
        }
        Optional<Refresh> refresh = parse(meta.attr("content"));
        if (refresh.isEmpty() || refresh.get().url() == null || refresh.get().seconds() > MAX_DELAY_SECONDS) {
            return Optional.empty();
        }
        try {
            // jsoup's base URI is the page's, or its <base href>
            String base = doc.baseUri().isEmpty() ? page.url().toString() : doc.baseUri();
            URI target = WebUrl.resolve(URI.create(base), refresh.get().url());
            boolean reload = UrlNormalizer.normalize(target).equals(UrlNormalizer.normalize(page.url()));
            return reload ? Optional.empty() : Optional.of(target);
        } catch (FetchException | IllegalArgumentException e) {
            return Optional.empty(); // a refresh to javascript: or garbage leaves the page as it is, as browsers do
        }
    }

    private static Element refreshElement(Document doc) {
        for (Element meta : doc.select("meta[http-equiv][content]")) {
            if (meta.attr("http-equiv").strip().equalsIgnoreCase("refresh") && meta.closest("noscript") == null) {
                return meta;
            }
        }
        return null;
    }

    /** A cheap scan before parsing: almost no page has the word at all. */
    private static boolean mentionsRefresh(byte[] body) {
        byte[] word = "refresh".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + word.length <= body.length; i++) {
            for (int j = 0; j < word.length; j++) {
                if ((body[i + j] | 0x20) != word[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Parses a refresh {@code content} value as browsers do (WHATWG "shared declarative refresh
     * steps"): {@code 0; url=/next}, {@code 5,URL='/next'}, {@code 3 /next}, {@code 300}.
     */
    static Optional<Refresh> parse(String content) {
        String s = content == null ? "" : content;
        int i = skipSpace(s, 0);
        int digits = i;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digits && (i >= s.length() || s.charAt(i) != '.')) {
            return Optional.empty();
        }
        long seconds = i == digits ? 0 : seconds(s.substring(digits, i));
        while (i < s.length() && (s.charAt(i) == '.' || isDigit(s.charAt(i)))) {
            i++;
        }
        if (i < s.length() && s.charAt(i) != ';' && s.charAt(i) != ',' && !isSpace(s.charAt(i))) {
            return Optional.empty();
        }
        i = skipSpace(s, i);
        if (i < s.length() && (s.charAt(i) == ';' || s.charAt(i) == ',')) {
            i = skipSpace(s, i + 1);
        }
        if (i >= s.length()) {
            return Optional.of(new Refresh(seconds, null));
        }
        String rest = s.substring(i);
        if (rest.toLowerCase(Locale.ROOT).startsWith("url")) {
            int j = skipSpace(s, i + 3);
            if (j < s.length() && s.charAt(j) == '=') {
                i = skipSpace(s, j + 1);
            }
        }
        String url = s.substring(i);
        if (!url.isEmpty() && (url.charAt(0) == '\'' || url.charAt(0) == '"')) {
            int close = url.indexOf(url.charAt(0), 1);
            url = close < 0 ? url.substring(1) : url.substring(1, close);
        }
        url = url.strip();
        return Optional.of(new Refresh(seconds, url.isEmpty() ? null : url));
    }

    private static long seconds(String digits) {
        return digits.length() > 9 ? Integer.MAX_VALUE : Long.parseLong(digits);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
