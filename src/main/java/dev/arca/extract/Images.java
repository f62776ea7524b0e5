package dev.arca.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * The pictures of a finished body, for the Article's {@code images}: each {@code <img>} with its
 * alternative text, the caption of its {@code <figure>} and the size the page states.
 */
final class Images {

    /** A gallery page can show thousands; the list says what the body shows, not every thumbnail. */
    private static final int MAX_IMAGES = 500;

    private Images() {
    }

    /** The {@code <img>}s of {@code body} (sanitised: every {@code src} absolute), in order. */
    static List<Image> of(Element body) {
        List<Image> out = new ArrayList<>();
        for (Element img : body.getElementsByTag("img")) {
            if (out.size() == MAX_IMAGES) {
                break;
            }
            String src = img.attr("src");
            if (src.isEmpty()) {
                continue;
            }
            out.add(new Image(ControlCharacters.line(src), text(img.attr("alt")), caption(img), size(img.attr("width")),
                    size(img.attr("height")), null));
        }
        return out;
    }

    private static String caption(Element img) {
        Element figure = img.closest("figure");
        Element caption = figure == null ? null : figure.selectFirst("figcaption");
        return caption == null ? null : text(caption.text());
    }

    private static String text(String s) {
        String line = ControlCharacters.line(s);
        return line == null || line.isBlank() ? null : line.strip();
    }

    /** A stated pixel size ("640", "640px"); null for a percentage, nothing or nonsense. */
    static Integer size(String attr) {
        String s = attr.strip();
        if (s.endsWith("px")) {
            s = s.substring(0, s.length() - 2).strip();
        }
        if (s.isEmpty() || s.length() > 6 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int v = Integer.parseInt(s);
        return v == 0 ? null : v;
    }
}
