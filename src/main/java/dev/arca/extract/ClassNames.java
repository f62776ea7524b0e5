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
public final class ClassNames {

    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|"
                    + "legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|"
                    + "supplemental|ad-break|agegate|pagination|pager|popup|yom-remote");
    private static final Pattern MAYBE = Pattern.compile(
            "and|article|body|column|content|main|mathjax|shadow");
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story");
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|"
                    + "outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget");
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

    /** Post metadata lines: date, byline and category strips around the story. */
    private static final Pattern META_LINE = Pattern.compile(
            "^(?:(?:post|entry|article|story|blog|td|single)[-_]?)?(?:meta|metadata|meta-?(?:data|info|line)|info|"
                    + "date|dateline|datetime|timestamp|time|posted|posted-?on|postmeta|submitted|published|pubdate|byline|details)"
                    + "(?:$|[-_])");
    /** A class that names the story itself. */
    private static final Pattern CONTENT_TOKEN = Pattern.compile(
            "entry|entry-content|hentry|h-entry|post|post-content|post-body|article|article-body|article-content|"
                    + "story|story-body|content|main|main-content|articlebody");
    /** A token that names a content part of a block ("sidebar__main", "share-content") is not furniture. */
    private static final Pattern CONTENT_PART = Pattern.compile("main|content|article|body|entry|story");
    /** CMS taxonomy and state classes ("category-sharing", "has-comments") describe a post, not a box. */
    private static final Pattern TAXONOMY = Pattern.compile(
            "(?:category|tag|topic|section|has|is|no|with|without|format|type|status|author|single|postid|page-template)[-_]");
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

    /** Readability's test: named like furniture and not also like content. */
    public static boolean unlikely(Element e) {
        if (e.attributesSize() == 0) {
            return false;
        }
        return unlikelyName(of(e)) || UNLIKELY_ROLES.contains(e.attr("role"));
    }

    /** A role that marks navigation, complementary content or a dialog. */
    static boolean unlikelyRole(Element e) {
        return e.attributesSize() > 0 && UNLIKELY_ROLES.contains(e.attr("role"));
    }

    /** {@link #unlikely} on a lower-cased class-and-id string. */
    static boolean unlikelyName(String names) {
        return !names.isEmpty() && unlikely(tokenBits(names, ClassNames::tokenBits));
    }

    /**
     * Named as furniture by one of its class or id tokens, whatever the other tokens say; names
     * that also label content wrappers count only on short blocks.
     */
    public static boolean furniture(Element e) {
        return furniture(e, furnitureKind(of(e)));
    }

    /** Applies a {@link #furnitureKind} verdict (perhaps cached) to {@code e}. */
    static boolean furniture(Element e, int kind) {
        return kind == STRONG || kind == WEAK && e.text().length() < SHORT_BLOCK;
    }

    static final int NONE = 0;
    static final int STRONG = 1;
    static final int WEAK = 2;

    /** What a lower-cased class-and-id string says: {@link #NONE}, {@link #STRONG} or {@link #WEAK}. */
    static int furnitureKind(String names) {
        return names.length() > 300 ? NONE : furnitureKind(tokenBits(names, ClassNames::tokenBits));
    }

    /** A token names the story itself ("entry", "article-body"). */
    static final int CONTENT = 1;
    /** A token is a CMS taxonomy class or names a content part; it says nothing about furniture. */
    static final int IGNORED = 2;
    static final int STRONG_TOKEN = 4;
    static final int WEAK_TOKEN = 8;
    static final int UNLIKELY_TOKEN = 16;
    static final int MAYBE_TOKEN = 32;

    /** Everything the patterns here say about one token, as bits; cheap to cache per page. */
    static int tokenBits(String token) {
        if (isSlug(token)) {
            // "sharing-with-a-single-developer": the id of a section, made from its heading
            return IGNORED;
        }
        int bits = 0;
        if (CONTENT_TOKEN.matcher(token).matches()) {
            bits |= CONTENT;
        }
        if (TAXONOMY.matcher(token).lookingAt() || CONTENT_PART.matcher(token).find()) {
            bits |= IGNORED;
        } else if (FURNITURE.matcher(token).lookingAt()) {
            bits |= STRONG_TOKEN;
        } else if (FURNITURE_IF_SHORT.matcher(token).lookingAt()) {
            bits |= WEAK_TOKEN;
        }
        if (UNLIKELY.matcher(token).find()) {
            bits |= UNLIKELY_TOKEN;
        }
        if (MAYBE.matcher(token).find()) {
            bits |= MAYBE_TOKEN;
        }
        return bits;
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

    /** The bits of each token of {@code names}, OR-ed per kind; {@code perToken} may cache. */
    static int tokenBits(String names, java.util.function.ToIntFunction<String> perToken) {
        int all = 0;
        boolean content = false;
        for (String token : tokens(names)) {
            int b = perToken.applyAsInt(token);
            content |= (b & CONTENT) != 0;
            all |= b;
        }
        return content ? all | CONTENT : all;
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

    /** Named as the date and byline strip of a post ("entry-meta", "post-date", "dateline"). */
    public static boolean metaLine(Element e) {
        String s = of(e);
        if (s.isEmpty() || s.length() > 300) {
            return false;
        }
        for (String token : tokens(s)) {
            if (META_LINE.matcher(token).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** -50 to +50: positive names promise content, negative ones furniture. */
    public static int weight(Element e) {
        int w = 0;
        if (e.attributesSize() == 0) {
            return 0;
        }
        String cls = e.className().toLowerCase(java.util.Locale.ROOT);
        if (!cls.isEmpty()) {
            if (NEGATIVE.matcher(cls).find()) {
                w -= 25;
            }
            if (POSITIVE.matcher(cls).find()) {
                w += 25;
            }
        }
        String id = e.id().toLowerCase(java.util.Locale.ROOT);
        if (!id.isEmpty()) {
            if (NEGATIVE.matcher(id).find()) {
                w -= 25;
            }
            if (POSITIVE.matcher(id).find()) {
                w += 25;
            }
        }
        return w;
    }
}
