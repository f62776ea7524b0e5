package dev.arca.browser;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.fetch.Capture;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * One headless Chromium for a whole batch, with a few tabs at once: each capture opens a tab of
 * its own and closes it after. Never two tabs on one host at once, so that the browser is no less
 * polite than the static fetch. When the browser dies (a crashed or hung page can take it down), the
 * capture in flight fails and the next one starts a new browser.
 */
public final class Browser implements AutoCloseable {

    /** Generous: on a loaded machine a renderer that is starting answers its first commands late. */
    private static final Duration COMMAND = Duration.ofSeconds(30);

    private final Path executable;
    private final Semaphore tabs;
    private final Set<String> busyHosts = new HashSet<>();
    private Chromium chromium;
    private boolean closed;

    /** A browser that runs {@code executable} when first needed, with at most {@code tabs} pages at once. */
    public Browser(Path executable, int tabs) {
        this.executable = executable;
        this.tabs = new Semaphore(Math.max(1, tabs), true);
    }

    /** Captures {@code url} in a new tab; waits while another tab is on its host, or every tab is busy. */
    public BrowserCapture capture(URI url, BrowserOptions options) throws IOException, InterruptedException {
        return capture(url, null, options);
    }

    /**
     * Captures the page of {@code page}, a static capture, in a new tab: the browser is served the
     * page's document from it, and fetches only what the page loads (see {@link PageRecorder}).
     */
    public BrowserCapture capture(Capture page, BrowserOptions options) throws IOException, InterruptedException {
        return capture(page.url(), page, options);
    }

    private BrowserCapture capture(URI url, Capture served, BrowserOptions options) throws IOException, InterruptedException {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        tabs.acquire();
        try {
            takeHost(host);
            try {
                return captureInTab(url, served, options);
            } finally {
                releaseHost(host);
            }
        } finally {
            tabs.release();
        }
    }

    private BrowserCapture captureInTab(URI url, Capture served, BrowserOptions options) throws IOException, InterruptedException {
        Chromium browser = running();
        DevTools devTools = browser.devTools();
        String target = null;
        String session = null;
        boolean hung = false;
        try {
            target = devTools.call(null, "Target.createTarget", params().put("url", "about:blank"), COMMAND)
                    .path("targetId").asText();
            session = devTools.call(null, "Target.attachToTarget", params().put("targetId", target).put("flatten", true),
                    COMMAND).path("sessionId").asText();
            return new PageRecorder(devTools, session, options, served).capture(url);
        } catch (DevToolsException e) {
            hung = true;
            throw new IOException(e.getMessage(), e);
        } finally {
            if (session != null) {
                devTools.forget(session);
            }
            if (target != null && !closeTab(devTools, target) || hung && !browser.isAlive()) {
                restart(browser); // a tab that will not close, or a browser gone: the next capture gets a new one
            }
        }
    }

    private static boolean closeTab(DevTools devTools, String target) throws InterruptedException {
        try {
            devTools.call(null, "Target.closeTarget", params().put("targetId", target), COMMAND);
            return true;
        } catch (DevToolsException e) {
            return false;
        }
    }

    private synchronized Chromium running() throws IOException, InterruptedException {
        if (closed) {
            throw new IOException("the browser was closed");
        }
        if (chromium == null || !chromium.isAlive()) {
            if (chromium != null) {
                chromium.close();
            }
            chromium = Chromium.launch(executable);
        }
        return chromium;
    }

    private synchronized void restart(Chromium dead) {
        if (chromium == dead) {
            chromium.close();
            chromium = null;
        }
    }

    private synchronized void takeHost(String host) throws InterruptedException {
        while (!busyHosts.add(host)) {
            wait();
        }
    }

    private synchronized void releaseHost(String host) {
        busyHosts.remove(host);
        notifyAll();
    }

    /** The process IDs of the running browser and its children; empty when none runs. */
    public synchronized List<Long> pids() {
        return chromium == null ? List.of() : chromium.pids();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    private static ObjectNode params() {
        return DevTools.JSON.createObjectNode();
    }
}
