package dev.arca.render;

import dev.arca.fetch.ImageSources;
import org.jsoup.nodes.Element;

import java.util.Optional;

/**
 * What an article's {@code <img>} points at in a rendered form: its original URL (Markdown on
 * stdout), a {@code data:} URI of its captured bytes (a standalone page), or a file beside the
 * page (a folder export). Empty means the image was not captured: the renderer shows its alt text.
 */
@FunctionalInterface
interface ImageLinks {

    Optional<String> link(Element img);

    /** The image's own absolute http(s) URL. */
    static ImageLinks original() {
        return img -> {
            String src = img.attr("src");
            String url = MarkdownSyntax.isWebUrl(src) ? src : img.absUrl("src");
            return MarkdownSyntax.isWebUrl(url) ? Optional.of(url) : Optional.empty();
        };
    }

    /** The first captured candidate (see {@link ImageSources#candidates}) as a {@code data:} URI. */
    static ImageLinks embedded(CapturedResources resources) {
        return img -> captured(img, resources).map(image -> DataUri.of(image.type().mediaType, image.bytes()));
    }

    /** The first candidate of {@code img} that the capture holds as an image a browser shows. */
    static Optional<CapturedImage> captured(Element img, CapturedResources resources) {
        for (String url : ImageSources.candidates(img)) {
            Optional<CapturedResource> found = resources.find(url);
            if (found.isPresent()) {
                ImageType type = ImageType.sniff(found.get().bytes());
                if (type != null) {
                    return Optional.of(new CapturedImage(url, found.get().bytes(), type));
                }
            }
        }
        return Optional.empty();
    }

    /** An image the capture holds: the URL it was captured from, its bytes and their format. */
    record CapturedImage(String url, byte[] bytes, ImageType type) {
    }

    /**
     * Puts {@code img}'s alt text in its place, marked as a missing picture, so that a reader sees
     * what it showed rather than a broken-image icon; an image without alt text just goes.
     */
    static void showAltText(Element img) {
        String alt = Bylines.oneLine(img.attr("alt"));
        if (alt.isEmpty()) {
            img.remove();
        } else {
            img.replaceWith(new Element("span").addClass("missing-image").text(alt));
        }
    }
}
