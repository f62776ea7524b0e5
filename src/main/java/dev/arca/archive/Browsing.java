package dev.arca.archive;

import dev.arca.browser.Browser;
import dev.arca.browser.BrowserCapture;
import dev.arca.browser.BrowserOptions;
import dev.arca.extract.Extraction;
import dev.arca.extract.Extractor;
import dev.arca.fetch.Capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * When a crawl captures a page in the browser as well as statically, and the one browser it does
 * that in. The static fetch always comes first: it decides robots.txt and politeness as before, and
 * in {@link Mode#AUTO} its extraction says whether the page is built by JavaScript.
 */
public final class Browsing implements AutoCloseable {

    /** Whether pages go to the browser: never, when the static capture needs it, or always. */
    public enum Mode { NEVER, AUTO, ALWAYS }

    /** No browser at all. */
    public static final Browsing NONE = new Browsing(Mode.NEVER, null, null, null);

    private final Mode mode;
    private final Browser browser;
    private final BrowserOptions options;
    private final Extractor extractor;

    private Browsing(Mode mode, Browser browser, BrowserOptions options, Extractor extractor) {
        this.mode = mode;
        this.browser = browser;
        this.options = options;
        this.extractor = extractor;
    }

    /**
     * Browsing in {@code mode} with the Chromium at {@code chromium}, started when first needed;
     * without one (null), no page goes to the browser.
     *
     * @param tabs pages in the browser at once
     */
    public static Browsing of(Mode mode, Path chromium, int tabs, BrowserOptions options, Extractor extractor) {
        if (mode == Mode.NEVER || chromium == null) {
            return NONE;
        }
        return new Browsing(mode, new Browser(chromium, tabs), options, extractor);
    }

    /** True when the browser must capture this page too: an HTML page, always or when it is built by JavaScript. */
    boolean wants(Capture staticCapture) {
        if (browser == null || !staticCapture.isHtml()) {
            return false;
        }
        return mode == Mode.ALWAYS
                || Archiver.extractionOf(staticCapture, extractor) instanceof Extraction e && e.needsBrowser();
    }

    /** True when a page the browser could not capture fails, rather than keeping its static capture. */
    boolean required() {
        return mode == Mode.ALWAYS;
    }

    /** The page of {@code staticCapture}, loaded again from its requested URL in the browser. */
    BrowserCapture capture(Capture staticCapture) throws IOException, InterruptedException {
        return browser.capture(staticCapture.requested(), options);
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
