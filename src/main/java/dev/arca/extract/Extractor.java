package dev.arca.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Turns an HTML page into an {@link Article}: decodes the bytes once, parses them once with
 * jsoup, and runs a list of named {@link Step}s over the document.
 *
 * <p>Metadata steps read the document as parsed. Content steps (prune, score, select, clean,
 * tidy) work on a copy; when they keep too little text, they run again on a fresh copy with
 * one rule relaxed, as Readability does, and the longest result (discounted by its share of
 * link text) wins; a relaxed result that is mostly links is taken only over next to nothing. A page of several
 * megabytes that the extractor parsed itself is worked on in place, once, to bound memory. Finishing steps judge the
 * result. Instances are immutable and safe to share between threads; {@link #extract} returns a
 * failure with its cause rather than throw, while {@link #extraction} lets a failure through to
 * callers that report it. {@link #builder()} sets the options.
 */
public final class Extractor {

    /**
     * Whether to prefer leaving out boilerplate or keeping all of the story, when the strict
     * content rules keep little text.
     */
    public enum Bias {
        /** The strict rules' result only: never retried with a rule relaxed. */
        PRECISION,
        /** Retried relaxed until enough text is kept (see {@link Builder#minText}); the default. */
        BALANCED,
        /** Every relaxed attempt is made, and the one that keeps the most (link-discounted) text wins. */
        RECALL
    }

    /** Below this many characters a content attempt counts as failed and is retried, relaxed (by default). */
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
    private final int minText;
    private final Bias bias;
    private final boolean keepLinks;
    private final boolean keepTables;
    private final boolean keepComments;

    private Extractor(Builder options) {
        this.metadataSteps = List.of(new JsonLdStep(), new MetaTagStep(), new MicrodataStep(), new DocumentDataStep(),
                new TextDateStep(), new DateStep(), new SourceLinkStep(), new TitleStep(), new BylineStep(), new ScriptShell());
        this.contentSteps = List.of(new Prune(), new Score(), new Select(), new Clean(), new LeadLabels(), new Captions(),
                new Tidy());
        this.finishingSteps = List.of(new ArticleBodyStep(), new DirectionStep(), new LanguageStep(), new Confidence());
        this.minText = options.minText;
        this.bias = options.bias;
        this.keepLinks = options.keepLinks;
        this.keepTables = options.keepTables;
        this.keepComments = options.keepComments;
    }

    /** The standard extraction pipeline, with the default options. */
    public static Extractor create() {
        return builder().build();
    }

    /** Options for an extractor; each left unset keeps its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The options of an {@link Extractor}. */
    public static final class Builder {

        private int minText = MIN_TEXT;
        private Bias bias = Bias.BALANCED;
        private boolean keepLinks = true;
        private boolean keepTables = true;
        private boolean keepComments;

        private Builder() {
        }

        /** Below this many characters of text a content attempt is retried with a rule relaxed (default 500). */
        public Builder minText(int characters) {
            if (characters < 0) {
                throw new IllegalArgumentException("minText must not be negative: " + characters);
            }
            this.minText = characters;
            return this;
        }

        /** Precision or recall, when the strict rules keep little (default {@link Bias#BALANCED}). */
        public Builder bias(Bias bias) {
            this.bias = java.util.Objects.requireNonNull(bias, "bias");
            return this;
        }

        /** Whether the article's HTML keeps its links; without, their words stay as plain text (default true). */
        public Builder keepLinks(boolean keep) {
            this.keepLinks = keep;
            return this;
        }

        /** Whether the article keeps its tables, in its HTML and its text (default true). */
        public Builder keepTables(boolean keep) {
            this.keepTables = keep;
            return this;
        }

        /**
         * Whether the page's comment thread is read into the Article's {@code comments} (author,
         * date, text); the body never holds it either way (default false).
         */
        public Builder keepComments(boolean keep) {
            this.keepComments = keep;
            return this;
        }

        public Extractor build() {
            return new Extractor(this);
        }
    }

    /**
     * Decodes {@code body} (charset from BOM, then {@code contentType}, then {@code <meta>}, then
     * sniffing; see {@link HtmlCharset}) and extracts the article. {@code contentType} may be null
     * (HTML); the article's media type is its own ({@code application/xhtml+xml} stays so). A page
     * no step could cope with is an {@link ExtractionFailure} with the step's exception as cause.
     * An {@link OutOfMemoryError} is the JVM's, not the page's: it is thrown.
     */
    public ExtractionResult extract(byte[] body, String contentType, String url) {
        return extract(body, contentType, url, page -> { });
    }

    /**
     * Extracts like {@link #extract(byte[], String, String)}, and first lets {@code reader} read the
     * parsed page, so that a caller that needs the page for something else (the resources it loads)
     * parses it once. The reader must neither change the document nor keep it: extraction may then
     * work on it in place. It is not called for a page too large to parse; what it throws is the
     * extraction's failure.
     */
    public ExtractionResult extract(byte[] body, String contentType, String url, Consumer<Document> reader) {
        try {
            return extraction(body, contentType, url, reader);
        } catch (RuntimeException | StackOverflowError e) {
            return new ExtractionFailure(failed(url, mediaType(contentType)), e);
        }
    }

    /**
     * Extracts like {@link #extract(byte[], String, String)}, with what the steps found wrong with
     * the page, and throws whatever a step throws (a {@link StackOverflowError} or an
     * {@link OutOfMemoryError} included), for callers that report it rather than hide it.
     */
    public Extraction extraction(byte[] body, String contentType, String url) {
        return extraction(body, contentType, url, page -> { });
    }

    private Extraction extraction(byte[] body, String contentType, String url, Consumer<Document> reader) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > MAX_PARSE_BYTES) {
            return new Extraction(failed(url, mediaType(contentType)), List.of("the page is larger than " + (MAX_PARSE_BYTES >> 20)
                    + " MiB, more than arca extracts; it was archived as served"));
        }
        Document doc = parse(bytes, contentType, url);
        reader.accept(doc);
        // the document is ours: a large one is worked on in place, with no copy to retry on
        return run(doc, url, mediaType(contentType), bytes.length < LARGE_PAGE_BYTES);
    }

    /** Extracts the article from an already parsed HTML document (which it leaves unchanged). */
    public ExtractionResult extract(Document doc, String url) {
        try {
            return run(doc, url, "text/html", true);
        } catch (RuntimeException | StackOverflowError e) {
            return new ExtractionFailure(failed(url, "text/html"), e);
        }
    }

    /** The media type of {@code contentType} without its parameters; HTML when there is none. */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "text/html";
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.indexOf('/') < 0 ? "text/html" : type;
    }

    private static Document parse(byte[] bytes, String contentType, String url) {
        String html = HtmlCharset.decode(bytes, contentType);
        return Parser.htmlParser().parseInput(html, url == null ? "" : url);
    }

    private Extraction run(Document doc, String url, String mediaType, boolean copy) {
        Page page = new Page(doc, url);
        for (Step step : metadataSteps) {
            step.apply(page);
        }
        // read before the content steps, which may work on the document itself and prune the thread
        List<Comment> comments = keepComments ? CommentThread.of(doc) : List.of();
        String bestHtml = "";
        String bestText = "";
        List<Image> bestImages = List.of();
        double bestWorth = 0;
        for (Page.Strictness level : Page.Strictness.values()) {
            page.startAttempt(level, copy);
            for (Step step : contentSteps) {
                step.apply(page);
            }
            // relaxed attempts keep more text, but text that is mostly links is navigation
            Body attempt = keepTables ? new Body(page.html(), page.text(), page.images()) : withoutTables(page);
            double worth = attempt.text().length() * (1 - page.linkDensity());
            // mostly links is navigation, unless nothing else is left: a list page's content is its links
            boolean navigation = level != Page.Strictness.FULL && page.linkDensity() > MAX_RETRY_LINKS
                    && bestText.length() >= MIN_FALLBACK;
            if (worth > bestWorth && !navigation || level == Page.Strictness.FULL) {
                bestWorth = worth;
                bestText = attempt.text();
                bestHtml = attempt.html();
                bestImages = attempt.images();
            }
            if (bias == Bias.PRECISION || bias == Bias.BALANCED && bestText.length() >= minText || !copy) {
                break;
            }
        }
        if (!keepLinks) {
            Element body = Jsoup.parseBodyFragment(bestHtml).body();
            body.select("a").unwrap();
            bestHtml = body.html();
        }
        page.body(bestHtml, bestText);
        page.images(bestImages);
        for (Step step : finishingSteps) {
            step.apply(page);
        }
        return new Extraction(toArticle(page, mediaType, comments), page.warnings());
    }

    /** An attempt's HTML, its text and its pictures. */
    private record Body(String html, String text, List<Image> images) {
    }

    /** The attempt's HTML without its tables, and the text of what is left. */
    private static Body withoutTables(Page page) {
        Element body = Jsoup.parseBodyFragment(page.html()).body();
        body.select("table").remove();
        return new Body(body.html(), PlainText.of(body), Images.of(body));
    }

    /** The one place every page-derived string passes on its way out: no control character is stored. */
    private static Article toArticle(Page page, String mediaType, List<Comment> comments) {
        Metadata m = page.metadata();
        String text = ControlCharacters.text(page.text());
        return new Article(page.url(), absolute(page.url(), m.canonicalUrl()), line(m.title()), line(m.byline()),
                lines(m.authors()), line(m.published()), line(m.modified()), line(m.siteName()), line(m.language()),
                line(m.description()), absolute(page.url(), m.leadImage()), lines(m.tags()),
                absolute(page.url(), m.sourceUrl()), mediaType, page.confidence(), wordCount(text), text,
                ControlCharacters.html(page.html()), line(m.direction()), m.provenance(), comments, line(m.headline()),
                line(m.section()), absolute(page.url(), m.favicon()), page.images());
    }

    private static String line(String value) {
        return ControlCharacters.line(value);
    }

    private static List<String> lines(List<String> values) {
        return values == null ? null : values.stream().map(ControlCharacters::line).toList();
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

    private static Article failed(String url, String mediaType) {
        return Article.unextracted(url, mediaType);
    }
}
