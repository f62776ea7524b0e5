package dev.arca.archive;

import dev.arca.browser.Browser;
import dev.arca.browser.BrowserCapture;
import dev.arca.browser.BrowserOptions;
import dev.arca.extract.Extraction;
import dev.arca.fetch.Capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * When a crawl captures a page in the browser as well as statically, and the one browser it does
 * that in. The static fetch always comes first: it decides robots.txt, politeness and retries as
 * before, says whether the URL is an HTML page at all, and in {@link Mode#AUTO} its extraction says
 * whether the page is built by JavaScript. The browser is then served that response rather than
 * fetch the page again, so the page is requested once and its record in the bundle is the static
 * response: the bytes received, redirects included, which are also what the browser rendered.
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
     * True when the browser must capture this page too: an HTML page, always, or when its extraction
     * ({@link #judge}) says it is built by JavaScript.
     */
    boolean wants(Capture staticCapture, Archiver.Judged judged) {
        if (browser == null || !staticCapture.isHtml()) {
            return false;
        }
        return mode == Mode.ALWAYS || judged != null && judged.extraction() instanceof Extraction e && e.needsBrowser();
    }

    /** True when a page the browser could not capture fails, rather than keeping its static capture. */
    boolean required() {
        return mode == Mode.ALWAYS;
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
