package dev.arca.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes furniture left inside the chosen content: the heading that repeats the title, blocks
 * that are only a furniture label or prompt ("Share this", cookie and newsletter notices,
 * "Leave a Reply"), everything from a heading that opens comments or related posts onwards,
 * "Read more: ..." teasers, lone image credits, and, as Readability does, lists, tables and
 * divs that are mostly links, images or form controls rather than text.
 */
final class Clean implements Step {

    private static final Set<String> CONDITIONAL = Set.of("table", "ul", "ol", "div", "section", "form",
            "fieldset", "dl", "header", "center");
    /** Blocks whose whole text is judged; a link or bold run is judged with the block around it. */
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "div", "li", "span", "h2", "h3", "h4", "h5", "h6",
            "section", "figcaption", "small", "dt", "dd", "header", "td", "ul", "aside");
    /** Furniture labels are small; larger subtrees are judged by their statistics alone. */
    private static final int MAX_LABEL_ELEMENTS = 40;
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Pattern AD_WORDS = Pattern.compile(
            "^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LOADING_WORDS = Pattern.compile(
            "^((loading|正在加载|Загрузка|chargement|cargando)(…|\\.\\.\\.)?)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SHARE = Pattern.compile("(\\b|_)(share|sharedaddy)(\\b|_)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public void apply(Page page) {
        Element content = page.content();
        if (content == null) {
            return;
        }
        Map<Element, Block> blocks = page.blocks();
        blocks.clear();
        Block.measure(content, blocks);
        removeTitleHeading(content, page.metadata().title(), blocks);
        boolean conditional = page.strictness() != Page.Strictness.NO_CLEANING;
        boolean weigh = page.strictness().ordinal() < Page.Strictness.IGNORE_CLASSES.ordinal();
        Elements all = content.getAllElements();
        List<Element> headings = new ArrayList<>();
        Removal doomed = new Removal();
        for (int i = all.size() - 1; i > 0; i--) {
            Element e = all.get(i);
            if (e.parent() == null) {
                continue;
            }
            Block b = blocks.get(e);
            if (b == null) {
                continue;
            }
            if (b.textLen < 130 && b.elements <= MAX_LABEL_ELEMENTS && isHeadingLike(e) && FurnitureText.opensFurnitureSection(e.text())) {
                headings.add(0, e);
            } else if (isFurniture(e, b, weigh) || conditional && CONDITIONAL.contains(e.normalName())
                    && conditionallyRemovable(e, b, blocks, weigh)) {
                doomed.add(e);
                Block.detach(e.parent(), b, blocks);
            }
        }
        doomed.apply();
        cutFurnitureSections(content, headings, blocks);
        page.linkDensity(blocks.getOrDefault(content, Block.EMPTY).linkDensity());
    }

    private static void remove(Element e, Map<Element, Block> blocks) {
        Element parent = e.parent();
        Block b = blocks.get(e);
        e.remove();
        if (b != null) {
            Block.detach(parent, b, blocks);
        }
    }

    /** The first h1/h2 that repeats the headline is the title, which the body does not carry. */
    private static void removeTitleHeading(Element content, String title, Map<Element, Block> blocks) {
        if (title == null) {
            return;
        }
        for (Element h : content.select("h1, h2")) {
            String text = h.text();
            if (text.length() < 4 * title.length() + 20 && Titles.similarity(title, text) > 0.75
                    && Titles.similarity(text, title) > 0.75) {
                remove(h, blocks);
                return;
            }
        }
    }

    private static boolean isFurniture(Element e, Block b, boolean weigh) {
        String tag = e.normalName();
        if (tag.equals("img") || tag.equals("br") || tag.equals("hr")) {
            return false;
        }
        if (weigh && HEADINGS.contains(tag) && (tag.equals("h1") || tag.equals("h2")) && ClassNames.weight(e) < 0) {
            return true;
        }
        if (b.textLen == 0) {
            return isEmptyBlock(e, b);
        }
        if (weigh && SHARE.matcher(ClassNames.of(e)).find() && b.textLen < 500) {
            return true;
        }
        if (b.textLen > 300 || b.elements > MAX_LABEL_ELEMENTS || !TEXT_BLOCKS.contains(tag)) {
            return false;
        }
        String text = e.text();
        if (FurnitureText.isFurniture(text) || FurnitureText.isPrompt(text) || FurnitureText.isSourceLine(text)) {
            return true;
        }
        if (b.textLen < 120 && ClassNames.metaLine(e) || b.textLen < 35 && isDateOnly(text)) {
            return true;
        }
        if (b.linkDensity() > 0.4 && FurnitureText.isTeaser(text)) {
            return true;
        }
        if (!b.hasBlockChild && b.linkDensity() > 0.95 && b.textLen < 200 && links(e) >= 2) {
            // a line made only of several links is a menu, a tag list or a row of teasers
            return true;
        }
        boolean captionLike = tag.equals("figcaption") || tag.equals("span") || tag.equals("small")
                || tag.equals("p") || tag.equals("div") || tag.equals("em");
        return captionLike && (FurnitureText.isCredit(text)
                || ClassNames.of(e).contains("credit") && b.textLen < 120);
    }

    /** A line that is only a date ("16 February 2024") is metadata, not story. */
    private static boolean isDateOnly(String text) {
        return text.length() < 35 && hasYear(text) && Dates.normalise(text) != null;
    }

    private static int links(Element e) {
        return e.getElementsByTag("a").size();
    }

    private static boolean hasYear(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = Character.isDigit(text.charAt(i)) ? run + 1 : 0;
            if (run == 4) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmptyBlock(Element e, Block b) {
        String tag = e.normalName();
        if (b.images > 0 || b.embeds > 0) {
            return false;
        }
        return tag.equals("p") || tag.equals("div") || tag.equals("section") || tag.equals("span")
                || HEADINGS.contains(tag) || tag.equals("li") || tag.equals("ul") || tag.equals("ol")
                || tag.equals("a") || tag.equals("figure") || tag.equals("header") || tag.equals("table");
    }

    /** Readability's conditional cleaning, on measured statistics instead of repeated queries. */
    private static boolean conditionallyRemovable(Element e, Block b, Map<Element, Block> blocks, boolean weigh) {
        String tag = e.normalName();
        if (tag.equals("table") && isDataTable(e, b)) {
            return false;
        }
        if (!tag.equals("div") && !tag.equals("section") && !b.hasBlockChild && b.textLen > 0 && !isList(tag)) {
            return false;
        }
        if ((tag.equals("div") || tag.equals("section")) && !b.hasBlockChild) {
            return false;
        }
        if (hasAncestor(e, "code") || hasAncestor(e, "pre")) {
            return false;
        }
        int weight = weigh ? ClassNames.weight(e) : 0;
        if (weight < 0) {
            return true;
        }
        if (b.commas >= 10) {
            return false;
        }
        boolean list = isList(tag) || b.textLen > 0 && (double) b.listLen / b.textLen > 0.9;
        int p = b.paragraphs;
        int img = b.images;
        int li = b.listItems - 100;
        int input = b.inputs;
        double headingDensity = b.textLen == 0 ? 0 : (double) b.headingLen / b.textLen;
        int contentLength = b.textLen;
        double linkDensity = b.linkDensity();
        boolean inFigure = img > 0 && hasAncestor(e, "figure");
        if (contentLength < 40 && b.elements <= MAX_LABEL_ELEMENTS) {
            String text = e.text();
            if (AD_WORDS.matcher(text).matches() || LOADING_WORDS.matcher(text).matches()) {
                return true;
            }
        }
        boolean remove = !inFigure && img > 1 && (double) p / img < 0.5
                || !list && li > p
                || input > p / 3
                || !list && !inFigure && headingDensity < 0.9 && contentLength < 25 && (img == 0 || img > 2)
                && linkDensity > 0
                || !list && weight < 25 && linkDensity > 0.2
                || weight >= 25 && linkDensity > 0.5
                || b.embeds == 1 && contentLength < 75 || b.embeds > 1
                || img == 0 && b.textishLen == 0 && contentLength > 0 && b.hasBlockChild;
        if (list && remove) {
            for (Element child : e.children()) {
                if (Block.childElements(child, 1) > 1) {
                    return true;
                }
            }
            if (img == b.listItems) {
                return false;
            }
        }
        return remove;
    }

    private static boolean isList(String tag) {
        return tag.equals("ul") || tag.equals("ol") || tag.equals("dl");
    }

    private static boolean hasAncestor(Element e, String tag) {
        int depth = 0;
        for (Element p = e.parent(); p != null && depth < 20; p = p.parent(), depth++) {
            if (p.normalName().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** A table of data (headers, caption, many cells) rather than one used for layout. */
    static boolean isDataTable(Element table, Block b) {
        if (table.attr("role").equals("presentation") || table.attr("datatable").equals("0")) {
            return false;
        }
        if (!table.attr("summary").isEmpty() || table.selectFirst("caption, th, thead, tfoot, colgroup") != null) {
            return true;
        }
        if (table.selectFirst("table") != null && table.select("table").size() > 1) {
            return false;
        }
        Elements rows = table.select("tr");
        int columns = 0;
        for (Element row : rows) {
            columns = Math.max(columns, row.select("td").size());
        }
        return rows.size() >= 10 || columns > 4 || rows.size() * columns > 10;
    }

    /**
     * A heading that opens comments, related posts, an author bio or a newsletter box ends the
     * story: it and everything after it at its level go.
     */
    private static void cutFurnitureSections(Element content, List<Element> headings, Map<Element, Block> blocks) {
        int total = blocks.getOrDefault(content, Block.EMPTY).textLen;
        for (Element h : headings) {
            if (h.parent() == null) {
                continue;
            }
            Element start = h;
            while (start.parent() != null && start.parent() != content && Block.childElements(start.parent(), 1) == 1) {
                start = start.parent();
            }
            if (start.parent() == null) {
                continue;
            }
            int before = textBefore(content, start, blocks);
            if (before < 0.3 * total && before < 200) {
                continue;
            }
            List<Node> cut = new ArrayList<>();
            for (Node n = start; n != null; n = n.nextSibling()) {
                cut.add(n);
            }
            cut.forEach(Node::remove);
        }
    }

    /** A heading, or a paragraph that is only bold text, as CMS editors write section titles. */
    private static boolean isHeadingLike(Element e) {
        String tag = e.normalName();
        if (HEADINGS.contains(tag)) {
            return true;
        }
        if (!(tag.equals("strong") || tag.equals("b"))) {
            return false;
        }
        Element parent = e.parent();
        return parent != null && Block.childElements(parent, 1) == 1 && (parent.normalName().equals("p")
                || parent.normalName().equals("div")) && parent.ownText().isBlank();
    }

    private static int textBefore(Element content, Element target, Map<Element, Block> blocks) {
        int sum = 0;
        for (Element e = target; e != null && e != content; e = e.parent()) {
            for (Element s = e.previousElementSibling(); s != null; s = s.previousElementSibling()) {
                sum += blocks.getOrDefault(s, Block.EMPTY).textLen;
            }
        }
        return sum;
    }
}
