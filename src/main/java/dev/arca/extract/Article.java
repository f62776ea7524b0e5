package dev.arca.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What arca keeps of a page for readers: its metadata and its clean content.
 *
 * <p>An immutable value that crosses every stage after extraction: the bundle stores it as
 * {@code article/article.json} and as a WARC metadata record, the store lists it, and the
 * renderers turn it into Markdown, text or a standalone page. Its JSON form is the record's
 * components in camelCase; absent values are {@code null}, absent lists are empty.
 *
 * @param url           the address the page was fetched from (after redirects)
 * @param canonicalUrl  the page's own {@code <link rel=canonical>} or {@code og:url}, absolute
 * @param title         the page's title as its metadata writes it (a site name the publisher put in stays; see
 *                      {@code headline}); from {@code <title>} alone, without site-name suffix or section prefix
 * @param byline        the authors as the page states them, e.g. "Jane Doe and John Roe"
 * @param authors       the individual author names
 * @param published     ISO-8601 date or date-time, with offset when the page gives one
 * @param modified      ISO-8601 date or date-time of the last update
 * @param siteName      the publication's name
 * @param language      BCP 47 language tag, e.g. "en" or "pt-BR"
 * @param description   the standfirst or meta description
 * @param leadImage     absolute URL of the lead image
 * @param tags          keywords and sections
 * @param sourceUrl     the original outlet when the page republishes a story ("Source link")
 * @param mediaType     the media type of the response, e.g. "text/html" or "application/pdf"
 * @param confidence    0–1: how sure the extractor is that the page is an article
 * @param wordCount     words in {@code text}
 * @param text          the body as plain text, one block per line, no title or metadata lines
 * @param html          the body as sanitised HTML with absolute URLs
 * @param direction     "rtl" for right-to-left text (Arabic, Hebrew, Persian, Urdu ...), "ltr" otherwise; null when unknown
 * @param provenance    per metadata field (named as in this record): where its value came from, how sure arca is,
 *                      and the value that lost when sources disagreed
 * @param comments      the page's comment thread, when extraction was asked to keep it apart; never part of the body
 * @param headline      the title without the site's name at its end or start, where the page proves the name is the
 *                      site's ({@code og:site_name}, the JSON-LD publisher, the host name); else the title
 * @param section       the section the page files the story under ({@code article:section}, JSON-LD {@code articleSection})
 * @param favicon       absolute URL of the icon the page declares ({@code <link rel=icon>})
 * @param images        the pictures the body shows, in order
 */
public record Article(
        String url,
        String canonicalUrl,
        String title,
        String byline,
        List<String> authors,
        String published,
        String modified,
        String siteName,
        String language,
        String description,
        String leadImage,
        List<String> tags,
        String sourceUrl,
        String mediaType,
        double confidence,
        int wordCount,
        String text,
        String html,
        String direction,
        Map<String, Provenance> provenance,
        List<Comment> comments,
        String headline,
        String section,
        String favicon,
        List<Image> images) {

    public Article {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        text = text == null ? "" : text;
        html = html == null ? "" : html;
        // ordered as the fields are: a copy that keeps the order, read-only
        provenance = provenance == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        comments = comments == null ? List.of() : List.copyOf(comments);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** An article without direction, provenance, comments, headline, section, favicon or images (as stored before arca recorded them). */
    public Article(String url, String canonicalUrl, String title, String byline, List<String> authors, String published,
            String modified, String siteName, String language, String description, String leadImage, List<String> tags,
            String sourceUrl, String mediaType, double confidence, int wordCount, String text, String html) {
        this(url, canonicalUrl, title, byline, authors, published, modified, siteName, language, description, leadImage,
                tags, sourceUrl, mediaType, confidence, wordCount, text, html, null, Map.of(), List.of(), null, null, null,
                List.of());
    }

    /** This article with {@code newImages} as its pictures (the same, told whether they were captured). */
    public Article withImages(List<Image> newImages) {
        return new Article(url, canonicalUrl, title, byline, authors, published, modified, siteName, language, description,
                leadImage, tags, sourceUrl, mediaType, confidence, wordCount, text, html, direction, provenance, comments,
                headline, section, favicon, newImages);
    }

    /**
     * The article of a page nothing could be extracted from: where it came from and what it is,
     * no title, no body, confidence 0.
     */
    public static Article unextracted(String url, String mediaType) {
        return ofNonHtml(url, mediaType, null);
    }

    /**
     * An article for a response that is not HTML (a PDF, an image): metadata only, no body. The
     * title (often the URL's decoded last segment) loses its control characters like any other.
     */
    public static Article ofNonHtml(String url, String mediaType, String title) {
        return new Article(url, null, ControlCharacters.line(title), null, List.of(), null, null, null, null, null, null,
                List.of(), null, mediaType, 0.0, 0, "", "");
    }
}
