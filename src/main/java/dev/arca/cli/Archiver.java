package dev.arca.cli;

import dev.arca.bundle.BundleWriter;
import dev.arca.bundle.ContentHash;
import dev.arca.extract.Article;
import dev.arca.extract.Extractor;
import dev.arca.fetch.Capture;
import dev.arca.render.MarkdownRenderer;
import dev.arca.store.Store;
import dev.arca.store.StoreEntry;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The pipeline for one capture: extract the article, render its Markdown, write the bundle into
 * the store. The only place where the stages meet. One per thread.
 */
final class Archiver {

    private final Extractor extractor;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final BundleWriter bundles = new BundleWriter(Version.software());
    private final Store store;

    Archiver(Extractor extractor, Store store) {
        this.extractor = extractor;
        this.store = store;
    }

    /**
     * Extracts and stores {@code capture}; {@code warcinfo} adds fields to the WARC's warcinfo record.
     * When {@code previousHash} is the {@link ContentHash} of the new article, the story did not change
     * and nothing is stored; null means store in any case.
     */
    Archived archive(Capture capture, Map<String, String> warcinfo, String previousHash) throws IOException {
        Article article = articleOf(capture, extractor);
        if (previousHash != null && previousHash.equals(ContentHash.of(article))) {
            return new Archived(null, article);
        }
        String md = markdown.render(article);
        StoreEntry entry = store.save(capture.date(),
                (out, id) -> bundles.write(out, id, capture, article, md, warcinfo));
        return new Archived(entry, article);
    }

    /** The article of any capture: extracted from HTML, or metadata only for other media. */
    static Article articleOf(Capture capture, Extractor extractor) {
        String url = capture.url().toString();
        if (capture.isHtml()) {
            return extractor.extract(capture.body(), capture.contentType(), url);
        }
        return Article.ofNonHtml(url, capture.mediaType(), lastSegment(capture.url()));
    }

    private static String lastSegment(URI url) {
        String path = url.getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return url.getHost();
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * An article and the bundle it was stored in.
     *
     * @param entry   the new bundle, or null when the article was unchanged and nothing was stored
     * @param article the article as extracted now
     */
    record Archived(StoreEntry entry, Article article) {

        boolean stored() {
            return entry != null;
        }
    }
}
