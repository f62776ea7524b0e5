package dev.arca.extract;

import org.jsoup.nodes.Element;

import java.util.Set;

/**
 * Posts from social networks that a story quotes, embedded as the networks ask publishers to:
 * a {@code <blockquote>} with the network's class (a tweet, an Instagram or TikTok post, a
 * Bluesky, Mastodon or Threads post), whose text and links are the quote's fallback. They are
 * part of the story, so pruning and cleaning keep them, and the wrappers around them, whatever
 * the wrappers are named ("social-embed").
 */
final class SocialEmbeds {

    private static final Set<String> CLASSES = Set.of("twitter-tweet", "twitter-video", "instagram-media",
            "tiktok-embed", "bluesky-embed", "mastodon-embed", "text-post-media", "reddit-embed-bq",
            "reddit-card", "fb-xfbml-parse-ignore", "threads-embed");
    private SocialEmbeds() {
    }

    /** True when {@code e} is the blockquote of an embedded post. */
    static boolean isEmbed(Element e) {
        if (!e.normalName().equals("blockquote") || e.attributesSize() == 0) {
            return false;
        }
        for (String c : e.classNames()) {
            if (CLASSES.contains(c.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Around an embedded post a wrapper holds little else: a label, a caption. */
    private static final int WRAPPER_TEXT = 150;
    private static final int MAX_WRAPPED = 2;

    /**
     * True when {@code e} wraps one or two embedded posts and little else, whatever it is named
     * ("social-embed"); a sidebar or a thread that shows many posts is not a quote.
     */
    static boolean wrapsEmbed(Element e) {
        int embeds = 0;
        int embedded = 0;
        for (Element q : e.getElementsByTag("blockquote")) {
            if (isEmbed(q)) {
                if (++embeds > MAX_WRAPPED) {
                    return false;
                }
                embedded += q.text().length();
            }
        }
        return embeds > 0 && e.text().length() - embedded < WRAPPER_TEXT;
    }
}
