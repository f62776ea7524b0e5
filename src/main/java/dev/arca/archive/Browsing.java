package dev.arca.archive;

import dev.arca.browser.Browser;
import dev.arca.browser.BrowserCapture;
import dev.arca.browser.BrowserOptions;
import dev.arca.extract.Extraction;
import dev.arca.fetch.Capture;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * When a crawl captures a page in the browser, and the one browser it does that in.
 *
 * <p>In {@link Mode#ALWAYS} the browser fetches every page itself, in the page's turn of the polite
 * fetch: robots.txt, the host's schedule and retries apply as to a static fetch, and the page's
 * record is the response the browser received (a page that is no HTML, a PDF say, is stored as
 * received, unrendered). In {@link Mode#AUTO} the static fetch comes first, and its extraction says
 * whether the page is built by JavaScript; the browser is then served that response rather than
 * fetch the page again, so the page is requested once either way.
 *
 * <p>No browser starts until a page needs one: in {@link Mode#AUTO}, the default, a run of pages
 * that need none never starts Chromium, and their static extraction is the one the archiver keeps.
 */
public final class Browsing implements AutoCloseable {

    /** Whether pages go to the browser: never, when the static capture needs it, or always. */
    public enum Mode { NEVER, AUTO, ALWAYS }

    /** No browser at all. */
    public static final Browsing NONE = new Browsing(Mode.NEVER, null, null);

    private final Mode mode;
    private final Browser browser;
    private final BrowserOptions options;

    private Browsing(Mode mode, Browser browser, BrowserOptions options) {
        this.mode = mode;
        this.browser = browser;
        this.options = options;
    }

    /**
     * Browsing in {@code mode} with the Chromium at {@code chromium}, started when first needed;
     * without one (null), no page goes to the browser.
     *
     * @param tabs pages in the browser at once
     */
    public static Browsing of(Mode mode, Path chromium, int tabs, BrowserOptions options) {
        if (mode == Mode.NEVER || chromium == null) {
            return NONE;
        }
        return new Browsing(mode, new Browser(chromium, tabs), options);
    }

    /**
     * The static capture's extraction when it decides whether the browser is wanted (in {@link Mode#AUTO},
     * with a browser to go to, for HTML), else null. Null too when extraction threw: the archiver runs it
     * again as a derived step, which reports the failure and keeps the capture.
     */
    Archiver.Judged judge(Capture staticCapture, Archiver archiver) {
        if (browser == null || mode != Mode.AUTO || !staticCapture.isHtml()) {
            return null;
        }
        try {
            return archiver.judge(staticCapture);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return null;
        }
    }

    /**
     * True when the browser fetches every page itself ({@link Mode#ALWAYS}): with {@link #capture(URI)},
     * instead of the static fetch. A page it cannot capture then fails.
     */
    boolean fetchesPages() {
        return browser != null && mode == Mode.ALWAYS;
    }

    /**
     * True when the browser must capture a statically fetched page too: in {@link Mode#AUTO}, an HTML
     * page whose extraction ({@link #judge}) says it is built by JavaScript.
     */
    boolean wants(Capture staticCapture, Archiver.Judged judged) {
        return browser != null && mode == Mode.AUTO && staticCapture.isHtml()
                && judged != null && judged.extraction() instanceof Extraction e && e.needsBrowser();
    }

    /** The page at {@code url} as the browser fetched and rendered it (see {@link #fetchesPages}). */
    BrowserCapture capture(URI url) throws IOException, InterruptedException {
        return browser.capture(url, options);
    }

    /** The page of {@code staticCapture} rendered in the browser, which is served the static response. */
    BrowserCapture capture(Capture staticCapture) throws IOException, InterruptedException {
        return browser.capture(staticCapture, options);
    }

    /** The process IDs of the browser and its children, for measuring them; empty when none runs. */
    public List<Long> pids() {
        return browser == null ? List.of() : browser.pids();
    }

    @Override
    public void close() {
        if (browser != null) {
            browser.close();
        }
    }
}
