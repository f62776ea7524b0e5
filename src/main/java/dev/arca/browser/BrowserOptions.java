package dev.arca.browser;

import dev.arca.fetch.Cookie;
import dev.arca.fetch.Header;

import java.time.Duration;
import java.util.List;

/**
 * How a page is captured in the browser.
 *
 * @param userAgent   the User-Agent the browser sends
 * @param pageTime    the longest one page may take: loading, scrolling, recording
 * @param maxBytes    the most response bytes recorded for one page, all responses together
 * @param maxRequests the most responses recorded for one page
 * @param fullPage    also keep a screenshot of the whole page
 * @param pdf         also keep the page printed as PDF
 * @param headers     extra request headers, sent with every request of the page
 * @param cookies     cookies the browser starts with
 */
public record BrowserOptions(String userAgent, Duration pageTime, long maxBytes, int maxRequests, boolean fullPage,
                             boolean pdf, List<Header> headers, List<Cookie> cookies) {

    public static final Duration DEFAULT_PAGE_TIME = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
    public static final int DEFAULT_MAX_REQUESTS = 500;

    public BrowserOptions {
        if (pageTime.isNegative() || pageTime.isZero() || maxBytes <= 0 || maxRequests <= 0) {
            throw new IllegalArgumentException("page time, bytes and requests must be positive");
        }
        headers = List.copyOf(headers);
        cookies = List.copyOf(cookies);
    }

    /** The defaults, with the given User-Agent. */
    public static BrowserOptions defaults(String userAgent) {
        return new BrowserOptions(userAgent, DEFAULT_PAGE_TIME, DEFAULT_MAX_BYTES, DEFAULT_MAX_REQUESTS, false, false,
                List.of(), List.of());
    }

    /** These options with another page time. */
    public BrowserOptions withPageTime(Duration time) {
        return new BrowserOptions(userAgent, time, maxBytes, maxRequests, fullPage, pdf, headers, cookies);
    }

    /** These options with extra request headers and cookies. */
    public BrowserOptions withRequestHeaders(List<Header> extraHeaders, List<Cookie> startCookies) {
        return new BrowserOptions(userAgent, pageTime, maxBytes, maxRequests, fullPage, pdf, extraHeaders, startCookies);
    }
}
