package dev.arca.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an element's class, id and role say about it: "article-body" and "entry-content" promise
 * content, "sidebar", "comments" and "share-bar" promise furniture. These are the naming habits
 * of content-management systems, not rules for particular sites.
 */
final class ClassNames {

    private static final Words UNLIKELY = new Words("-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment",
            "community", "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
            "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
            "pagination", "pager", "popup", "yom-remote");
    private static final Words MAYBE = new Words("and", "article", "body", "column", "content", "main", "mathjax", "shadow");
    private static final Words POSITIVE = new Words("article", "body", "content", "entry", "hentry", "h-entry", "main",
            "page", "pagination", "post", "text", "blog", "story");
    /**
     * Furniture whatever its size: comment threads and forms, share bars, newsletter and cookie
     * prompts, author bio boxes, related posts, "back to top" links. Matched at the start of one
     * class or id token (after an optional "post-", "entry-" ... prefix), so that "commentary",
     * "content-sidebar-wrap" or "category-sharing" survive.
     */
    private static final Pattern FURNITURE = Pattern.compile(
            "^(?:(?:post|entry|article|story|blog|page|site|single|td|jp|wp|news|main|c|m|js)[-_])?(?:"
                    + "comments?|comment-?(?:list|area|form|respond|section|thread|s?wrap(?:per)?)|respond|replies|"
                    + "disqus(?:_thread)?|commentaires|kommentare|comentarios|commenti|"
                    + "share|sharing|share-?(?:bar|buttons|tools|links|icons|box)|social|socials|social-?(?:share|links|media|icons|bar)|"
                    + "sharedaddy|addtoany|a2a|newsletter|subscribe|subscription|signup|sign-up|cookie|cookies|"
                    + "consent|gdpr|cmp|author-?(?:bio|box|info|card|profile|about)|about-?(?:the-)?author|bio-?box|"
                    + "related|relatedposts|yarpp|crp_related|outbrain|taboola|"
                    + "back-?to-?top|scroll-?(?:to-?)?top|to-?top|breadcrumbs?|"
                    + "post-?nav(?:igation)?|nav-?links|skip-?link|screen-reader-text|"
                    + "sr-only|visually-?hidden|adsbygoogle|ad-?(?:slot|container|wrapper|unit|banner)|sidebar"
                    + ")(?:$|[-_])");
    /**
     * Names that also label content wrappers ("read-more" around the rest of a story, "promo"
     * around a feature): furniture only when the block is short.
     */
    private static final Pattern FURNITURE_IF_SHORT = Pattern.compile(
            "^(?:(?:post|entry|article|story|blog|page|site|single|td|jp|wp|news|main|c|m|js)[-_])?(?:"
                    + "recommended|recommendations|more-?(?:stories|articles|from|news)|read-?more|also-?read|"
                    + "you-?may-?like|pagination|pager|tag-?list|tags|tag-?cloud|advert|advertisement|sponsored|promo|"
                    + "popup|modal|masthead|site-?header|site-?footer"
                    + ")(?:$|[-_])");
    private static final int SHORT_BLOCK = 400;
    /**
     * Cheap necessary conditions for {@link #FURNITURE}, {@link #FURNITURE_IF_SHORT} and
     * {@link #META_LINE}: every name those match contains one of these words, and most class
     * names contain none, so the costly alternations run on few tokens.
     */
    private static final Words FURNITURE_STEMS = new Words("comment", "respond", "replies", "disqus", "commentaires",
            "kommentare", "comentarios", "commenti", "shar", "social", "addtoany", "a2a", "newsletter", "subscri",
            "signup", "sign-up", "cookie", "consent", "gdpr", "cmp", "author", "biobox", "bio-box", "related", "yarpp",
            "outbrain", "taboola", "top", "breadcrumb", "nav", "skip", "screen-reader", "sr-only", "hidden",
            "adsbygoogle", "adslot", "ad-slot", "adcontainer", "ad-container", "adwrapper", "ad-wrapper", "adunit",
            "ad-unit", "adbanner", "ad-banner", "sidebar");
    private static final Words SHORT_FURNITURE_STEMS = new Words("recommend", "more", "read", "you", "pag", "tag",
            "advert", "sponsored", "promo", "popup", "modal", "masthead", "header", "footer");
    private static final Words META_STEMS = new Words("meta", "info", "date", "time", "posted", "submitted", "publish",
            "pubdate", "byline", "details");

    /** Post metadata lines: date, byline and category strips around the story. */
    private static final Pattern META_LINE = Pattern.compile(
            "^(?:(?:post|entry|article|story|blog|td|single)[-_]?)?(?:meta|metadata|meta-?(?:data|info|line)|info|"
                    + "date|dateline|datetime|timestamp|time|posted|posted-?on|postmeta|submitted|published|pubdate|byline|details)"
                    + "(?:$|[-_])");
    /** A class that names the story itself. */
    private static final Set<String> CONTENT_TOKEN = Set.of("entry", "entry-content", "hentry", "h-entry", "post",
            "post-content", "post-body", "article", "article-body", "article-content", "story", "story-body", "content",
            "main", "main-content", "articlebody");
    /** A token that names a content part of a block ("sidebar__main", "share-content") is not furniture. */
    private static final Words CONTENT_PART = new Words("main", "content", "article", "body", "entry", "story");
    /** CMS taxonomy and state classes ("category-sharing", "has-comments") describe a post, not a box. */
    private static final Set<String> TAXONOMY = Set.of("category", "tag", "topic", "section", "has", "is", "no", "with",
            "without", "format", "type", "status", "author", "single", "postid");
    private static final Set<String> UNLIKELY_ROLES = Set.of("menu", "menubar", "complementary", "navigation",
            "alert", "alertdialog", "dialog", "banner", "contentinfo", "search");

    private ClassNames() {
    }

    /** The element's class and id, lower-cased, so that the patterns here need no case folding. */
    static String of(Element e) {
        if (e.attributesSize() == 0) {
            // asking a bare element for an attribute makes jsoup allocate an attribute table
            return "";
        }
        String cls = e.className();
        String id = e.id();
        String s = cls.isEmpty() ? id : id.isEmpty() ? cls : cls + " " + id;
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    /** A role that marks navigation, complementary content or a dialog. */
    static boolean unlikelyRole(Element e) {
        return e.attributesSize() > 0 && UNLIKELY_ROLES.contains(e.attr("role"));
    }

    /** Applies a {@link #furnitureKind} verdict (perhaps cached) to {@code e}. */
    static boolean furniture(Element e, int kind) {
        return kind == STRONG || kind == WEAK && e.text().length() < SHORT_BLOCK;
    }

    static final int NONE = 0;
    static final int STRONG = 1;
    static final int WEAK = 2;

    /** A token names the story itself ("entry", "article-body"). */
    static final int CONTENT = 1;
    /** A token is a CMS taxonomy class or names a content part; it says nothing about furniture. */
    static final int IGNORED = 2;
    static final int STRONG_TOKEN = 4;
    static final int WEAK_TOKEN = 8;
    static final int UNLIKELY_TOKEN = 16;
    static final int MAYBE_TOKEN = 32;
    /** A token that names a byline ("byline", "post-author"), see {@link Bylines}. */
    static final int BYLINE_TOKEN = 64;
    /** A token that names a date or the post's meta line ("post-date", "datum", "published"). */
    static final int DATE_TOKEN = 128;
    /** A token that names an encyclopedia's fact box ("infobox"). */
    static final int FACT_TOKEN = 256;
    /** A token that names the date-and-byline strip of a post ("entry-meta"). */
    static final int META_TOKEN = 512;
    static final int POSITIVE_TOKEN = 1024;
    static final int NEGATIVE_TOKEN = 2048;
    static final int SHARE_TOKEN = 4096;
    /** A token that names a picture's caption or credit. */
    static final int CAPTION_TOKEN = 8192;
    /** A token that names a teaser card ("teaser", "box teaser--inline"), which may also be a story's lead. */
    static final int TEASER_TOKEN = 16384;

    private static final Words DATE_NAME = new Words("date", "time", "publish", "posted", "datum", "fecha", "data",
            "meta", "byline", "dateline", "stamp");
    private static final Words FACT_BOX = new Words("infobox", "basicinfo", "basic-info", "factbox", "fact-box",
            "factsheet");
    private static final Pattern SHARE = Pattern.compile("(?:^|\\b|_)(?:share|sharedaddy)(?:\\b|_|$)");
    private static final Words CAPTION = new Words("caption", "credit", "legend");
    /** Readability's negative names, for one token (its "hid" alternative is the whole token, below). */
    private static final Words NEGATIVE = new Words("-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
            "footer", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
            "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget");

    /**
     * Names any of which, found anywhere in a token, make a verdict: a plain substring scan is
     * several times cheaper than a regular expression's alternation, and every class token of a
     * page goes through a dozen of these.
     */
    private record Words(String... words) {

        boolean in(String token) {
            for (String w : words) {
                if (token.contains(w)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * What the class and id of elements say, cached per page by attribute value: a page repeats
     * the same few class strings thousands of times, and each is read once.
     */
    static final class Verdicts {
        private static final int MAX_VALUE = 300;
        private final java.util.Map<String, Integer> values = new java.util.HashMap<>();

        /** The OR-ed token bits of one class or id value. */
        int of(String raw) {
            if (raw.isEmpty() || raw.length() > MAX_VALUE) {
                return 0;
            }
            Integer b = values.get(raw);
            if (b == null) {
                int bits = 0;
                for (String token : tokens(raw.toLowerCase(java.util.Locale.ROOT))) {
                    bits |= tokenBits(token);
                }
                b = bits;
                values.put(raw, b);
            }
            return b;
        }

        /** The bits of {@code e}'s class and id together. */
        int bits(Element e) {
            return e.attributesSize() == 0 ? 0 : of(e.className()) | of(e.id());
        }

        /** Readability's unlikely test: named like furniture and not also like content, or an unlikely role. */
        boolean unlikely(Element e) {
            return e.attributesSize() > 0 && (ClassNames.unlikely(bits(e)) || unlikelyRole(e));
        }

        /** -50 to +50: positive names promise content, negative ones furniture (class and id each count). */
        int weight(Element e) {
            if (e.attributesSize() == 0) {
                return 0;
            }
            return weightOf(of(e.className())) + weightOf(of(e.id()));
        }

        private static int weightOf(int bits) {
            return ((bits & NEGATIVE_TOKEN) != 0 ? -25 : 0) + ((bits & POSITIVE_TOKEN) != 0 ? 25 : 0);
        }
    }

    /** Everything the patterns here say about one token, as bits; cheap to cache per page. */
    static int tokenBits(String token) {
        int weights = (NEGATIVE.in(token) || token.equals("hid") ? NEGATIVE_TOKEN : 0)
                | (POSITIVE.in(token) ? POSITIVE_TOKEN : 0);
        if (isSlug(token)) {
            // "sharing-with-a-single-developer": the id of a section, made from its heading
            return IGNORED | weights;
        }
        int bits = weights;
        if (Bylines.bylineToken(token)) {
            bits |= BYLINE_TOKEN;
        }
        if (DATE_NAME.in(token)) {
            bits |= DATE_TOKEN;
        }
        if (FACT_BOX.in(token)) {
            bits |= FACT_TOKEN;
        }
        if (META_STEMS.in(token) && META_LINE.matcher(token).lookingAt()) {
            bits |= META_TOKEN;
        }
        if (token.contains("share") && SHARE.matcher(token).find()) {
            bits |= SHARE_TOKEN;
        }
        if (CAPTION.in(token)) {
            bits |= CAPTION_TOKEN;
        }
        if (token.contains("teaser")) {
            bits |= TEASER_TOKEN;
        }
        if (CONTENT_TOKEN.contains(token)) {
            bits |= CONTENT;
        }
        if (taxonomy(token) || CONTENT_PART.in(token)) {
            bits |= IGNORED;
        } else if (FURNITURE_STEMS.in(token) && FURNITURE.matcher(token).lookingAt()) {
            bits |= STRONG_TOKEN;
        } else if (SHORT_FURNITURE_STEMS.in(token) && FURNITURE_IF_SHORT.matcher(token).lookingAt()) {
            bits |= WEAK_TOKEN;
        }
        if (UNLIKELY.in(token)) {
            bits |= UNLIKELY_TOKEN;
        }
        if (MAYBE.in(token)) {
            bits |= MAYBE_TOKEN;
        }
        return bits;
    }

    /** A CMS taxonomy or state class: "category-news", "has-comments", "page-template-default". */
    private static boolean taxonomy(String token) {
        int i = 0;
        while (i < token.length() && token.charAt(i) != '-' && token.charAt(i) != '_') {
            i++;
        }
        if (i == token.length()) {
            return false;
        }
        return TAXONOMY.contains(token.substring(0, i))
                || token.startsWith("page-template") && token.length() > 13 && (token.charAt(13) == '-' || token.charAt(13) == '_');
    }

    private static final Set<String> SLUG_WORDS = Set.of("a", "an", "the", "with", "of", "and", "to", "for", "in",
            "on", "is", "are", "how", "why", "what", "your", "you", "de", "la", "le", "les", "du", "der", "die", "das",
            "und", "mit", "el", "los", "y", "con", "il", "di", "e", "van", "het", "en");

    /** A heading turned into an id: four or more words joined by hyphens, one of them a function word. */
    private static boolean isSlug(String token) {
        int parts = 1;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '-') {
                parts++;
            }
        }
        if (parts < 4) {
            return false;
        }
        for (String part : token.split("-")) {
            if (SLUG_WORDS.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** Furniture kind from OR-ed token bits. */
    static int furnitureKind(int bits) {
        if ((bits & CONTENT) != 0) {
            // "entry share": the entry itself, with a modifier
            return NONE;
        }
        if ((bits & STRONG_TOKEN) != 0) {
            return STRONG;
        }
        return (bits & WEAK_TOKEN) != 0 ? WEAK : NONE;
    }

    /** Readability's unlikely test from OR-ed token bits (its patterns never span a space). */
    static boolean unlikely(int bits) {
        return (bits & UNLIKELY_TOKEN) != 0 && (bits & MAYBE_TOKEN) == 0;
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>(4);
        int start = -1;
        for (int i = 0, n = s.length(); i <= n; i++) {
            boolean space = i == n || Character.isWhitespace(s.charAt(i));
            if (space && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return out;
    }
}
