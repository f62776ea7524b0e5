package dev.arca.bench;

import dev.arca.extract.Article;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Modern news pages of a chosen size, reproducible from a seed, for measuring how extraction
 * time grows with the page: a header with a menu, JSON-LD and OpenGraph metadata, inline
 * scripts and styles, a story of paragraphs, figures, subheadings and quotes, share bars and
 * advertisement slots inside it, a sidebar and a related-stories rail, a comment thread and a
 * footer. Every part grows with the page, as on real big pages (long stories, long threads,
 * long rails of teasers, big inline scripts), so that a step that is superlinear in any of them
 * shows.
 */
final class SyntheticPages {

    private final SyntheticArticles articles;

    SyntheticPages(long seed) {
        this.articles = new SyntheticArticles(seed, 20_000);
    }

    /** Page number {@code n} of about {@code bytes} bytes of UTF-8. */
    byte[] page(long n, int bytes) {
        Random random = new Random(n * 7919 + bytes);
        Article story = articles.article(n).article();
        StringBuilder html = new StringBuilder(bytes + 16_384);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(story.title())
                .append(" | ").append(story.siteName()).append("</title>")
                .append("<meta property=\"og:title\" content=\"").append(story.title()).append("\">")
                .append("<meta property=\"og:site_name\" content=\"").append(story.siteName()).append("\">")
                .append("<meta property=\"og:type\" content=\"article\">")
                .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",")
                .append("\"headline\":\"").append(story.title()).append("\",\"datePublished\":\"").append(story.published())
                .append("\",\"author\":{\"@type\":\"Person\",\"name\":\"").append(story.byline()).append("\"}}</script>")
                .append("<style>.story p{margin:0 0 1em}.rail li{display:block}</style></head><body class=\"article-page\">")
                .append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">").append(story.siteName())
                .append("</a><nav class=\"main-menu\"><ul>");
        for (int i = 0; i < 12; i++) {
            html.append("<li class=\"menu-item\"><a href=\"/section/").append(i).append("\">Section ").append(i).append("</a></li>");
        }
        html.append("</ul></nav></header><main><article class=\"story\"><h1 class=\"headline\">").append(story.title())
                .append("</h1><p class=\"standfirst\">").append(story.description()).append("</p><div class=\"byline\">By ")
                .append(story.byline()).append("</div><div class=\"story-body\">");
        // the page grows in proportion: three parts story, one part rail, one part thread, one part script
        int storyBytes = bytes / 2;
        long next = n * 1000;
        int paragraph = 0;
        while (html.length() < storyBytes) {
            Article more = articles.article(next++).article();
            for (String p : more.text().split("\n")) {
                html.append("<p>").append(p).append(" <a href=\"/n/").append(next).append("\">more</a></p>");
                if (++paragraph % 7 == 0) {
                    html.append("<figure class=\"image\"><img src=\"/img/").append(paragraph).append(".jpg\" alt=\"\"><figcaption>")
                            .append(more.title()).append(" <span class=\"credit\">Photo: Agency</span></figcaption></figure>");
                }
                if (paragraph % 11 == 0) {
                    html.append("<div class=\"ad-slot\"><span>Advertisement</span></div><h2>").append(more.title()).append("</h2>");
                }
                if (paragraph % 17 == 0) {
                    html.append("<blockquote><p>").append(more.description()).append("</p></blockquote>");
                }
                if (paragraph % 23 == 0) {
                    html.append("<div class=\"share-bar\"><a href=\"https://s.example/f\">Share</a> <a href=\"https://s.example/t\">Tweet</a></div>");
                }
            }
        }
        html.append("</div></article><aside class=\"sidebar\"><h3>Most read</h3><ol class=\"rail\">");
        int railBytes = html.length() + bytes / 6;
        while (html.length() < railBytes) {
            Article teaser = articles.article(next++).article();
            html.append("<li class=\"teaser\"><a href=\"/t/").append(next).append("\"><img src=\"/t/").append(next)
                    .append(".jpg\" alt=\"\"><span class=\"teaser-title\">").append(teaser.title()).append("</span></a><p>")
                    .append(teaser.description()).append("</p></li>");
        }
        html.append("</ol></aside></main><section id=\"comments\" class=\"comments-area\"><h2>Comments</h2><ol class=\"comment-list\">");
        int threadBytes = html.length() + bytes / 6;
        while (html.length() < threadBytes) {
            Article reply = articles.article(next++).article();
            html.append("<li class=\"comment\"><div class=\"comment-author\">").append(reply.byline())
                    .append("</div><div class=\"comment-content\"><p>").append(reply.description()).append("</p></div></li>");
        }
        html.append("</ol></section><script>var config = {\"items\": [");
        while (html.length() < bytes - 200) {
            html.append("{\"id\":").append(random.nextInt(1_000_000)).append(",\"slot\":\"ad-").append(random.nextInt(99))
                    .append("\",\"sizes\":[[300,250],[728,90]]},");
        }
        html.append("{}]};</script><footer class=\"site-footer\"><p>© ").append(story.siteName()).append("</p></footer></body></html>");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The sizes the scaling bench measures, in bytes. */
    static final List<Integer> SIZES = List.of(50 * 1024, 200 * 1024, 1024 * 1024, 5 * 1024 * 1024);
}
