package dev.arca.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes the labels a page puts above its story inside the chosen content: the section kicker
 * ("Energy"), the breadcrumb trail ("Home &gt; News &gt; Transport"), a "Top stories" link. They
 * are short lines made of links that come before the story's first line of its own text; a
 * list or a table there ends the search, since it is content or judged as a list.
 */
public final class LeadLabels implements Step {

    private static final int MAX_LABEL = 80;
    private static final double LINKS = 0.8;
    /** A line with this much text that is not a link is the story (or its standfirst) beginning. */
    private static final int STORY_TEXT = 20;
    private static final int MAX_LABELS = 5;

    @Override
    public void apply(Page page) {
        Element content = page.content();
        if (content == null) {
            return;
        }
        List<Element> labels = new ArrayList<>();
        for (Element e : content.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("ul") || tag.equals("ol") || tag.equals("table")) {
                // a list or table at the start is content (or cleaned as a list elsewhere)
                break;
            }
            if (e == content || !(Block.isBlock(tag) || looseLink(e, page))) {
                continue;
            }
            Block b = page.block(e);
            if (b.textLength() == 0 || b.hasBlockChild) {
                continue;
            }
            if (b.textLength() < MAX_LABEL && b.linkDensity() >= LINKS) {
                labels.add(e);
                if (labels.size() > MAX_LABELS) {
                    // a run of link lines this long is a list, not a header
                    return;
                }
            } else if (b.textLength() - b.linkLen >= STORY_TEXT) {
                break;
            }
        }
        labels.forEach(Element::remove);
    }

    /** A link that stands on a line of its own, between blocks (a kicker beside the headline). */
    private static boolean looseLink(Element e, Page page) {
        Element parent = e.parent();
        if (!e.normalName().equals("a") || parent == null) {
            return false;
        }
        Block pb = page.block(parent);
        // alone between blocks: the parent's own text is this link and nothing else
        return pb.hasBlockChild && pb.inlineLen <= page.block(e).textLength() + 2;
    }
}
