package dev.arca.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Chooses the content: the best-scoring block after discounting link text, moved up to a
 * common ancestor when several strong candidates share one, plus the siblings that look like
 * part of the same story (similar score, or paragraphs of running text with few links).
 */
final class Select implements Step {

    private static final int TOP_CANDIDATES = 5;
    private static final double WIDEN_FACTOR = 2.0;
    private static final int WIDEN_MIN = 1000;
    private static final double WIDEN_MAX_LINKS = 0.25;
    private static final int MIN_SHARED_CANDIDATES = 3;
    /** Running prose a sibling of the best block's own tag and class needs to be kept unscored. */
    private static final int SAME_KIND_PROSE = 400;
    /** Characters of text the one marked-up article must hold to be taken over the best-scoring block. */
    private static final int MIN_ARTICLE_TEXT = 140;
    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");

    @Override
    public void apply(Page page) {
        Element body = page.work().body();
        if (body == null) {
            return;
        }
        Map<Element, Block> blocks = page.blocks();
        List<Element> top = topCandidates(blocks);
        Element best = top.isEmpty() ? null : top.get(0);
        Element content = page.work().createElement("div");
        if (best == null || best == body) {
            moveChildren(body, content);
            page.content(content);
            return;
        }
        best = sharedAncestor(best, top, blocks);
        best = climbToBetterParent(best, blocks);
        best = theOneArticle(body, best, page, blocks);
        while (best.parent() != null && best.parent() != body && Block.childElements(best.parent(), 1) == 1) {
            best = best.parent();
        }
        Block bestBlock = blocks.get(best);
        if (bestBlock != null && !bestBlock.scored) {
            bestBlock.scored = true;
            bestBlock.score = Score.prior(best, true, page.verdicts());
        }
        if (!page.metadata().articleTyped()) {
            // a page that declares itself one article holds one story; others may hold several
            best = widenToMoreProse(best, blocks);
        }
        String description = page.metadata().description();
        Element standfirst = Standfirst.before(best, description);
        addWithSiblings(best, blocks, content);
        if (standfirst != null && !Standfirst.heldBy(content.text(), description)) {
            content.prependChild(Standfirst.copy(standfirst));
        }
        page.content(content);
    }

    private static List<Element> topCandidates(Map<Element, Block> blocks) {
        List<Element> candidates = new ArrayList<>();
        for (Map.Entry<Element, Block> e : blocks.entrySet()) {
            Block b = e.getValue();
            if (b.scored) {
                b.score = b.score * (1 - b.linkDensity());
                candidates.add(e.getKey());
            }
        }
        candidates.sort(Comparator.comparingDouble((Element e) -> blocks.get(e).score).reversed());
        return candidates.size() > TOP_CANDIDATES ? candidates.subList(0, TOP_CANDIDATES) : candidates;
    }

    /** When three or more near-best candidates sit under one ancestor, that ancestor is the article. */
    private static Element sharedAncestor(Element best, List<Element> top, Map<Element, Block> blocks) {
        double bestScore = blocks.get(best).score;
        List<Element> alternatives = new ArrayList<>();
        for (int i = 1; i < top.size(); i++) {
            if (blocks.get(top.get(i)).score / bestScore >= 0.75) {
                alternatives.add(top.get(i));
            }
        }
        if (alternatives.size() < MIN_SHARED_CANDIDATES) {
            return best;
        }
        Element parent = best.parent();
        while (parent != null && !parent.normalName().equals("body")) {
            int contained = 0;
            for (Element alt : alternatives) {
                if (alt.parent() != null && Block.isAncestor(parent, alt)) {
                    contained++;
                }
            }
            if (contained >= MIN_SHARED_CANDIDATES) {
                return parent;
            }
            parent = parent.parent();
        }
        return best;
    }

    /** A parent that scores higher than the candidate holds more of the story. */
    private static Element climbToBetterParent(Element best, Map<Element, Block> blocks) {
        Block b = blocks.get(best);
        double last = b == null ? 0 : b.score;
        double threshold = last / 3;
        Element parent = best.parent();
        while (parent != null && !parent.normalName().equals("body")) {
            Block pb = blocks.get(parent);
            if (pb == null || !pb.scored) {
                parent = parent.parent();
                continue;
            }
            if (pb.score < threshold) {
                break;
            }
            if (pb.score > last) {
                return parent;
            }
            last = pb.score;
            parent = parent.parent();
        }
        return best;
    }

    /**
     * A page that calls itself an article and marks up exactly one {@code <article>}, with the
     * story's headline in it, says where its story is: a short post there beats a longer widget
     * in the sidebar (the blog's "about" box, a teaser list), however the paragraphs score.
     */
    private static Element theOneArticle(Element body, Element best, Page page, Map<Element, Block> blocks) {
        if (!page.metadata().articleTyped()) {
            return best;
        }
        var articles = body.getElementsByTag("article");
        if (articles.size() != 1) {
            return best;
        }
        Element article = articles.get(0);
        Block ab = blocks.get(article);
        if (ab == null || ab.textLen < MIN_ARTICLE_TEXT || Block.isAncestor(article, best) || article == best
                || Block.isAncestor(best, article) || article.selectFirst("h1") == null) {
            return best;
        }
        return article;
    }

    /**
     * Pages that hold several stories (a blog's front page, a news digest) put each in its own
     * block; an ancestor with much more running prose and few links holds all of them.
     */
    private static Element widenToMoreProse(Element best, Map<Element, Block> blocks) {
        Block b = blocks.get(best);
        if (b == null) {
            return best;
        }
        Element chosen = best;
        int prose = b.prose;
        for (Element a = best.parent(); a != null && !a.normalName().equals("html"); a = a.parent()) {
            Block ab = blocks.get(a);
            if (ab == null) {
                break;
            }
            if (ab.prose > WIDEN_FACTOR * prose + WIDEN_MIN && ab.linkDensity() < WIDEN_MAX_LINKS) {
                chosen = a;
                prose = ab.prose;
            }
        }
        return chosen;
    }

    private static void addWithSiblings(Element best, Map<Element, Block> blocks, Element content) {
        Element parent = best.parent();
        double bestScore = blocks.get(best).score;
        double threshold = Math.max(10, bestScore * 0.2);
        String bestClass = best.className();
        List<Element> keep = new ArrayList<>();
        for (Element sibling : parent == null ? List.of(best) : parent.children()) {
            if (sibling == best) {
                keep.add(sibling);
                continue;
            }
            Block sb = blocks.get(sibling);
            if (sb == null) {
                continue;
            }
            boolean sameKind = !bestClass.isEmpty() && sibling.className().equals(bestClass)
                    && sibling.normalName().equals(best.normalName());
            double bonus = sameKind ? bestScore * 0.2 : 0;
            if (sb.scored && sb.score + bonus >= threshold) {
                keep.add(sibling);
            } else if (sameKind && sb.prose >= SAME_KIND_PROSE && sb.linkDensity() < WIDEN_MAX_LINKS) {
                // the story in several boxes of one kind, split by figures and asides: its paragraphs sit too deep to score the box
                keep.add(sibling);
            } else if (sibling.normalName().equals("p") || !sb.hasBlockChild && Block.isBlock(sibling.normalName())) {
                double ld = sb.linkDensity();
                int len = sb.textLen;
                if (len > 80 && ld < 0.25) {
                    keep.add(sibling);
                } else if (len < 80 && len > 0 && ld == 0 && SENTENCE_END.matcher(sibling.text()).find()) {
                    keep.add(sibling);
                }
            }
        }
        for (Element e : keep) {
            content.appendChild(e);
        }
    }

    private static void moveChildren(Element from, Element to) {
        List<Node> children = new ArrayList<>(from.childNodes());
        for (Node n : children) {
            to.appendChild(n);
        }
    }
}
