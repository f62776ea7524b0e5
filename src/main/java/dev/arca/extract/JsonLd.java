package dev.arca.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jsoup.nodes.Element;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The schema.org article a page describes in {@code <script type="application/ld+json">}:
 * found in plain objects, arrays and {@code @graph}s, with authors as strings, objects or
 * arrays. JSON-LD is the most deliberate metadata a publisher writes, so it is read first.
 */
final class JsonLd {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> ARTICLE_TYPES = Set.of("article", "advancedarticle", "blogposting",
            "creativework", "discussionforumposting", "livebloggposting", "liveblogposting", "newsarticle",
            "opinionnewsarticle", "report", "reportagenewsarticle", "reviewnewsarticle", "socialmediaposting",
            "techarticle", "scholarlyarticle", "analysisnewsarticle", "backgroundnewsarticle", "reviewarticle",
            "satiricalarticle", "medicalscholarlyarticle", "askpublicnewsarticle", "factcheck", "posting",
            "webcontent", "blog", "medicalwebpage");

    /** Pages that are not articles but say when they were published. */
    private static final Set<String> PAGE_TYPES = Set.of("webpage", "aboutpage", "collectionpage", "itempage",
            "profilepage", "faqpage", "qapage", "contactpage", "howto", "recipe");

    /** What a reader follows step by step. */
    private static final Set<String> INSTRUCTION_TYPES = Set.of("howto", "recipe");

    private static final int MAX_NODES = 5000;

    private final JsonNode article;
    private final JsonNode webPage;
    private final List<JsonNode> all;

    private JsonLd(JsonNode article, JsonNode webPage, List<JsonNode> all) {
        this.article = article;
        this.webPage = webPage;
        this.all = all;
    }

    /** Reads every JSON-LD block among a page's {@code scripts}; malformed blocks are skipped. */
    public static JsonLd read(List<Element> scripts) {
        List<JsonNode> objects = new ArrayList<>();
        for (Element script : scripts) {
            if (!script.attr("type").toLowerCase(java.util.Locale.ROOT).contains("ld+json")) {
                continue;
            }
            String data = script.data().strip();
            if (data.startsWith("<![CDATA[")) {
                data = data.substring(9);
            }
            if (data.endsWith("]]>")) {
                data = data.substring(0, data.length() - 3);
            }
            try (JsonParser p = JSON.createParser(data)) {
                JsonNode root = JSON.readTree(p);
                if (root != null) {
                    flatten(root, objects);
                }
            } catch (java.io.IOException | RuntimeException e) {
                // a broken block says nothing; the other sources still count
            }
        }
        JsonNode best = null;
        JsonNode page = null;
        for (JsonNode o : objects) {
            if (isArticle(o) && (best == null || rank(o) > rank(best))) {
                best = o;
            } else if (page == null && hasType(o, PAGE_TYPES) && o.hasNonNull("datePublished")) {
                page = o;
            }
        }
        return new JsonLd(best, page, objects);
    }

    private static int rank(JsonNode o) {
        int r = 0;
        if (o.hasNonNull("headline")) {
            r += 2;
        }
        if (o.hasNonNull("articleBody")) {
            r += 2;
        }
        if (o.hasNonNull("datePublished")) {
            r++;
        }
        return r;
    }

    /** Top-level objects, array members and {@code @graph} members, iteratively. */
    private static void flatten(JsonNode root, List<JsonNode> out) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty() && out.size() < MAX_NODES) {
            JsonNode n = todo.pop();
            if (n.isArray()) {
                for (int i = n.size() - 1; i >= 0; i--) {
                    todo.push(n.get(i));
                }
            } else if (n.isObject()) {
                out.add(n);
                JsonNode graph = n.get("@graph");
                if (graph != null) {
                    todo.push(graph);
                }
                JsonNode main = n.get("mainEntity");
                if (main != null && main.isObject()) {
                    todo.push(main);
                }
            }
        }
    }

    static boolean isArticle(JsonNode o) {
        return hasType(o, ARTICLE_TYPES);
    }

    private static boolean hasType(JsonNode o, Set<String> lowerCaseTypes) {
        for (String t : types(o)) {
            if (lowerCaseTypes.contains(t.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> types(JsonNode o) {
        JsonNode t = o.get("@type");
        List<String> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        if (t.isArray()) {
            t.forEach(x -> out.add(x.asText()));
        } else {
            out.add(t.asText());
        }
        return out;
    }

    /** True when the page describes an article. */
    public boolean hasArticle() {
        return article != null;
    }

    public String headline() {
        return string(article, "headline");
    }

    public String name() {
        return string(article, "name");
    }

    public String description() {
        return string(article, "description");
    }

    public String datePublished() {
        String d = string(article, "datePublished");
        return d != null ? d : string(article, "dateCreated");
    }

    public String dateModified() {
        return string(article, "dateModified");
    }

    /** The publication date of the page when it describes itself as a web page (an about page, a recipe), not an article. */
    public String pageDatePublished() {
        return string(webPage, "datePublished");
    }

    public String pageDateModified() {
        return string(webPage, "dateModified");
    }

    public String articleBody() {
        return string(article, "articleBody");
    }

    /**
     * The description, ingredients and steps of the first {@code HowTo} or {@code Recipe} the
     * page describes, one per line ({@link Instructions}), or null when it describes none.
     */
    public String instructions() {
        for (JsonNode o : all) {
            if (hasType(o, INSTRUCTION_TYPES)) {
                String text = Instructions.of(o);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    public String language() {
        return string(article, "inLanguage");
    }

    /** The publisher's name, from the article or, failing that, any Organization or WebSite. */
    public String publisher() {
        String name = article == null ? null : nameOf(article.get("publisher"));
        if (name != null) {
            return name;
        }
        for (JsonNode o : all) {
            List<String> ts = types(o);
            if (ts.contains("WebSite") || ts.contains("NewsMediaOrganization")) {
                String n = string(o, "name");
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }

    /** The name of the site the article is part of ({@code isPartOf}), or null. */
    public String partOf() {
        return article == null ? null : nameOf(article.get("isPartOf"));
    }

    /** The article's section ({@code articleSection}; the first of several), or null. */
    public String section() {
        return string(article, "articleSection");
    }

    /** The author names: strings, {@code {name}} objects, or arrays of either. */
    public List<String> authors() {
        return names("author");
    }

    /** The {@code creator} names, which sites fill with a user handle as often as with a name. */
    public List<String> creators() {
        return names("creator");
    }

    private List<String> names(String field) {
        List<String> out = new ArrayList<>();
        JsonNode a = article == null ? null : article.get(field);
        if (a == null) {
            return out;
        }
        if (a.isArray()) {
            for (JsonNode x : a) {
                String n = nameOf(x);
                if (n != null && !out.contains(n)) {
                    out.add(n);
                }
            }
        } else {
            String n = nameOf(a);
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    /** The lead image URL: a string, an ImageObject, or the first of an array. */
    public String image() {
        if (article == null) {
            return null;
        }
        JsonNode i = article.get("image");
        if (i != null && i.isArray()) {
            i = i.size() > 0 ? i.get(0) : null;
        }
        if (i == null) {
            return null;
        }
        if (i.isTextual()) {
            return i.asText();
        }
        return string(i, "url");
    }

    /** Keywords (a comma-separated string or an array) and the article section. */
    public List<String> keywords() {
        List<String> out = new ArrayList<>();
        if (article == null) {
            return out;
        }
        for (String field : new String[] {"keywords", "articleSection"}) {
            JsonNode k = article.get(field);
            if (k == null) {
                continue;
            }
            if (k.isArray()) {
                k.forEach(x -> {
                    if (x.isTextual()) {
                        out.add(x.asText().strip());
                    }
                });
            } else if (k.isTextual()) {
                for (String s : k.asText().split(",")) {
                    if (!s.isBlank()) {
                        out.add(s.strip());
                    }
                }
            }
        }
        return out;
    }

    private static String nameOf(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isTextual()) {
            String s = n.asText().strip();
            return s.isEmpty() || s.startsWith("http") ? null : s;
        }
        if (n.isArray()) {
            return n.size() > 0 ? nameOf(n.get(0)) : null;
        }
        return string(n, "name");
    }

    private static String string(JsonNode o, String field) {
        if (o == null) {
            return null;
        }
        JsonNode v = o.get(field);
        if (v != null && v.isArray() && v.size() > 0) {
            v = v.get(0);
        }
        if (v == null || !v.isValueNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : org.jsoup.parser.Parser.unescapeEntities(s, false);
    }
}
