package dev.arca.fetch;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.arca.extract.HtmlCharset;

import java.util.ArrayList;
import java.util.List;

/**
 * The items of a JSON Feed (1.0 or 1.1, https://www.jsonfeed.org/version/1.1/), read with
 * Jackson: each item's {@code url}, else its {@code external_url}.
 */
final class JsonFeed {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";

    private JsonFeed() {
    }

    /** True when the document says it is JSON, or starts like a JSON object. */
    static boolean looksLikeJson(Capture document) {
        String type = document.mediaType();
        if ("application/feed+json".equals(type) || "application/json".equals(type)) {
            return true;
        }
        byte[] body = document.body();
        int i = HtmlCharset.bomLength(body);
        while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) {
            i++;
        }
        return i < body.length && body[i] == '{';
    }

    static FeedLinks.Items items(byte[] body) throws FetchException {
        JsonNode feed;
        try {
            feed = JSON.readTree(body);
        } catch (JacksonException e) {
            throw notAFeed("broken JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw notAFeed(e.getMessage());
        }
        if (feed == null || !feed.isObject() || !feed.path("version").asText("").startsWith(VERSION_PREFIX)) {
            throw notAFeed("no \"version\": \"" + VERSION_PREFIX + "1.1\"");
        }
        JsonNode items = feed.path("items");
        if (!items.isArray()) {
            throw notAFeed("no \"items\" array");
        }
        List<String> links = new ArrayList<>();
        for (JsonNode item : items) {
            String url = text(item, "url");
            String link = url != null ? url : text(item, "external_url");
            if (link != null) {
                links.add(link);
            }
        }
        String home = text(feed, "feed_url");
        return new FeedLinks.Items(links, home != null ? home : text(feed, "home_page_url"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    private static FetchException notAFeed(String why) {
        return new FetchException(FetchException.Reason.FORMAT, "not a JSON Feed: " + why);
    }
}
