package dev.arca.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The robots.txt of each site arca visits, fetched once per run and parsed by crawler-commons for
 * arca's product token (RFC 9309). A missing or forbidden robots.txt (4xx) allows everything; a
 * server error or an unreachable host is a transient failure of the URL, to be retried like any
 * other, since guessing either way would be wrong. Thread-safe.
 */
final class RobotsRules {

    private static final int REMEMBERED_SITES = 10_000;

    private final Fetcher fetcher;
    private final String agent;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Rules> sites = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Rules> eldest) {
            return size() > REMEMBERED_SITES;
        }
    };

    private record Rules(BaseRobotRules rules, String robotsUrl, String basis) {
    }

    /** Rules read with {@code fetcher}, for the product token of {@code userAgent} ("arca" for arca's own). */
    public RobotsRules(Fetcher fetcher, String userAgent) {
        this.fetcher = fetcher;
        this.agent = productToken(userAgent);
    }

    /** The decision for {@code url}, or empty when its site's robots.txt has not been {@linkplain #load loaded}. */
    public Optional<RobotsDecision> decide(URI url) {
        Rules site;
        synchronized (sites) {
            site = sites.get(origin(url));
        }
        if (site == null) {
            return Optional.empty();
        }
        return Optional.of(new RobotsDecision(site.rules.isAllowed(url.toString()), site.robotsUrl, site.basis));
    }

    /** Fetches and parses the robots.txt of {@code url}'s site: one request to its host. */
    public void load(URI url) throws FetchException {
        URI robots = URI.create(origin(url) + "/robots.txt");
        Rules rules;
        try {
            Capture capture = fetcher.fetch(robots);
            BaseRobotRules parsed = parser.parseContent(robots.toString(), capture.body(),
                    capture.contentType() == null ? "text/plain" : capture.contentType(), List.of(agent));
            rules = new Rules(parsed, robots.toString(), "HTTP " + capture.finalExchange().status());
        } catch (FetchException e) {
            if (e.reason() != FetchException.Reason.HTTP_STATUS || RetryPolicy.isTransient(e)) {
                throw e;
            }
            rules = new Rules(parser.failedFetch(e.status()), robots.toString(),
                    "HTTP " + e.status() + ": no rules");
        }
        synchronized (sites) {
            sites.put(origin(url), rules);
        }
    }

    /** The product token robots.txt groups name: "arca" for "arca/0.1.0 (+https://...)". */
    static String productToken(String userAgent) {
        String token = userAgent.strip().split("[/\\s;(]", 2)[0].toLowerCase(Locale.ROOT);
        return token.isEmpty() ? "arca" : token;
    }

    private static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
