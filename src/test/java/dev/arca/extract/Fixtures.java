package dev.arca.extract;

import org.jsoup.Jsoup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Small hand-written pages for the extraction tests. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Article extract(String name, String url) {
        return Extractor.create().extract(bytes(name), "text/html", url).article();
    }

    /** Runs one step over a page built from {@code html}, as the extractor would. */
    static Page run(String html, String url, Step... steps) {
        Page page = new Page(Jsoup.parse(html, url == null ? "" : url), url);
        page.startAttempt(Page.Strictness.FULL, true);
        for (Step s : steps) {
            s.apply(page);
        }
        return page;
    }

    /** The plain text the content steps keep of {@code html}. */
    static String body(String html) {
        return Extractor.create().extract(Jsoup.parse(html, "https://site.example/news/story"),
                "https://site.example/news/story").article().text();
    }
}
