package dev.arca.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arca.fetch.Capture;
import dev.arca.fetch.Cookie;
import dev.arca.fetch.Exchange;
import dev.arca.fetch.FetchException;
import dev.arca.fetch.FetchedRequisite;
import dev.arca.fetch.Header;
import dev.arca.fetch.MediaTypes;
import dev.arca.fetch.Recording;
import dev.arca.fetch.Requisite;
import dev.arca.fetch.Resource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Captures one page in a tab of its own, as browsertrix-crawler records one: every response the
 * page loads (its body from {@code Network.getResponseBody}, a redirect from the
 * {@code redirectResponse} of the next request), then the rendered DOM and a viewport screenshot.
 * It waits for the load event and for the network to go quiet, scrolls down the page in bounded
 * steps so that lazy content loads, and waits for quiet again; all within the page time.
 *
 * <p>The browser hands bodies over decoded, so a recorded exchange has no {@code Content-Encoding}:
 * it is dropped, and the WARC's {@code Content-Length} is the decoded body's.
 *
 * <p>Given the page's static capture, the recorder serves the browser its document from it
 * ({@code Fetch.fulfillRequest}) instead of letting it fetch the page again: the server sees the
 * page requested once, and the capture's page record is the static response, the very bytes the
 * browser rendered, with its redirects as they were received.
 *
 * <p>Without one, the browser fetches the page itself, and the recorder looks at the page's own
 * response before the browser does anything with it ({@code Fetch} at the response stage), so that
 * it fails as the static fetch would: a status other than 2xx is a {@link FetchException} of that
 * status (which a crawl retries when it is transient), and so is a network error. A response that
 * is no HTML (a PDF, an image) is not rendered: its body is taken as received and becomes the
 * capture, as a static fetch of it would.
 */
final class PageRecorder {

    /** browsertrix-crawler's targets for its screenshots: {@code urn:view:URL} and {@code urn:fullPage:URL}. */
    static final String VIEW = "urn:view:";
    static final String FULL_PAGE = "urn:fullPage:";
    static final String PDF = "urn:pdf:";
    /** The rendered DOM, after scripts ran and the page was scrolled through. */
    static final String DOM = "urn:dom:";
    /** Where a requisite the browser loaded was found: the page asked for it, in whatever way. */
    static final String LOADED_BY = "loaded in the browser";

    static final int WIDTH = 1280;
    static final int HEIGHT = 800;
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final int SCROLL_STEPS = 20;
    private static final Duration SCROLL_PAUSE = Duration.ofMillis(200);
    private static final int MAX_FULL_PAGE_HEIGHT = 16_384;
    /** Generous: on a loaded machine a renderer that is starting answers its first commands late. */
    private static final Duration COMMAND = Duration.ofSeconds(30);

    /** A request on its way: one hop, until its response arrives and its body is read. */
    private static final class Pending {
        final URI url;
        final Instant date;
        final Requisite.Kind kind;
        List<Header> requestHeaders;
        JsonNode response;
        int order;

        Pending(URI url, Instant date, Requisite.Kind kind, List<Header> requestHeaders) {
            this.url = url;
            this.date = date;
            this.kind = kind;
            this.requestHeaders = requestHeaders;
        }
    }

    private record Finished(Pending hop, CompletableFuture<JsonNode> body, String requestId) {
    }

    private final DevTools devTools;
    private final String session;
    private final BrowserOptions options;
    /** The page as fetched statically, whose document the browser is served; null when it fetches the page itself. */
    private final Capture served;
    /** Set on the receiving thread once the page's document request was answered from {@link #served}. */
    private final AtomicBoolean documentServed = new AtomicBoolean();
    /** The network ID of the page's own document request, set on the receiving thread at its first response. */
    private final AtomicReference<String> document = new AtomicReference<>();
    /**
     * The page's own response when the browser is not to render it: completed with its exchange (no
     * HTML) or its failure (a status other than 2xx), on the receiving thread; see {@link #inspect}.
     */
    private final CompletableFuture<Exchange> withheld = new CompletableFuture<>();
    private volatile boolean withholding;
    private final BlockingQueue<DevTools.Event> events = new LinkedBlockingQueue<>();
    private final Map<String, Pending> pending = new HashMap<>();
    /** The hops recorded of each request, redirects first, by request ID. */
    private final Map<String, List<Exchange>> chains = new HashMap<>();
    private final List<Finished> finished = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private String mainRequest;
    private int requests;
    private long bytes;
    private boolean loaded;
    private long lastActivity = System.nanoTime();

    /** A recorder that serves the browser {@code served}'s document, or lets it fetch the page when that is null. */
    PageRecorder(DevTools devTools, String session, BrowserOptions options, Capture served) {
        this.devTools = devTools;
        this.session = session;
        this.options = options;
        this.served = served;
        devTools.listen(session, event -> {
            if (event.method().equals("Fetch.requestPaused")) {
                answer(event.params()); // at once, on the receiving thread: Page.navigate waits for it
            } else {
                events.add(event);
            }
        });
    }

    /** Loads {@code url} (the served capture's final URL when there is one) and records it, within the page time. */
    BrowserCapture capture(URI requested) throws DevToolsException, FetchException, InterruptedException {
        URI url = served == null ? requested : served.url();
        long deadline = System.nanoTime() + options.pageTime().toNanos();
        prepare();
        Instant started = Instant.now();
        JsonNode navigation = call("Page.navigate", params().put("url", url.toString()));
        if (withholding) {
            return unrendered(url, deadline);
        }
        if (navigation.hasNonNull("errorText") && !navigation.get("errorText").asText().isEmpty()) {
            throw networkError(navigation.get("errorText").asText());
        }
        mainRequest = navigation.path("loaderId").asText(null);
        waitUntil(deadline, true);
        scroll(deadline);
        waitUntil(deadline, false);
        String dom = call("Runtime.evaluate", params().put("returnByValue", true).put("expression",
                "(document.doctype ? new XMLSerializer().serializeToString(document.doctype) + '\\n' : '')"
                        + " + document.documentElement.outerHTML")).path("result").path("value").asText("");
        List<Resource> resources = new ArrayList<>();
        URI pageUrl = served == null ? finalUrl(url) : served.url();
        Instant now = Instant.now();
        byte[] domBytes = dom.getBytes(StandardCharsets.UTF_8);
        resources.add(new Resource(URI.create(DOM + pageUrl), now, "text/html", domBytes));
        resources.add(new Resource(URI.create(VIEW + pageUrl), now, "image/png", screenshot(false)));
        if (options.fullPage()) {
            resources.add(new Resource(URI.create(FULL_PAGE + pageUrl), now, "image/png", screenshot(true)));
        }
        if (options.pdf()) {
            resources.add(new Resource(URI.create(PDF + pageUrl), now, "application/pdf", base64(call("Page.printToPDF",
                    params().put("printBackground", true)).path("data").asText())));
        }
        List<FetchedRequisite> loaded = bodies(deadline);
        if (served != null) {
            return new BrowserCapture(new Capture(served.requested(), served.url(), served.date(), served.exchanges(),
                    served.mediaType(), "text/html; charset=utf-8", domBytes, loaded), new Recording(resources, warnings));
        }
        List<Exchange> mainChain = chains.getOrDefault(mainRequest, List.of());
        if (mainChain.isEmpty()) {
            throw new DevToolsException("the browser recorded no response for the page");
        }
        Exchange last = mainChain.get(mainChain.size() - 1);
        Capture capture = new Capture(url, pageUrl, mainChain.get(0).date(), mainChain,
                last.responseHeader("Content-Type").map(MediaTypes::of).orElse("text/html"),
                "text/html; charset=utf-8", domBytes, loaded);
        return new BrowserCapture(capture, new Recording(resources, warnings));
    }

    private void prepare() throws DevToolsException, InterruptedException {
        ObjectNode fetch = params();
        fetch.putArray("patterns").addObject().put("urlPattern", "*").put("resourceType", "Document")
                .put("requestStage", served != null ? "Request" : "Response");
        call("Fetch.enable", fetch);
        call("Page.enable", null);
        call("Inspector.enable", null);
        call("Network.enable", params().put("maxTotalBufferSize", Math.min(options.maxBytes(), Integer.MAX_VALUE))
                .put("maxResourceBufferSize", Math.min(options.maxBytes(), Integer.MAX_VALUE)));
        call("Network.setCacheDisabled", params().put("cacheDisabled", true));
        call("Network.setUserAgentOverride", params().put("userAgent", options.userAgent()));
        call("Emulation.setDeviceMetricsOverride", params().put("width", WIDTH).put("height", HEIGHT)
                .put("deviceScaleFactor", 1).put("mobile", false));
        if (!options.headers().isEmpty()) {
            ObjectNode headers = DevTools.JSON.createObjectNode();
            options.headers().forEach(h -> headers.put(h.name(), h.value()));
            ObjectNode p = params();
            p.set("headers", headers);
            call("Network.setExtraHTTPHeaders", p);
        }
        if (!options.cookies().isEmpty()) {
            ArrayNode cookies = DevTools.JSON.createArrayNode();
            for (Cookie c : options.cookies()) {
                ObjectNode cookie = cookies.addObject().put("name", c.name()).put("value", c.value())
                        .put("domain", (c.includeSubdomains() ? "." : "") + c.domain()).put("path", c.path())
                        .put("secure", c.secure()).put("httpOnly", c.httpOnly());
                if (c.expires() > 0) {
                    cookie.put("expires", c.expires());
                }
            }
            ObjectNode p = params();
            p.set("cookies", cookies);
            call("Network.setCookies", p);
        }
    }

    /** Handles events until the page has loaded (when asked) and the network was quiet for a while, or the deadline. */
    private void waitUntil(long deadline, boolean needLoad) throws DevToolsException, InterruptedException {
        while (true) {
            boolean quiet = pending.isEmpty() && System.nanoTime() - lastActivity >= QUIET.toNanos();
            if ((loaded || !needLoad) && quiet) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                if (!loaded) {
                    throw new DevToolsException("the page did not finish loading within " + options.pageTime().toSeconds() + " s");
                }
                warnings.add("the page's network was still busy after " + options.pageTime().toSeconds()
                        + " s; what had arrived was recorded");
                return;
            }
            handle(events.poll(Math.min(left, QUIET.toNanos() / 5), TimeUnit.NANOSECONDS));
        }
    }

    /** Scrolls down a viewport at a time, a bounded number of steps, so that lazy images and content load. */
    private void scroll(long deadline) throws DevToolsException, InterruptedException {
        for (int step = 0; step < SCROLL_STEPS && System.nanoTime() < deadline; step++) {
            boolean more = call("Runtime.evaluate", params().put("returnByValue", true).put("expression",
                    "window.scrollBy(0, window.innerHeight);"
                            + " window.scrollY + window.innerHeight < document.documentElement.scrollHeight"))
                    .path("result").path("value").asBoolean(false);
            long pause = System.nanoTime() + SCROLL_PAUSE.toNanos();
            while (System.nanoTime() < Math.min(pause, deadline)) {
                handle(events.poll(10, TimeUnit.MILLISECONDS));
            }
            if (!more) {
                break;
            }
        }
        call("Runtime.evaluate", params().put("expression", "window.scrollTo(0, 0)"));
    }

    private void handle(DevTools.Event event) throws DevToolsException {
        if (event == null) {
            return;
        }
        JsonNode p = event.params();
        switch (event.method()) {
            case "Page.loadEventFired" -> loaded = true;
            case "Inspector.targetCrashed" -> throw new DevToolsException("the page crashed the browser's renderer");
            case "Inspector.detached" -> throw new DevToolsException("the browser closed the page: " + p.path("reason").asText());
            case "Network.requestWillBeSent" -> requestWillBeSent(p);
            case "Network.requestWillBeSentExtraInfo" -> {
                Pending hop = pending.get(p.path("requestId").asText());
                if (hop != null && hop.response == null) {
                    hop.requestHeaders = headers(p.path("headers"));
                }
            }
            case "Network.responseReceived" -> {
                Pending hop = pending.get(p.path("requestId").asText());
                if (hop != null) {
                    hop.response = p.path("response");
                }
            }
            case "Network.loadingFinished" -> loadingFinished(p);
            case "Network.loadingFailed" -> pending.remove(p.path("requestId").asText());
            default -> {
                return;
            }
        }
        lastActivity = System.nanoTime();
    }

    private void requestWillBeSent(JsonNode p) {
        String id = p.path("requestId").asText();
        Pending previous = pending.remove(id);
        if (previous != null && p.has("redirectResponse")) {
            previous.response = p.get("redirectResponse");
            keep(id, previous, new byte[0]);
        }
        String url = p.path("request").path("url").asText();
        if (!url.startsWith("http:") && !url.startsWith("https:")) {
            return; // data: and blob: URLs cross no wire
        }
        if (++requests > options.maxRequests()) {
            if (requests == options.maxRequests() + 1) {
                warnings.add("the page made more than " + options.maxRequests() + " requests; the first "
                        + options.maxRequests() + " were recorded");
            }
            return;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return; // no URL a WARC record can name
        }
        long millis = (long) (p.path("wallTime").asDouble(System.currentTimeMillis() / 1000.0) * 1000);
        pending.put(id, new Pending(uri, Instant.ofEpochMilli(millis), kind(p.path("type").asText("")),
                headers(p.path("request").path("headers"))));
    }

    private void loadingFinished(JsonNode p) {
        String id = p.path("requestId").asText();
        Pending hop = pending.remove(id);
        if (hop == null || hop.response == null) {
            return;
        }
        long size = p.path("encodedDataLength").asLong();
        if (bytes + size > options.maxBytes()) {
            if (bytes <= options.maxBytes()) {
                warnings.add("the page loaded more than " + options.maxBytes() + " bytes; later responses were not recorded");
            }
            bytes = options.maxBytes() + 1;
            if (!id.equals(mainRequest)) {
                return;
            }
        }
        bytes += size;
        if (served != null && id.equals(mainRequest)) {
            return; // the page's record is the static response the browser was served
        }
        hop.order = finished.size();
        finished.add(new Finished(hop, devTools.send(session, "Network.getResponseBody", params().put("requestId", id)), id));
    }

    /** Answers a paused document request: from the static capture when there is one, else see {@link #inspect}. */
    private void answer(JsonNode paused) {
        if (served != null) {
            serve(paused);
        } else {
            inspect(paused);
        }
    }

    /**
     * Looks at a document response the browser fetched before it uses it. The page's own (the first
     * document, and its redirects) goes on when it is a redirect or a 2xx HTML page; any other status
     * is the capture's failure, and a 2xx response that is no HTML is kept unrendered: its body is
     * taken from the browser, and the request is then cancelled, so that the browser neither renders
     * nor downloads it. Every other document (a frame) goes on.
     */
    private void inspect(JsonNode paused) {
        String id = paused.path("requestId").asText();
        int status = paused.path("responseStatusCode").asInt(0);
        String network = paused.path("networkId").asText(id);
        boolean page = paused.path("resourceType").asText().equals("Document")
                && (document.compareAndSet(null, network) || document.get().equals(network));
        List<Header> headers = new ArrayList<>();
        for (JsonNode h : paused.path("responseHeaders")) {
            headers.add(new Header(h.path("name").asText(), h.path("value").asText()));
        }
        String contentType = headers.stream().filter(h -> h.name().equalsIgnoreCase("Content-Type")).map(Header::value)
                .findFirst().orElse(null);
        boolean redirect = status >= 300 && status < 400 && headers.stream().anyMatch(h -> h.name().equalsIgnoreCase("Location"));
        boolean rendered = status >= 200 && status < 300 && (contentType == null || MediaTypes.isHtml(MediaTypes.of(contentType)));
        ObjectNode p = params().put("requestId", id);
        if (!page || status == 0 || redirect || rendered) {
            CompletableFuture.runAsync(() -> devTools.send(session, "Fetch.continueRequest", p));
            return;
        }
        withholding = true;
        p.put("errorReason", "Aborted");
        if (status < 200 || status > 299) {
            String retryAfter = headers.stream().filter(h -> h.name().equalsIgnoreCase("Retry-After")).map(Header::value)
                    .findFirst().orElse(null);
            withheld.completeExceptionally(FetchException.httpStatus(status, retryAfter));
            CompletableFuture.runAsync(() -> devTools.send(session, "Fetch.failRequest", p));
            return;
        }
        URI url = URI.create(paused.path("request").path("url").asText());
        List<Header> requestHeaders = headers(paused.path("request").path("headers"));
        Instant date = Instant.now();
        devTools.send(session, "Fetch.getResponseBody", params().put("requestId", id)).whenComplete((result, failure) -> {
            if (failure != null) {
                withheld.completeExceptionally(failure);
            } else {
                String text = result.path("body").asText("");
                byte[] body = result.path("base64Encoded").asBoolean() ? base64(text) : text.getBytes(StandardCharsets.UTF_8);
                withheld.complete(new Exchange(url, date, null, "HTTP/1.1", requestHeaders, status, decoded(headers), body));
            }
            devTools.send(session, "Fetch.failRequest", p);
        });
    }

    /**
     * The capture of a page that was not rendered (see {@link #inspect}): its redirects as the
     * browser recorded them, then its own response as received; or the failure it is.
     */
    private BrowserCapture unrendered(URI url, long deadline) throws DevToolsException, FetchException, InterruptedException {
        Exchange last;
        try {
            last = withheld.get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof FetchException failure) {
                throw failure;
            }
            throw new DevToolsException("the browser could not hand over the page: " + e.getCause().getMessage());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new DevToolsException("the browser did not hand over the page within " + options.pageTime().toSeconds() + " s");
        }
        for (DevTools.Event event = events.poll(); event != null; event = events.poll()) {
            handle(event); // the redirects before it, recorded from their events
        }
        List<Exchange> chain = new ArrayList<>(chains.getOrDefault(document.get(), List.of()));
        chain.add(last);
        String contentType = last.responseHeader("Content-Type").orElse(null);
        String mediaType = MediaTypes.of(contentType);
        Capture capture = new Capture(url, last.uri(), chain.get(0).date(), chain,
                mediaType != null ? mediaType : MediaTypes.sniff(last.body()), contentType, last.body());
        return new BrowserCapture(capture, new Recording(List.of(), warnings));
    }

    /**
     * A navigation that failed on the network, as the static fetch's failure of the same kind, so that
     * a crawl retries it as it would that: Chromium's {@code net::ERR_...} name says which kind; one
     * it does not name is taken for a broken exchange ({@code PROTOCOL}), retried a bounded number of times.
     */
    static FetchException networkError(String errorText) {
        FetchException.Reason reason;
        if (errorText.contains("NAME_NOT_RESOLVED")) {
            reason = FetchException.Reason.DNS;
        } else if (errorText.contains("TIMED_OUT")) {
            reason = FetchException.Reason.TIMEOUT;
        } else if (errorText.contains("CERT") || errorText.contains("SSL")) {
            reason = FetchException.Reason.TLS;
        } else if (errorText.contains("TOO_MANY_REDIRECTS")) {
            reason = FetchException.Reason.REDIRECTS;
        } else if (errorText.contains("CONNECTION") || errorText.contains("ADDRESS_UNREACHABLE")) {
            reason = FetchException.Reason.CONNECT;
        } else if (errorText.contains("UNSAFE_PORT") || errorText.contains("INVALID_URL") || errorText.contains("URL_SCHEME")) {
            reason = FetchException.Reason.BAD_URL; // a URL the browser will not load, however often it is asked
        } else {
            reason = FetchException.Reason.PROTOCOL;
        }
        return new FetchException(reason, "the browser could not load the page: " + errorText);
    }

    /**
     * Answers the first document request, the page's own, with the static response (its body
     * decoded, so without the headers that framed it on the wire); any other (a frame, a navigation
     * the page makes) goes on to the network.
     */
    private void serve(JsonNode paused) {
        ObjectNode p = params().put("requestId", paused.path("requestId").asText());
        String method = "Fetch.continueRequest";
        if (paused.path("resourceType").asText().equals("Document") && documentServed.compareAndSet(false, true)) {
            Exchange page = served.finalExchange();
            method = "Fetch.fulfillRequest";
            p.put("responseCode", page.status()).put("body", Base64.getEncoder().encodeToString(served.body()));
            ArrayNode headers = p.putArray("responseHeaders");
            for (Header h : page.responseHeaders()) {
                if (!FRAMING.contains(h.name().toLowerCase(Locale.ROOT))) {
                    headers.addObject().put("name", h.name()).put("value", h.value());
                }
            }
        }
        String command = method;
        CompletableFuture.runAsync(() -> devTools.send(session, command, p)); // not on the receiving thread
    }

    /** Headers of how the static response was framed on the wire, not of the decoded body the browser is given. */
    private static final Set<String> FRAMING = Set.of("content-encoding", "content-length", "transfer-encoding");

    /** Records a hop whose body is known: a redirect, or (from {@link #bodies}) a finished response. */
    private Exchange keep(String requestId, Pending hop, byte[] body) {
        JsonNode r = hop.response;
        List<Header> headers = decoded(headers(r.path("headers")));
        List<Header> requestHeaders = r.has("requestHeaders") ? headers(r.get("requestHeaders")) : hop.requestHeaders;
        Exchange exchange = new Exchange(hop.url, hop.date, address(r.path("remoteIPAddress").asText("")),
                protocol(r.path("protocol").asText("")), requestHeaders, r.path("status").asInt(), headers, body);
        chains.computeIfAbsent(requestId, k -> new ArrayList<>()).add(exchange);
        return exchange;
    }

    /** Response headers for a body the browser handed over decoded: without its {@code Content-Encoding}. */
    private static List<Header> decoded(List<Header> headers) {
        return headers.stream().filter(h -> !h.name().equalsIgnoreCase("Content-Encoding")).toList();
    }

    /**
     * Waits for the bodies asked for, until the deadline; a body that did not come is a warning.
     * Returns the page's other responses, each with its redirects, as the capture's requisites.
     */
    private List<FetchedRequisite> bodies(long deadline) throws InterruptedException {
        List<FetchedRequisite> loaded = new ArrayList<>();
        int missing = 0;
        for (Finished f : finished) {
            byte[] body;
            try {
                long left = Math.max(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(1));
                JsonNode result = f.body().get(left, TimeUnit.NANOSECONDS);
                String text = result.path("body").asText("");
                body = result.path("base64Encoded").asBoolean() ? base64(text) : text.getBytes(StandardCharsets.UTF_8);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                missing++;
                body = null;
            }
            if (body != null) {
                keep(f.requestId(), f.hop(), body);
                if (!f.requestId().equals(mainRequest)) {
                    loaded.add(new FetchedRequisite(new Requisite(f.hop().url.toString(), f.hop().kind, LOADED_BY),
                            chains.get(f.requestId()), null));
                }
            }
        }
        if (missing > 0) {
            warnings.add(missing + " response bodies could not be read from the browser and were not recorded");
        }
        return loaded;
    }

    private byte[] screenshot(boolean fullPage) throws DevToolsException, InterruptedException {
        ObjectNode p = params().put("format", "png");
        if (fullPage) {
            JsonNode size = call("Page.getLayoutMetrics", null).path("cssContentSize");
            int height = (int) Math.min(Math.max(size.path("height").asDouble(HEIGHT), 1), MAX_FULL_PAGE_HEIGHT);
            p.put("captureBeyondViewport", true);
            p.putObject("clip").put("x", 0).put("y", 0).put("width", WIDTH).put("height", height).put("scale", 1);
        }
        return base64(call("Page.captureScreenshot", p).path("data").asText());
    }

    private URI finalUrl(URI requested) {
        Pending main = mainRequest == null ? null : pending.get(mainRequest);
        for (Finished f : finished) {
            if (f.requestId().equals(mainRequest)) {
                return f.hop().url;
            }
        }
        return main != null ? main.url : requested;
    }

    private JsonNode call(String method, ObjectNode params) throws DevToolsException, InterruptedException {
        return devTools.call(session, method, params, COMMAND);
    }

    private static ObjectNode params() {
        return DevTools.JSON.createObjectNode();
    }

    private static byte[] base64(String data) {
        return Base64.getDecoder().decode(data);
    }

    /** CDP gives headers as an object; a field received more than once has its values joined by newlines. */
    private static List<Header> headers(JsonNode object) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<Header> headers = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), field.getValue().asText());
        }
        fields.forEach((name, values) -> {
            if (!name.startsWith(":")) { // HTTP/2 pseudo-headers are no header fields
                for (String value : values.split("\n")) {
                    headers.add(new Header(name, value));
                }
            }
        });
        return headers;
    }

    /** What a response the page loaded is, by the resource type the browser gives it. */
    private static Requisite.Kind kind(String cdpType) {
        return switch (cdpType) {
            case "Document" -> Requisite.Kind.FRAME;
            case "Stylesheet" -> Requisite.Kind.STYLESHEET;
            case "Image" -> Requisite.Kind.IMAGE;
            case "Font" -> Requisite.Kind.FONT;
            case "Script" -> Requisite.Kind.SCRIPT;
            case "Media" -> Requisite.Kind.MEDIA;
            default -> Requisite.Kind.OTHER;
        };
    }

    private static String protocol(String cdp) {
        return switch (cdp) {
            case "h2" -> "HTTP/2";
            case "h3", "http/3" -> "HTTP/3";
            default -> "HTTP/1.1";
        };
    }

    private static InetAddress address(String ip) {
        if (ip.isEmpty()) {
            return null;
        }
        try {
            return InetAddress.getByName(ip.startsWith("[") ? ip.substring(1, ip.length() - 1) : ip); // a literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
