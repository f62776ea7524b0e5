package dev.arca.archive;

import dev.arca.extract.Article;
import dev.arca.extract.Image;
import dev.arca.fetch.Exchange;
import dev.arca.fetch.FetchedRequisite;
import dev.arca.fetch.ImageSources;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells each of an article's {@link Image}s whether the bundle holds its bytes. Only the archiver
 * knows both what the extractor found and what was fetched after it. An image counts as captured
 * when one of the files its {@code <img>} may show (see {@link ImageSources#candidates}), the one
 * the capture chose or another, came back as a successful response with a body.
 */
final class CapturedImages {

    private CapturedImages() {
    }

    /** {@code article} with every image told whether {@code fetched} holds it. */
    static Article mark(Article article, List<FetchedRequisite> fetched) {
        if (article.images().isEmpty()) {
            return article;
        }
        Set<String> held = held(fetched);
        Map<String, List<String>> candidates = candidates(article);
        List<Image> marked = new ArrayList<>(article.images().size());
        for (Image image : article.images()) {
            List<String> urls = candidates.getOrDefault(image.url(), List.of(image.url()));
            marked.add(image.withCaptured(urls.stream().anyMatch(held::contains)));
        }
        return article.withImages(marked);
    }

    /** The URLs, as asked for, that got a successful response with a body (after any redirects). */
    private static Set<String> held(List<FetchedRequisite> fetched) {
        Set<String> held = new HashSet<>();
        for (FetchedRequisite f : fetched) {
            Exchange response = f.response();
            if (response != null && response.status() / 100 == 2 && response.body().length > 0) {
                held.add(f.requisite().url());
            }
        }
        return held;
    }

    /** Per {@code src} of the body's {@code <img>}s, every file that image may show, itself included. */
    private static Map<String, List<String>> candidates(Article article) {
        Map<String, List<String>> bySrc = new HashMap<>();
        Element body = Jsoup.parseBodyFragment(article.html(), article.url() == null ? "" : article.url()).body();
        for (Element img : body.getElementsByTag("img")) {
            List<String> urls = bySrc.computeIfAbsent(img.attr("src"), src -> new ArrayList<>(List.of(src)));
            urls.addAll(ImageSources.candidates(img));
        }
        return bySrc;
    }
}
