package dev.arca.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tidies picture captions in the chosen content: a caption the page repeats (the same picture
 * in a lightbox, a slideshow, a larger size) is kept once, and the credit written at the end of
 * a caption ("... on Tuesday. Photograph: Lena Morgan/Agency") is cut, since it names who took
 * the picture, not what the story says.
 */
public final class Captions implements Step {

    /** A credit after the caption's text: "Photograph: ...", "Photo: ...", "(Image: ...)", "Foto: ...", "© Agency / Name". */
    private static final Pattern CREDIT_TAIL = Pattern.compile(
            "[\\s(\\[|·•–—-]*(?:(?:photograph|photo|picture|image|illustration|cr[eé]dito?|foto|bild|imagen|immagine|imagem|"
                    + "фото)s?(?:\\s+credit)?\\s*(?::|by|©)|©|\\(c\\))\\s*[^.!?]{1,80}[)\\]]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int MAX_CAPTION = 400;

    @Override
    public void apply(Page page) {
        Element content = page.content();
        if (content == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        Element current = null;
        ClassNames.Verdicts verdicts = page.verdicts();
        for (Element e : content.getAllElements()) {
            if (e.parent() == null || !isCaption(e, verdicts) || current != null && Block.isAncestor(current, e)) {
                // a caption's own parts (the text span of a figcaption) are that caption
                continue;
            }
            current = e;
            cutCredit(e);
            String text = e.text();
            if (text.isEmpty() || text.length() > MAX_CAPTION) {
                continue;
            }
            if (!seen.add(text)) {
                e.remove();
            }
        }
    }

    /** A figcaption, an element named as a caption, or a short text block right after a picture. */
    private static boolean isCaption(Element e, ClassNames.Verdicts verdicts) {
        String tag = e.normalName();
        if (tag.equals("figcaption")) {
            return true;
        }
        if (!(tag.equals("p") || tag.equals("div") || tag.equals("span") || tag.equals("small"))) {
            return false;
        }
        if ((verdicts.bits(e) & ClassNames.CAPTION_TOKEN) != 0) {
            return true;
        }
        Element before = e.previousElementSibling();
        return before != null && isPicture(before) && Block.childElements(e, 3) <= 2;
    }

    /** A picture, or a box or link that holds one picture and no text ({@code <div><a><img></a></div>}). */
    private static boolean isPicture(Element e) {
        String tag = e.normalName();
        if (tag.equals("img") || tag.equals("picture")) {
            return true;
        }
        return (tag.equals("div") || tag.equals("a") || tag.equals("span")) && Block.childElements(e, 2) == 1
                && e.getElementsByTag("img").size() == 1 && !e.hasText();
    }

    private static void cutCredit(Element caption) {
        List<Node> children = caption.childNodes();
        if (children.isEmpty() || !(children.get(children.size() - 1) instanceof TextNode last)) {
            return;
        }
        String text = last.getWholeText();
        var m = CREDIT_TAIL.matcher(text);
        // only a credit that follows the caption's own words; a caption that is only a credit is judged elsewhere
        if (m.find() && m.start() > 0 && !text.substring(0, m.start()).isBlank()) {
            last.text(text.substring(0, m.start()));
        }
    }
}
