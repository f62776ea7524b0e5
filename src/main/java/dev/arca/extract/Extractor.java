package dev.arca.extract;

import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Turns an HTML page into an {@link Article}: decodes the bytes once, parses them once with
 * jsoup, and runs a list of named {@link Step}s over the document.
 *
 * <p>Metadata steps read the document as parsed. Content steps (prune, score, select, clean,
 * tidy) work on a copy; when they keep too little text, they run again on a fresh copy with
 * one rule relaxed, as Readability does, and the longest result (discounted by its share of
 * link text) wins; a relaxed result that is mostly links is taken only over next to nothing. A page of several
 * megabytes that the extractor parsed itself is worked on in place, once, to bound memory. Finishing steps judge the
 * result. Instances are immutable and safe to share between threads; {@link #extract} never
 * throws.
 */
public final class Extractor {

    /** Below this many characters a content attempt counts as failed and is retried, relaxed. */
    private static final int MIN_TEXT = 500;
    /** A relaxed attempt whose text is more links than this is not taken... */
    private static final double MAX_RETRY_LINKS = 0.5;
    /** ...unless the strict attempt kept less than this: then the links are better than nothing. */
    private static final int MIN_FALLBACK = 200;
    private static final long MAX_PARSE_BYTES = 64L * 1024 * 1024;
    /** Pages above this size get one content attempt on the parsed document itself, to save memory. */
    private static final int LARGE_PAGE_BYTES = 2 * 1024 * 1024;

    private final List<Step> metadataSteps;
    private final List<Step> contentSteps;
    private final List<Step> finishingSteps;

    private Extractor(List<Step> metadataSteps, List<Step> contentSteps, List<Step> finishingSteps) {
        this.metadataSteps = List.copyOf(metadataSteps);
        this.contentSteps = List.copyOf(contentSteps);
        this.finishingSteps = List.copyOf(finishingSteps);
    }

    /** The standard extraction pipeline. */
    public static Extractor create() {
        return new Extractor(
                List.of(new JsonLdStep(), new MetaTagStep(), new MicrodataStep(), new DocumentDataStep(),
                        new TextDateStep(), new DateStep(), new TitleStep(), new BylineStep(), new SourceLinkStep()),
                List.of(new Prune(), new Score(), new Select(), new Clean(), new LeadLabels(), new Captions(), new Tidy()),
                List.of(new ArticleBodyStep(), new Confidence()));
    }

    /**
     * Decodes {@code body} (charset from BOM, then {@code contentType}, then {@code <meta>}, then
     * sniffing; see {@link HtmlCharset}) and extracts the article. {@code contentType} may be null.
     */
    public Article extract(byte[] body, String contentType, String url) {
        try {
            byte[] bytes = body == null ? new byte[0] : body;
            Document doc = parse(bytes, contentType, url);
            // the document is ours: a large one is worked on in place, with no copy to retry on
            return run(doc, url, bytes.length < LARGE_PAGE_BYTES);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failed(url);
        }
    }

    /** Extracts the article from an already parsed document (which it leaves unchanged). */
    public Article extract(Document doc, String url) {
        try {
            return run(doc, url, true);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failed(url);
        }
    }

    private static Document parse(byte[] bytes, String contentType, String url) {
        String html = bytes.length > MAX_PARSE_BYTES ? "" : HtmlCharset.decode(bytes, contentType);
        return Parser.htmlParser().parseInput(html, url == null ? "" : url);
    }

    private Article run(Document doc, String url, boolean copy) {
        Page page = new Page(doc, url);
        for (Step step : metadataSteps) {
            step.apply(page);
        }
        String bestHtml = "";
        String bestText = "";
        double bestWorth = 0;
        for (Page.Strictness level : Page.Strictness.values()) {
            page.startAttempt(level, copy);
            for (Step step : contentSteps) {
                step.apply(page);
            }
            // relaxed attempts keep more text, but text that is mostly links is navigation
            double worth = page.text().length() * (1 - page.linkDensity());
            // mostly links is navigation, unless nothing else is left: a list page's content is its links
            boolean navigation = level != Page.Strictness.FULL && page.linkDensity() > MAX_RETRY_LINKS
                    && bestText.length() >= MIN_FALLBACK;
            if (worth > bestWorth && !navigation || level == Page.Strictness.FULL) {
                bestWorth = worth;
                bestText = page.text();
                bestHtml = page.html();
            }
            if (bestText.length() >= MIN_TEXT || !copy) {
                break;
            }
        }
        page.body(bestHtml, bestText);
        for (Step step : finishingSteps) {
            step.apply(page);
        }
        return toArticle(page);
    }

    private static Article toArticle(Page page) {
        Metadata m = page.metadata();
        String text = page.text();
        return new Article(page.url(), absolute(page.url(), m.canonicalUrl()), m.title(), m.byline(), m.authors(),
                m.published(), m.modified(), m.siteName(), m.language(), m.description(),
                absolute(page.url(), m.leadImage()), m.tags(), absolute(page.url(), m.sourceUrl()),
                "text/html", page.confidence(), wordCount(text), text, page.html(), m.direction(), m.provenance(),
                List.of());
    }

    /** {@code ref} resolved against the page's URL; null unless the result is an http(s) URL. */
    static String absolute(String base, String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        try {
            URI resolved = base == null ? new URI(ref.strip()) : new URI(base).resolve(ref.strip().replace(" ", "%20"));
            String scheme = resolved.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    ? resolved.toString() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    static int wordCount(String text) {
        int words = 0;
        boolean in = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            boolean ws = Character.isWhitespace(text.charAt(i));
            if (!ws && !in) {
                words++;
            }
            in = !ws;
        }
        return words;
    }

    private static Article failed(String url) {
        return new Article(url, null, null, null, List.of(), null, null, null, null, null, null, List.of(), null,
                "text/html", 0.0, 0, "", "");
    }
}
