package dev.arca.cli;

import dev.arca.archive.Archiver;
import dev.arca.archive.Browsing;
import dev.arca.archive.Crawl;
import dev.arca.browser.BrowserOptions;
import dev.arca.browser.Chromium;
import dev.arca.archive.LinkSources;
import dev.arca.archive.StoredPage;
import dev.arca.archive.StoredPages;
import dev.arca.bundle.BundleSigner;
import dev.arca.extract.Extractor;
import dev.arca.index.StoreIndex;
import dev.arca.fetch.FetchOptions;
import dev.arca.fetch.PoliteFetcher;
import dev.arca.fetch.RequisiteFetcher;
import dev.arca.fetch.RequisiteLevel;
import dev.arca.fetch.WebUrl;
import dev.arca.store.Store;
import dev.arca.store.StoreLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code arca fetch}: archive URLs, lists, feeds and sitemaps, each page as one bundle in the store. */
@Command(name = "fetch",
        description = {"Fetch each URL, extract the article, and store the capture as a WACZ bundle.",
                "URLs come from the arguments, from lists (-i), from RSS, Atom or JSON feeds (--feed) and from sitemaps "
                        + "(--sitemap). A saved page can be archived too: give its path and, with --url, the address it came from.",
                "Prints one line per input on stdout: ID, title and URL separated by tabs, and the status "
                        + "when it is not 'archived'. With --json, one object per input.",
                "URLs already in the store are skipped (see --refetch). Politeness is on by default: one request "
                        + "at a time per host, --delay between two, robots.txt obeyed, transient failures retried.",
                "After each page, what a browser needs to display it is fetched too (--requisites): stylesheets with "
                        + "their imports, fonts and images, the images shown at 1280 pixels wide (landscape and portrait), posters and the favicon, each "
                        + "stored as a request and response in the page's bundle. They are sent the page as Referer and the "
                        + "page's User-Agent, at most 6 at once per host; robots.txt is not read for them, as a browser does not. "
                        + "Within one run a resource shared by many pages is fetched once, and every bundle holds its copy.",
                "Capture first: a page that was received is archived even when extracting it, rendering its Markdown "
                        + "or writing its article fails, when its requisites pass a limit, or when it is built by JavaScript "
                        + "and no browser could render it; one warning line on stderr (even with --quiet) and the 'warnings' "
                        + "of --json say which step and why.",
                "A page built by JavaScript is rendered in headless Chromium (--browser auto, the default), which is served "
                        + "the page as fetched, so the page is requested once; other pages never start the browser."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit status%n",
        exitCodeList = {
                "0:Every input was archived, unchanged or skipped.",
                "1:At least one input failed or was blocked, or a sitemap stopped at a limit; the others were done. "
                        + "Also when --browser always finds no Chromium: then nothing is fetched.",
                "2:Usage error.",
                "3:The store is locked by another run and --no-wait was given."},
        footerHeading = "%nExamples%n",
        footer = {
                "  arca fetch https://example.com/news/story",
                "  arca fetch --json https://example.com/a https://example.com/b",
                "  arca fetch -i reading-list.txt --jobs 8",
                "  arca fetch --feed https://example.com/feed.xml --quiet",
                "  arca fetch --sitemap https://example.com/sitemap.xml --since 2024-03-01",
                "  arca fetch saved-page.html --url https://example.com/news/story",
                "  arca fetch --sign --tsa https://freetsa.org/tsr https://example.com/news/story"})
final class FetchCommand implements Callable<Integer> {

    /** Starts like a URL ("https:", "file:"), as opposed to a path. */
    @ParentCommand
    private ArcaCommand arca;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "URL", arity = "0..*",
            description = "http(s) URLs to archive, or paths of saved pages.")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-i", "--input-file"}, paramLabel = "FILE",
            description = "Archive the URLs listed in FILE, one per line; - reads stdin. Blank lines and # comments are skipped; "
                    + "a line longer than 64 KiB is one failed input (FILE:LINE).")
    List<String> lists = new ArrayList<>();

    @Option(names = "--feed", paramLabel = "URL|FILE",
            description = "Archive every item of this RSS, Atom or JSON feed, given as a URL or a file; a web page's URL "
                    + "reads the main feed the page links to. Repeatable.")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--sitemap", paramLabel = "URL",
            description = "Archive every page of this sitemap or sitemap index. Repeatable.")
    List<String> sitemaps = new ArrayList<>();

    @Option(names = "--max-sitemaps", paramLabel = "N", converter = Ranges.Sitemaps.class, defaultValue = "1000",
            description = "With --sitemap: read at most N sitemaps in this run, indexes included; " + Ranges.SITEMAPS
                    + " (default: ${DEFAULT-VALUE}).")
    int maxSitemaps;

    @Option(names = "--max-sitemap-urls", paramLabel = "N", converter = Ranges.SitemapUrls.class, defaultValue = "100000",
            description = "With --sitemap: take at most N page URLs from sitemaps in this run; " + Ranges.SITEMAP_URLS
                    + " (default: ${DEFAULT-VALUE}).")
    int maxSitemapUrls;

    @Option(names = "--since", paramLabel = "DATE",
            description = "With --sitemap: only pages whose lastmod is on or after DATE (pages without one are kept).")
    String since;

    @Option(names = "--url", paramLabel = "URL",
            description = "The original URL of a saved page given as a file.")
    String originalUrl;

    @Option(names = "--refetch",
            description = "Fetch URLs already in the store again; keep a new snapshot only if the article changed.")
    boolean refetch;

    @Option(names = "--jobs", paramLabel = "N", converter = Ranges.Jobs.class, defaultValue = "4",
            description = "Fetch up to N URLs at once, from different hosts; " + Ranges.JOBS + " (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--delay", paramLabel = "SECONDS", converter = Ranges.Delay.class, defaultValue = "1.0",
            description = "Wait this long between two requests to the same host; " + Ranges.DELAY
                    + " (default: ${DEFAULT-VALUE} s).")
    Duration delay;

    @Option(names = "--retries", paramLabel = "N", converter = Ranges.Retries.class, defaultValue = "3",
            description = "Retry connection errors, timeouts, 408, 429 and 5xx up to N times, backing off; "
                    + Ranges.RETRIES + " (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--comments", description = "Keep the page's comment thread in the article's comments field "
            + "(author, date, text); the body never holds it.")
    boolean comments;

    @Option(names = "--ignore-robots", description = "Fetch pages even when robots.txt disallows them for arca.")
    boolean ignoreRobots;

    /** How much of what a page refers to is kept, as the option spells it. */
    enum Requisites { none, article, page, all }

    @Option(names = "--requisites", paramLabel = "LEVEL", defaultValue = "page",
            description = "What of a page's resources to fetch and keep: none; article (the article's images and lead "
                    + "image); page (what a browser shows without scripts); all (also scripts, every srcset candidate, "
                    + "audio and video). Default: ${DEFAULT-VALUE}.")
    Requisites requisites;

    @Option(names = "--requisites-max", paramLabel = "N", converter = Ranges.Requisites.class, defaultValue = "200",
            description = "Fetch at most N requisites for one page, stylesheets' own included; " + Ranges.REQUISITES
                    + " (default: ${DEFAULT-VALUE}). More are left out with a warning.")
    int requisitesMax;

    @Option(names = "--requisites-total", paramLabel = "SIZE", converter = Ranges.MaxSize.class, defaultValue = "50MiB",
            description = "Keep at most SIZE of one page's requisites together (each is also held to --max-size); "
                    + Ranges.MAX_SIZE + " (default: 50MiB). Those past it are left out with a warning.")
    long requisitesTotal;

    @Option(names = "--requisites-time", paramLabel = "SECONDS", converter = Ranges.Timeout.class, defaultValue = "60",
            description = "Spend at most this long fetching one page's requisites; " + Ranges.TIMEOUT
                    + " (default: ${DEFAULT-VALUE} s). Those not fetched by then are left out with a warning.")
    Duration requisitesTime;

    @Option(names = "--no-wait", description = "If another run holds the store, exit with status 3 instead of waiting.")
    boolean noWait;

    @Option(names = "--json", description = "Print one JSON object per input instead of id, title and URL.")
    boolean json;

    @Option(names = "--sign", description = "Sign each new bundle with the local key (see 'arca key create'); "
            + "'sign=true' in the config file makes it the default.")
    boolean sign;

    /** When pages go to the browser. */
    enum BrowserUse { never, auto, always }

    @Option(names = "--browser", paramLabel = "WHEN", defaultValue = "auto",
            description = "Capture pages in headless Chromium too: never, auto (pages built by JavaScript, which the static "
                    + "capture warns about) or always (default: ${DEFAULT-VALUE}). With auto the browser is served the page as "
                    + "fetched; with always it fetches the page itself (robots.txt, --delay and --retries apply). It keeps every other response the page loaded, its rendered DOM and a screenshot; extraction reads "
                    + "the rendered DOM. It needs Debian's chromium (apt-get install chromium); with auto, a page is "
                    + "archived as served, with its warning, without it.")
    BrowserUse browser;

    @Option(names = "--screenshot", description = "With --browser: keep a screenshot of the whole page too, besides the viewport's.")
    boolean screenshot;

    @Option(names = "--pdf", description = "With --browser: keep the page printed as PDF too.")
    boolean pdf;

    @Option(names = "--max-requests", paramLabel = "N", converter = Ranges.Requisites.class, defaultValue = "500",
            description = "With --browser: record at most N responses of one page; " + Ranges.REQUISITES
                    + " (default: ${DEFAULT-VALUE}). --timeout bounds the page's time and --max-size all its responses together.")
    int maxRequests;

    @Mixin
    HttpOptions http;

    @Mixin
    SigningOptions signing;

    @Override
    public Integer call() throws IOException, InterruptedException {
        FetchOptions options = Usage.check(spec, http::toFetchOptions);
        Crawl.Settings settings = settings();
        BundleSigner signer = sign ? signing.signer(spec, arca.console()) : null; // a key that is not there stops the run before it starts
        Instant sitemapSince = sitemapSince();
        checkListsExist();
        Path chromium = Chromium.find(arca.console().env()).orElse(null);
        if (browser == BrowserUse.always && chromium == null) {
            arca.error("--browser always needs Chromium, and there is none; " + Chromium.INSTALL_HINT);
            return ExitCodes.FAILED;
        }
        Store store = arca.store();
        try (StoreLock lock = arca.lockStore(noWait)) {
            if (lock == null) {
                return ExitCodes.LOCKED;
            }
            store.removeStaleTemporaries(); // with the lock held: what no live writer holds is a crash's leftover
            BatchReport report = fetchAll(settings, signer, options, store, sitemapSince, chromium);
            report.checkOutput();
            if (isBatch() && (!arca.quiet() || !report.allOk())) {
                arca.console().err().println(report.summary());
            }
            return report.allOk() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private BatchReport fetchAll(Crawl.Settings settings, BundleSigner signer, FetchOptions options, Store store,
                                 Instant sitemapSince, Path chromium)
            throws IOException, InterruptedException {
        Progress progress = isBatch() && arca.console().stderrIsTerminal() && !arca.quiet()
                ? new TerminalProgress(arca.console().err()) : Progress.NONE;
        BatchReport report = new BatchReport(arca, json, progress);
        try (progress; RequisiteFetcher resources = new RequisiteFetcher(options, new RequisiteFetcher.Limits(
                RequisiteLevel.of(requisites.name()), requisitesTotal, requisitesMax, requisitesTime))) {
            Extractor extractor = Extractor.builder().keepComments(comments).build();
            try (Browsing browsing = Browsing.of(Browsing.Mode.valueOf(browser.name().toUpperCase(java.util.Locale.ROOT)),
                    chromium, Math.min(jobs, BROWSER_TABS), browserOptions(options))) {
                Crawl fetch = new Crawl(settings, options, browsing, storedPages(arca.storeIndex()),
                        () -> new Archiver(extractor, store, Version.software(), signer, resources), report,
                        ErrorHandler::describe);
                try {
                    feed(fetch, options, sitemapSince);
                } finally {
                    fetch.finish(); // what was queued before a list broke off is still done
                }
            }
        }
        return report;
    }

    /** A few pages in the browser at once: each tab is a renderer process of a few hundred MB. */
    private static final int BROWSER_TABS = 4;

    private BrowserOptions browserOptions(FetchOptions options) {
        return new BrowserOptions(options.userAgent(), options.timeout(), options.maxSize(), maxRequests, screenshot, pdf,
                options.headers(), options.cookies());
    }

    /** The crawl (and an import) asks the index whether a page is stored already: the newest of its captures. */
    static StoredPages storedPages(StoreIndex index) {
        return (normalizedUrl, unreadable) -> index.snapshots(normalizedUrl, unreadable).stream().findFirst()
                .map(capture -> new StoredPage(capture.entry(), capture.article().title()));
    }

    private Crawl.Settings settings() {
        if (inputs.isEmpty() && lists.isEmpty() && feeds.isEmpty() && sitemaps.isEmpty()) {
            throw Usage.error(spec, "nothing to fetch: give URLs, -i FILE, --feed URL or --sitemap URL");
        }
        if (originalUrl != null && (inputs.size() != 1 || isBatch())) {
            throw Usage.error(spec, "--url goes with exactly one saved page");
        }
        if (since != null && sitemaps.isEmpty()) {
            throw Usage.error(spec, "--since goes with --sitemap");
        }
        return new Crawl.Settings(jobs, new PoliteFetcher.Politeness(delay, retries, !ignoreRobots), refetch);
    }

    private Instant sitemapSince() {
        return since == null ? null : Usage.check(spec, () -> DateRange.of(since, null)).from();
    }

    /** A list that is not there is an error before anything is fetched, not halfway through. */
    private void checkListsExist() throws NoSuchFileException {
        for (String list : lists) {
            if (!list.equals("-") && !Files.isRegularFile(Path.of(list))) {
                throw new NoSuchFileException(list);
            }
        }
    }

    /** More than one input, or inputs that are read as the run goes: worth a progress bar and a summary. */
    private boolean isBatch() {
        return inputs.size() > 1 || !lists.isEmpty() || !feeds.isEmpty() || !sitemaps.isEmpty();
    }

    /** Feeds the inputs to the batch in the order given: URLs, lists, feeds, sitemaps. */
    private void feed(Crawl fetch, FetchOptions options, Instant sitemapSince) throws IOException, InterruptedException {
        for (String input : inputs) {
            boolean exists = Files.exists(Path.of(input));
            if (!exists && input.regionMatches(true, 0, "file:", 0, 5)) {
                fetch.fail(input, "file: URLs are not fetched; give the path of the saved page instead", null);
            } else if (!exists && WebUrl.hasScheme(input)) {
                fetch.add(input);
            } else if (!exists) {
                fetch.fail(input, "not a URL and no such file: " + input + " (URLs start with http:// or https://)", null);
            } else {
                URI url = originalUrl == null ? null : WebUrl.parse(originalUrl);
                fetch.addFile(input, Path.of(input), url, options.maxSize());
            }
        }
        for (String list : lists) {
            try (UrlListReader lines = UrlListReader.open(list, arca.console().in())) {
                for (UrlListReader.Line line = lines.read(); line != null; line = lines.read()) {
                    if (line.problem() == null) {
                        fetch.add(line.url());
                    } else {
                        fetch.fail(line.where(), line.problem(), null);
                    }
                }
            }
        }
        LinkSources links = new LinkSources(fetch, sitemapSince,
                new LinkSources.Limits(options.maxSize(), maxSitemaps, maxSitemapUrls));
        for (String feed : feeds) {
            links.feed(feed);
        }
        for (String sitemap : sitemaps) {
            links.sitemap(sitemap);
        }
    }
}
