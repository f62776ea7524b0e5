package dev.arca.archive;

import dev.arca.bundle.BundleSigner;
import dev.arca.bundle.BundleWriter;
import dev.arca.bundle.CaptureWarning;
import dev.arca.bundle.ContentHash;
import dev.arca.bundle.DerivedSteps;
import dev.arca.bundle.SourceRecord;
import dev.arca.extract.Article;
import dev.arca.extract.Extraction;
import dev.arca.extract.ExtractionFailure;
import dev.arca.extract.ExtractionResult;
import dev.arca.extract.Extractor;
import dev.arca.fetch.Capture;
import dev.arca.fetch.Recording;
import dev.arca.fetch.RequisiteFetcher;
import dev.arca.fetch.RequisiteLevel;
import dev.arca.fetch.RequisiteList;
import dev.arca.fetch.Requisites;
import dev.arca.render.MarkdownRenderer;
import dev.arca.store.Store;
import dev.arca.store.StoreEntry;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The pipeline for one capture: extract the article, render its Markdown, write the bundle into
 * the store. The only place where the stages meet. One per thread: the renderer keeps state.
 *
 * <p>Capture first: extraction, Markdown and the article's JSON are derived steps, run through
 * {@link DerivedSteps}, so that whatever they throw (a {@link StackOverflowError} included) the
 * exchange is stored, with a {@link CaptureWarning} saying which step failed and why. Writing the
 * bundle is not a derived step: a failure there fails the capture.
 */
public final class Archiver {

    /** The point just before the bundle is written, as {@link #faults} names it. */
    public static final String WRITE = "bundle";

    /**
     * A seam for tests (see the test tree's {@code ArchiverFaults}), no option of any command: called
     * with each derived step's name before it runs, and with {@link #WRITE} before the bundle is
     * written, so that a test can make one of them throw.
     */
    static volatile Consumer<String> faults = step -> { };

    private final Extractor extractor;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final BundleWriter bundles;
    private final Store store;
    private final RequisiteFetcher requisites;

    /**
     * @param extractor how articles are extracted
     * @param store     where bundles are written
     * @param software  the software named in each bundle's warcinfo and metadata, e.g. "arca/1.4.0"
     */
    public Archiver(Extractor extractor, Store store, String software) {
        this(extractor, store, software, null);
    }

    /** An archiver that signs each bundle with {@code signer}, or signs none when it is null. */
    public Archiver(Extractor extractor, Store store, String software, BundleSigner signer) {
        this(extractor, store, software, signer, null);
    }

    /**
     * An archiver that also fetches each fetched page's requisites with {@code requisites} (shared by
     * the archivers of a run, so that a resource many pages share is fetched once), or none when it is null.
     */
    public Archiver(Extractor extractor, Store store, String software, BundleSigner signer, RequisiteFetcher requisites) {
        this.extractor = extractor;
        this.store = store;
        this.bundles = new BundleWriter(software, signer);
        this.requisites = requisites;
    }

    /**
     * Extracts and stores {@code capture}; {@code warcinfo} adds fields to the WARC's warcinfo record.
     * When {@code previousHash} is the {@link ContentHash} of the new article, the story did not change
     * and nothing is stored; null means store in any case.
     */
    public Archived archive(Capture capture, Map<String, String> warcinfo, String previousHash) throws IOException {
        return archive(capture, Recording.NONE, null, warcinfo, previousHash);
    }

    /**
     * Extracts and stores a capture with what the browser recorded of it besides: the resources it
     * made of the page are written after the article, the limits it hit are warnings of the
     * {@link CaptureWarning#BROWSER} step. The responses the page loaded in the browser are the
     * capture's requisites already; what the page lists besides, which a browser without scripts
     * loads (a {@code <noscript>} stylesheet, say) and a replay may need, is fetched as for a static
     * capture. {@code judged}, when not null, is the capture's extraction made already (to decide on
     * the browser, see {@link #judge}), so that the page is neither extracted nor parsed twice.
     */
    Archived archive(Capture capture, Recording recording, Judged judged, Map<String, String> warcinfo,
                     String previousHash) throws IOException {
        return archive(capture, judged, recording.warnings(), previousHash, true, true, (out, id, complete, article, md, steps) ->
                bundles.write(out, id, complete, recording.resources(), article, md, steps, warcinfo));
    }

    /**
     * The same for a capture imported from another web archive: the bundle's WARC holds {@code records}
     * as they are in the source, {@code page} (the page response's WARC-Record-ID) first among them.
     */
    public Archived archiveCopied(Capture capture, List<SourceRecord> records, URI page,
                                  List<Map.Entry<String, String>> warcinfo, String previousHash) throws IOException {
        // the page's resources are those the source archive holds: nothing is fetched for it, and
        // whether it holds the article's images is left unsaid
        return archive(capture, null, List.of(), previousHash, false, false, (out, id, complete, article, md, steps) ->
                bundles.writeCopied(out, id, complete, records, page, article, md, steps, warcinfo));
    }

    /** How the bundle is written once the derived steps have run. */
    @FunctionalInterface
    private interface Bundle {
        void write(OutputStream out, String id, Capture capture, Article article, String markdown, DerivedSteps steps)
                throws IOException;
    }

    /**
     * A static capture's extraction, made before {@link #archive(Capture, Recording, Judged, Map, String)}
     * to decide whether the page needs the browser, with its page's own requisites (null when none
     * were listed) read from the same parse.
     */
    record Judged(ExtractionResult extraction, RequisiteList pageOwn) {
    }

    /** Extracts the static capture as {@code archive} would, for a caller that decides on it first. */
    Judged judge(Capture capture) {
        return judge(capture, requisitesWanted(capture, true));
    }

    /** The capture's extraction, and with {@code listRequisites} its page's own requisites read from the same parse. */
    private Judged judge(Capture capture, boolean listRequisites) {
        AtomicReference<RequisiteList> pageOwn = new AtomicReference<>();
        ExtractionResult extraction = extractionOf(capture, extractor,
                listRequisites ? page -> pageOwn.set(ownRequisites(page)) : page -> { });
        return new Judged(extraction, pageOwn.get());
    }

    /**
     * With {@code knowsResources}, the capture's requisites (fetched here, or loaded in the browser)
     * are all the bundle holds besides the page, so the article's images are told whether they were
     * captured. {@code judged}, when not null, is the extraction made already to decide on the browser;
     * else it is made here, as the {@link CaptureWarning#EXTRACT} step.
     */
    private Archived archive(Capture capture, Judged judged, List<String> browserWarnings, String previousHash,
                             boolean fetchRequisites, boolean knowsResources, Bundle bundle) throws IOException {
        Consumer<String> fault = faults;
        DerivedSteps steps = new DerivedSteps(fault);
        for (String warning : browserWarnings) {
            steps.warn(CaptureWarning.BROWSER, warning);
        }
        boolean withRequisites = requisitesWanted(capture, fetchRequisites);
        Judged made = extract(capture, judged, withRequisites, steps);
        Article extracted = made.extraction().article();
        if (previousHash != null && !steps.failed(CaptureWarning.EXTRACT) && previousHash.equals(ContentHash.of(extracted))) {
            return new Archived(null, extracted, List.of());
        }
        Capture complete = withRequisites ? withRequisites(capture, extracted, made.pageOwn(), steps) : capture;
        Article article = knowsResources ? CapturedImages.mark(extracted, complete.requisites()) : extracted;
        String md = steps.run(CaptureWarning.MARKDOWN, () -> markdown.render(article)).orElse(null);
        StoreEntry entry = store.save(capture.date(), (out, id) -> {
            fault.accept(WRITE);
            bundle.write(out, id, complete, article, md, steps);
        });
        return new Archived(entry, article, steps.warnings());
    }

    /**
     * The page's own requisites, read from the extractor's parse before it works on the document, so
     * that the page is parsed once (none at {@link RequisiteLevel#ARTICLE}); null when listing failed:
     * the requisites step then lists them from the page's bytes, and reports the failure as its own.
     */
    private RequisiteList ownRequisites(Document page) {
        RequisiteLevel level = requisites.limits().level();
        if (level == RequisiteLevel.ARTICLE) {
            return new RequisiteList(List.of(), 0);
        }
        try {
            return Requisites.ofPage(page, level, Integer.MAX_VALUE);
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /** Whether the capture gets its requisites: there is a fetcher for them, and the page is HTML that was fetched. */
    private boolean requisitesWanted(Capture capture, boolean fetchRequisites) {
        return fetchRequisites && requisites != null && requisites.limits().level() != RequisiteLevel.NONE && capture.isHtml()
                && !capture.exchanges().isEmpty();
    }

    /**
     * The capture with its page's requisites ({@code pageOwn} when they were listed from the
     * extractor's parse, else from the page's bytes, as for a page too large to extract); a limit
     * that left some out is a warning, and so is a failure to list or
     * fetch them, which leaves the page alone: capture first.
     */
    private Capture withRequisites(Capture capture, Article article, RequisiteList pageOwn, DerivedSteps steps) {
        RequisiteFetcher.Limits limits = requisites.limits();
        return steps.run(CaptureWarning.REQUISITES, () -> {
            String url = capture.url().toString();
            RequisiteList listed = pageOwn != null
                    ? Requisites.withArticle(pageOwn, article.html(), article.leadImage(), url, limits.count())
                    : Requisites.ofCapture(capture.body(), capture.contentType(), url, article.html(), article.leadImage(),
                            limits.level(), limits.count());
            // a browser capture holds what the page loaded already: only the rest is fetched
            Set<String> loaded = capture.requisites().stream().map(r -> r.requisite().url()).collect(Collectors.toSet());
            RequisiteList found = new RequisiteList(listed.requisites().stream().filter(r -> !loaded.contains(r.url())).toList(),
                    listed.omitted());
            RequisiteFetcher.Result result;
            try {
                result = requisites.fetch(capture.url(), Requisites.pageCharset(capture.body(), capture.contentType()), found);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw e;
            }
            for (String limit : result.limitsHit()) {
                steps.warn(CaptureWarning.REQUISITES, limit);
            }
            return capture.withRequisites(Stream.concat(capture.requisites().stream(), result.fetched().stream()).toList());
        }).orElse(capture);
    }

    /**
     * The capture's extraction ({@code judged}, or {@link #judge} run now), with what extraction found
     * wrong told to {@code steps}; an unextracted article, and no requisites listed, when extraction
     * failed, whether it returned its failure or threw (an {@link OutOfMemoryError}).
     */
    private Judged extract(Capture capture, Judged judged, boolean listRequisites, DerivedSteps steps) {
        Judged made = steps.run(CaptureWarning.EXTRACT, () -> judged != null ? judged : judge(capture, listRequisites))
                .orElseGet(() -> new Judged(new Extraction(Article.unextracted(capture.url().toString(), capture.mediaType()),
                        List.of()), null));
        ExtractionResult result = made.extraction();
        if (result instanceof ExtractionFailure failure) {
            steps.fail(CaptureWarning.EXTRACT, failure.cause());
        } else if (result instanceof Extraction extraction) {
            for (String warning : extraction.warnings()) {
                steps.warn(CaptureWarning.EXTRACT, warning);
            }
        }
        return made;
    }

    /** The article of any capture: extracted from HTML, or metadata only for other media. */
    public static ExtractionResult extractionOf(Capture capture, Extractor extractor) {
        return extractionOf(capture, extractor, page -> { });
    }

    /** The same, letting {@code reader} read the parsed page first (see {@link Extractor#extract(byte[], String, String, Consumer)}). */
    private static ExtractionResult extractionOf(Capture capture, Extractor extractor, Consumer<Document> reader) {
        String url = capture.url().toString();
        if (capture.isHtml()) {
            return extractor.extract(capture.body(), capture.contentType(), url, reader);
        }
        return new Extraction(Article.ofNonHtml(url, capture.mediaType(), lastSegment(capture.url())), List.of());
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
     * @param entry    the new bundle, or null when the article was unchanged and nothing was stored
     * @param article  the article as extracted now
     * @param warnings what the derived steps could not do, as stored in the bundle
     */
    public record Archived(StoreEntry entry, Article article, List<CaptureWarning> warnings) {

        /** False when the article was unchanged and nothing was stored. */
        public boolean stored() {
            return entry != null;
        }
    }
}
