package dev.arca.testing;

import dev.arca.bundle.BundleWriter;
import dev.arca.extract.Article;
import dev.arca.fetch.Capture;
import dev.arca.fetch.Exchange;
import dev.arca.fetch.Header;
import dev.arca.store.Store;
import dev.arca.store.StoreEntry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Bundles made straight from {@link Article} values, as {@code arca fetch} would have stored them
 * after a 200 response, without a server or the extractor: for tests that need exact metadata and
 * for the index benchmark's generator.
 */
public final class SyntheticBundles {

    private static final BundleWriter WRITER = new BundleWriter("arca synthetic");

    private SyntheticBundles() {
    }

    /** Saves a bundle of {@code article}, captured at {@code when} from {@code requested}, through the store. */
    public static StoreEntry save(Store store, Article article, String requested, Instant when) throws IOException {
        Capture capture = capture(article, requested, when);
        return store.save(when, (out, id) -> write(out, id, capture, article));
    }

    /** Writes the bundle of {@code capture} and its article to {@code out}. */
    public static void write(OutputStream out, String id, Capture capture, Article article) throws IOException {
        WRITER.write(out, id, capture, article, markdown(article), Map.of());
    }

    /** A one-hop capture whose response is a plain page of the article. */
    public static Capture capture(Article article, String requested, Instant when) {
        byte[] page = page(article).getBytes(StandardCharsets.UTF_8);
        URI url = URI.create(article.url());
        String type = "text/html; charset=utf-8";
        Exchange exchange = new Exchange(url, when, InetAddress.getLoopbackAddress(), "HTTP/1.1",
                List.of(new Header("User-Agent", "arca synthetic"), new Header("Accept", "text/html")), 200,
                List.of(new Header("Content-Type", type), new Header("Content-Length", Integer.toString(page.length))), page);
        return new Capture(URI.create(requested), url, when, List.of(exchange), "text/html", type, page);
    }

    private static String page(Article article) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(article.language() == null ? "en" : article.language())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(article.title())).append("</title></head><body><article><h1>")
                .append(escape(article.title())).append("</h1>");
        for (String block : article.text().split("\n")) {
            html.append("<p>").append(escape(block)).append("</p>");
        }
        return html.append("</article></body></html>").toString();
    }

    private static String markdown(Article article) {
        return "# " + article.title() + "\n\n" + article.text().replace("\n", "\n\n") + "\n";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
