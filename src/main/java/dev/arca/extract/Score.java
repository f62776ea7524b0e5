package dev.arca.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores blocks as Readability does: every paragraph of at least 25 characters gives its
 * parent a score for its length and commas, its grandparent half of that, and more distant
 * ancestors less; each container starts from a prior for its tag and its class names.
 * Text statistics come from one bottom-up pass ({@link Block#measure}).
 */
final class Score implements Step {

    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "section", "h2", "h3", "h4", "h5",
            "h6");
    /** Containers that Readability turns into paragraphs when they hold no block. */
    private static final Set<String> DIV_LIKE = Set.of("div", "article", "main", "center", "font", "span",
            "blockquote", "body", "dd", "form");
    private static final int MIN_PARAGRAPH = 25;
    private static final int MAX_ANCESTORS = 5;

    @Override
    public void apply(Page page) {
        Element body = page.work().body();
        if (body == null) {
            return;
        }
        Map<Element, Block> blocks = page.blocks();
        Block.measure(body, blocks);
        boolean weighClasses = page.strictness().ordinal() < Page.Strictness.IGNORE_CLASSES.ordinal();
        List<Element> paragraphs = new ArrayList<>();
        for (Map.Entry<Element, Block> entry : blocks.entrySet()) {
            Element e = entry.getKey();
            String tag = e.normalName();
            Block b = entry.getValue();
            if (b.textLen >= MIN_PARAGRAPH && (PARAGRAPH_TAGS.contains(tag) || DIV_LIKE.contains(tag))) {
                paragraphs.add(e);
            }
        }
        for (Element p : paragraphs) {
            Block b = blocks.get(p);
            String tag = p.normalName();
            boolean leaf = !b.hasBlockChild;
            int len;
            int commas;
            if (leaf || PARAGRAPH_TAGS.contains(tag)) {
                len = leaf ? b.textLen : b.inlineLen;
                commas = leaf ? b.commas : b.inlineCommas;
            } else {
                len = b.inlineLen;
                commas = b.inlineCommas;
            }
            if (len < MIN_PARAGRAPH) {
                continue;
            }
            if (!leaf && !PARAGRAPH_TAGS.contains(tag) && !DIV_LIKE.contains(tag)) {
                continue;
            }
            double contentScore = 1 + commas + Math.min(len / 100, 3);
            // a real paragraph feeds its ancestors; inline text mixed with blocks feeds its own container
            Element target = leaf || PARAGRAPH_TAGS.contains(tag) ? p.parent() : p;
            for (int level = 0; target != null && level < MAX_ANCESTORS; level++) {
                if (target.normalName().equals("html") || target.parent() == null) {
                    break;
                }
                Block tb = blocks.get(target);
                if (tb == null) {
                    break;
                }
                if (!tb.scored) {
                    tb.scored = true;
                    tb.score = prior(target, weighClasses, page.verdicts());
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                tb.score += contentScore / divider;
                target = target.parent();
            }
        }
    }

    /** The starting score of a container: its tag's prior plus its class weight. */
    static double prior(Element e, boolean weighClasses, ClassNames.Verdicts verdicts) {
        double s = switch (e.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return s + (weighClasses ? verdicts.weight(e) : 0);
    }
}
