package dev.arca.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The page's comment thread as {@link Comment}s, read from the document as parsed (before the
 * content steps prune it away from the body). The thread is the first element named as one
 * ({@code #comments}, {@code .comment-list}, {@code #disqus_thread} ...); its comments are the
 * elements marked as one comment: a {@code comment} class, an id such as {@code comment-12}, or
 * schema.org's {@code Comment}. Replies are comments of their own, in page order.
 */
final class CommentThread {

    private static final Set<String> THREAD_NAMES = Set.of("comments", "comment-list", "commentlist", "comments-list",
            "comment-thread", "comments-area", "comments-section", "comment-section", "comments-container",
            "disqus_thread", "comment-stream");
    private static final Pattern COMMENT_ID = Pattern.compile("(?:li-)?comment-\\d+");
    private static final String CONTENT = ".comment-content, .comment-text, .comment-body-text, [itemprop=text], "
            + "[itemprop=commentText], .comment_text, .commentText";
    private static final String AUTHOR = ".comment-author .fn, .comment-author, [itemprop=author] [itemprop=name], "
            + "[itemprop=author], .fn, .author, cite";
    private static final String FURNITURE = ".comment-meta, .comment-metadata, .comment-author, .reply, .comment-reply, "
            + "[itemprop=author], footer, .comment-actions";
    private static final int MAX_COMMENTS = 1000;

    private CommentThread() {
    }

    /** The comments below {@code root}, or none when the page marks no thread. */
    static List<Comment> of(Element root) {
        Element thread = thread(root);
        List<Comment> out = new ArrayList<>();
        if (thread == null) {
            return out;
        }
        List<Element> items = new ArrayList<>();
        for (Element e : thread.getAllElements()) {
            if (items.size() == MAX_COMMENTS) {
                break;
            }
            if (e != thread && isComment(e) && !insideItemOwnBody(e, items)) {
                items.add(e);
            }
        }
        for (Element item : items) {
            String text = text(item, items);
            if (!text.isBlank()) {
                out.add(new Comment(line(first(item, AUTHOR, items)), date(item, items), ControlCharacters.text(text)));
            }
        }
        return out;
    }

    private static Element thread(Element root) {
        for (Element e : root.getAllElements()) {
            if (THREAD_NAMES.contains(e.id().toLowerCase(java.util.Locale.ROOT))) {
                return e;
            }
            for (String c : e.classNames()) {
                if (THREAD_NAMES.contains(c.toLowerCase(java.util.Locale.ROOT))) {
                    return e;
                }
            }
        }
        return null;
    }

    private static boolean isComment(Element e) {
        return e.hasClass("comment") || COMMENT_ID.matcher(e.id()).matches()
                || e.attr("itemtype").endsWith("schema.org/Comment");
    }

    /**
     * True when {@code e} is part of a comment already taken but not a reply of its own: a
     * {@code <li class=comment>} holding an {@code <article id=div-comment-12>} is one comment.
     */
    private static boolean insideItemOwnBody(Element e, List<Element> items) {
        for (int i = items.size() - 1; i >= 0; i--) {
            Element item = items.get(i);
            if (Block.isAncestor(item, e)) {
                // a reply sits in a list of replies (ol.children, ul); the comment's own body does not
                for (Element p = e.parent(); p != item; p = p.parent()) {
                    if (p.normalName().equals("ol") || p.normalName().equals("ul") || p.hasClass("children")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** The comment's words: its marked content, else its own text without its metadata and its replies. */
    private static String text(Element item, List<Element> items) {
        String marked = first(item, CONTENT, items);
        if (marked != null) {
            return marked;
        }
        Element copy = item.clone();
        copy.select(FURNITURE).remove();
        for (Element e : copy.getAllElements()) {
            if (e != copy && isComment(e) && e.parent() != null) {
                e.remove();
            }
        }
        return PlainText.of(copy);
    }

    /** The text of the first element matching {@code query} that belongs to {@code item}, not to a reply. */
    private static String first(Element item, String query, List<Element> items) {
        // the selectors in the order given, most specific first
        for (String selector : query.split(",")) {
            for (Element e : item.select(selector)) {
                if (owner(e, items) == item) {
                    String t = e.text().strip();
                    if (!t.isEmpty()) {
                        return query.equals(CONTENT) ? PlainText.of(e) : t;
                    }
                }
            }
        }
        return null;
    }

    private static String date(Element item, List<Element> items) {
        Elements times = item.getElementsByTag("time");
        for (Element time : times) {
            if (owner(time, items) == item) {
                String d = Dates.normalise(time.hasAttr("datetime") ? time.attr("datetime") : time.text());
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /** The innermost comment that {@code e} sits in. */
    private static Element owner(Element e, List<Element> items) {
        for (Element p = e; p != null; p = p.parent()) {
            if (items.contains(p)) {
                return p;
            }
        }
        return null;
    }

    private static String line(String s) {
        return s == null ? null : ControlCharacters.line(s);
    }
}
