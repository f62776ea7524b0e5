package dev.arca.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    /** Furniture labels are short: longer blocks are judged as prose. */
    private static final int MAX_LABEL_TEXT = 300;
    /** A cookie or consent notice, the longest furniture text judged by its words. */
    private static final int MAX_PROMPT = 600;
    /** A box that begins with the standfirst and holds at most this much text is only its box. */
    private static final int MAX_STANDFIRST_BOX = 1000;
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Elements a page styles into a heading by class. */
    private static final Set<String> HEADING_ELEMENTS = Set.of("div", "p", "span", "strong");
    private static final Pattern HEADING_CLASS = Pattern.compile("(?:^|[\\s_-])(?:h[1-6]|(?:sub)?head(?:ing|line)|title)(?:$|[\\s_-])",
            Pattern.CASE_INSENSITIVE);
    /** The share of the content's text a "see also:" paragraph may have after it and still close the story. */
    private static final double MAX_TEXT_AFTER_PROMPT = 0.15;
    private static final int GALLERY_IMAGES = 3;
    private static final int GALLERY_TEXT_PER_IMAGE = 150;
    private static final int GALLERY_MIN_REST = 500;
    private static final double GALLERY_LINKS = 0.2;
    private static final Set<String> GALLERY_TAGS = Set.of("div", "section", "ul", "ol", "figure");
    /** A gallery's items: pictures in their own blocks, not pictures inline in text (formulas, icons in a table). */
    private static final Set<String> PICTURE_TAGS = Set.of("figure", "div", "li", "a", "img", "picture");
    private static final int MAX_BIO = 600;
    private static final int MAX_SIGNATURE = 80;
    private static final int MAX_READ_ON = 40;
    private static final int WORDS_BEFORE = 1;
    private static final int WORDS_AFTER = 2;
    private static final Set<String> OTHER_STORY_BOXES = Set.of("div", "aside", "section");
    /** A box with less text than this is a note or a quote, not a second story. */
    private static final int MIN_OTHER_STORY = 300;
    private static final double OTHER_STORY_SHARE = 0.4;
    private static final Set<String> READ_ON_TAGS = Set.of("a", "strong", "b", "span", "em", "small");
    private static final Set<String> SIGNATURE_TAGS = Set.of("p", "div", "a", "small", "span");
    private static final double TAIL = 0.6;
    private static final int TAG_ITEM = 30;
    private static final Pattern BIO_VERB = Pattern.compile(
            "\\s*(?:,\\s*)?(?:is|was|has|writes|covers|reports|joined|lives|works|ist|war|schreibt|arbeitet|est|a rejoint|"
                    + "es|escribe|è|scrive|é|escreve)\\b");
    private static final int MAX_DATELINE = 60;
    private static final Pattern DATELINE_LABEL = Pattern.compile("\\W*(?iu:(?:first |last )?(?:posted|published|updated)(?: on| at)?"
            + "|veröffentlicht(?: am)?|aktualisiert(?: am)?|publié le|mis à jour le|publicado(?: el| em)?|actualizado(?: el)?"
            + "|pubblicato(?: il)?|aggiornato(?: il)?|gepubliceerd(?: op)?|bijgewerkt(?: op)?)\\b");
    private static final Pattern AD_WORDS = Pattern.compile(
            "^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LOADING_WORDS = Pattern.compile(
            "^((loading|正在加载|Загрузка|chargement|cargando)(…|\\.\\.\\.)?)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

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
        Set<Element> quoted = embedded(content);
        Judge judge = new Judge(weigh, page.metadata().authors(), content, blocks, page.verdicts(),
                Standfirst.key(page.metadata().description()));
        int total = blocks.getOrDefault(content, Block.EMPTY).textLen;
        List<Element> headings = new ArrayList<>();
        Removal doomed = new Removal();
        for (int i = all.size() - 1; i > 0; i--) {
            Element e = all.get(i);
            if (e.parent() == null || quoted.contains(e)) {
                continue;
            }
            Block b = blocks.get(e);
            if (b == null) {
                continue;
            }
            if (b.textLen < 130 && b.elements <= MAX_LABEL_ELEMENTS && (isHeadingLike(e) || styledAsHeading(e, b)
                    || isListCaption(e)
                    || promptNearTheEnd(e, b, content, total, blocks)) && FurnitureText.opensFurnitureSection(e.text())) {
                // where the section starts is read now, while the heading's box still holds what it announces
                headings.add(0, sectionStart(e, content));
            } else if (isFurniture(e, b, judge) || isAnotherStory(e, b, judge) || conditional && (isGallery(e, b, total, blocks, doomed)
                    || CONDITIONAL.contains(e.normalName()) && conditionallyRemovable(e, b, judge))) {
                doomed.add(e);
                Block.detach(e.parent(), b, blocks);
                Element label = Bylines.labelLeftAlone(e);
                Block lb = label == null || label == content ? null : blocks.get(label);
                if (lb != null) {
                    doomed.add(label);
                    Block.detach(label.parent(), lb, blocks);
                }
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

    /**
     * The embedded social posts below {@code content}, their insides and the wrappers around
     * them: a quoted post is judged as a whole, never by its links or its fallback labels.
     */
    private static Set<Element> embedded(Element content) {
        Set<Element> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Element q : content.getElementsByTag("blockquote")) {
            if (SocialEmbeds.isEmbed(q)) {
                out.addAll(q.getAllElements());
                for (Element p = q.parent(); p != null && p != content; p = p.parent()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * A photo gallery inside a story: several pictures with no more text than short captions,
     * in a story that has far more text elsewhere. On a page that is only a gallery it stays.
     */
    private static boolean isGallery(Element e, Block b, int total, Map<Element, Block> blocks, Removal doomed) {
        if (!GALLERY_TAGS.contains(e.normalName()) || b.images < GALLERY_IMAGES
                || b.textLen > GALLERY_TEXT_PER_IMAGE * b.images
                || b.linkDensity() > GALLERY_LINKS) {
            // a grid of linked teasers is not a gallery: other rules judge it
            return false;
        }
        int rest = total - b.textLen;
        if (rest < GALLERY_MIN_REST || rest < 2 * b.textLen) {
            return false;
        }
        // its items are pictures (with a caption at most), not paragraphs with a formula or an icon inside
        int items = 0;
        int pictures = 0;
        for (Element child : e.children()) {
            Block cb = blocks.get(child);
            if (cb == null || doomed.contains(child) || cb.textLen == 0 && cb.images == 0) {
                continue;
            }
            items++;
            if (cb.images > 0 && cb.textLen < GALLERY_TEXT_PER_IMAGE && cb.headingLen == 0
                    && PICTURE_TAGS.contains(child.normalName())) {
                pictures++;
            }
        }
        return pictures >= GALLERY_IMAGES && pictures >= 0.75 * items;
    }

    /** An author's bio line: the byline's name, then "is", "was", "writes", "covers" ... */
    private static boolean isAuthorBio(String text, List<String> authors) {
        if (text.length() > MAX_BIO || authors.isEmpty()) {
            return false;
        }
        for (String author : authors) {
            if (author.length() > 3 && text.regionMatches(true, 0, author, 0, author.length())
                    && BIO_VERB.matcher(text).region(author.length(), text.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A line that only signs the story, at its head or its foot: a byline word and the byline's name
     * ("Von: Götz Warnke"), or a name with the post's date ("Verfasst von: anna | 31. Dezember 2008").
     */
    private static boolean isSignature(String text, List<String> authors) {
        if (text.length() > MAX_SIGNATURE || !Bylines.mayStartByline(text)) {
            return false;
        }
        String names = Bylines.withoutBy(text).strip();
        String bare = names.length() == text.strip().length() ? null : Bylines.withoutDate(names);
        if (bare == null) {
            return false;
        }
        bare = bare.replaceAll("[\\s|·•,;–—-]+$", "");
        for (String author : authors) {
            if (author.equalsIgnoreCase(bare)) {
                return true;
            }
        }
        return !bare.equals(names) && Bylines.readsAsNames(bare);
    }

    /**
     * A box set into the story that holds another one, under its own headline and byline: "{@code
     * <div class="factbox"><h3>Prince Charles: ...</h3><p>By Tom Pyman for MailOnline</p>...}". Its
     * names are none of the page's authors, and no sibling box is of its kind (a live blog's
     * entries, each with its own writer, are).
     */
    private static boolean isAnotherStory(Element e, Block b, Judge judge) {
        if (!OTHER_STORY_BOXES.contains(e.normalName()) || b.textLen < MIN_OTHER_STORY || judge.authors().isEmpty()
                || e == judge.content()
                || b.textLen > OTHER_STORY_SHARE * judge.blocks().getOrDefault(judge.content(), Block.EMPTY).textLen) {
            // the story's own box, headline and byline first, is most of the content
            return false;
        }
        Element heading = e.firstElementChild();
        Element next = heading == null || !HEADINGS.contains(heading.normalName()) ? null : heading.nextElementSibling();
        Element line = next == null || next.normalName().equals("p") ? next : next.selectFirst("p");
        String text = line == null ? "" : line.text();
        if (text.length() > MAX_SIGNATURE * 2 || !Bylines.mayStartByline(text)) {
            return false;
        }
        String names = Bylines.withoutBy(text).toLowerCase(Locale.ROOT);
        for (String author : judge.authors()) {
            if (names.contains(author.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        String kind = e.className();
        for (Element sibling : e.parent().children()) {
            if (sibling != e && sibling.normalName().equals(e.normalName()) && sibling.className().equals(kind)) {
                return false;
            }
        }
        return true;
    }

    /** A tag line proper: its items are links, or a short comma-separated list. */
    private static boolean isTagList(FurnitureText.Line line, Block b) {
        String text = line.text();
        if (!line.tagLine()) {
            return false;
        }
        if (b.linkDensity() > 0.5) {
            return true;
        }
        String items = text.substring(text.indexOf(':') + 1);
        String[] parts = items.split("[,;|·•]");
        return parts.length >= 2 && items.length() / parts.length < TAG_ITEM;
    }

    /** In the last part of the content, where a story ends and its furniture begins. */
    private static boolean inTail(Element e, Element content, Map<Element, Block> blocks) {
        int total = blocks.getOrDefault(content, Block.EMPTY).textLen;
        return textBefore(content, e, blocks) >= TAIL * total;
    }

    /** What the furniture tests need to know of the page besides the element itself. */
    private record Judge(boolean weigh, List<String> authors, Element content, Map<Element, Block> blocks,
            ClassNames.Verdicts verdicts, String standfirstKey) {
    }

    private static boolean isFurniture(Element e, Block b, Judge judge) {
        boolean weigh = judge.weigh();
        int bits = judge.verdicts().bits(e);
        String tag = e.normalName();
        if (tag.equals("img") || tag.equals("br") || tag.equals("hr")) {
            return false;
        }
        if (weigh && HEADINGS.contains(tag) && (tag.equals("h1") || tag.equals("h2")) && judge.verdicts().weight(e) < 0) {
            return true;
        }
        if (b.textLen == 0) {
            return isEmptyBlock(e, b);
        }
        if (weigh && (bits & ClassNames.SHARE_TOKEN) != 0 && b.textLen < 500) {
            return true;
        }
        // the element's text is read once, by the first test that needs it
        String text = null;
        if (b.textLen <= MAX_BIO && !b.hasBlockChild && (tag.equals("p") || tag.equals("div")) && !judge.authors().isEmpty()) {
            text = e.text();
            if (isAuthorBio(text, judge.authors()) && inTail(e, judge.content(), judge.blocks())) {
                return true;
            }
        }
        if (b.textLen <= MAX_SIGNATURE && SIGNATURE_TAGS.contains(tag)) {
            text = textOf(e, text);
            if (isSignature(text, judge.authors()) && (b.hasBlockChild || standsAlone(e, judge.blocks()))
                    && !hasAncestor(e, "pre") && !hasAncestor(e, "code")) {
                return true;
            }
        }
        if (b.textLen < MAX_READ_ON && READ_ON_TAGS.contains(tag)) {
            text = textOf(e, text);
            if (isReadOn(e, text) && !isReadOn(e.parent()) && endsItsParagraph(e, judge.blocks())) {
                // the outermost of "<strong>[<a><span>read more</span></a>]</strong>", brackets and all
                return true;
            }
        }
        if ((bits & ClassNames.TEASER_TOKEN) != 0 && b.textLen < MAX_LABEL_TEXT && b.linkDensity() > 0.5) {
            // a card that links to another story; a lead named "teaser" is text, not links
            return true;
        }
        if (b.textLen > MAX_PROMPT || b.elements > MAX_LABEL_ELEMENTS || !TEXT_BLOCKS.contains(tag)) {
            return false;
        }
        text = textOf(e, text);
        FurnitureText.Line line = FurnitureText.Line.of(text);
        if (b.textLen > MAX_LABEL_TEXT) {
            // a long cookie or consent notice, as long as its text is its own and not its paragraphs'
            return b.inlineLen * 5 >= b.textLen * 4 && line.consent();
        }
        if (line.furniture() || line.sourceLine() || line.legalFooter() || isTagList(line, b) || line.metaFields()) {
            return true;
        }
        if (b.textLen < 120 && (bits & ClassNames.META_TOKEN) != 0 || b.textLen < MAX_DATELINE && isDateOnly(text)) {
            return true;
        }
        if (b.linkDensity() > 0.4 && line.teaser()) {
            return true;
        }
        if (!b.hasBlockChild && b.linkDensity() > 0.95 && b.textLen < 200 && links(e) >= 2) {
            // a line made only of several links is a menu, a tag list or a row of teasers
            return true;
        }
        boolean captionLike = tag.equals("figcaption") || tag.equals("span") || tag.equals("small")
                || tag.equals("p") || tag.equals("div") || tag.equals("em");
        return captionLike && (line.credit()
                || (bits & ClassNames.CAPTION_TOKEN) != 0 && ClassNames.of(e).contains("credit") && b.textLen < 120);
    }

    private static boolean isReadOn(Element e) {
        return e != null && READ_ON_TAGS.contains(e.normalName()) && isReadOn(e, e.text());
    }

    /** Whether {@code e}, one of {@link #READ_ON_TAGS}, whose text is {@code text}, is a "read more" link. */
    private static boolean isReadOn(Element e, String text) {
        return FurnitureText.isReadOn(text) && (e.normalName().equals("a") || e.selectFirst("a") != null);
    }

    /** {@code known}, the text of {@code e} if a test has read it already, else the text read now. */
    private static String textOf(Element e, String known) {
        return known != null ? known : e.text();
    }

    /**
     * True when {@code link} closes a paragraph of other text: "... in Polsce. [czytaj więcej]".
     * A link standing alone is judged as a block.
     */
    private static boolean endsItsParagraph(Element link, Map<Element, Block> blocks) {
        return wordsBeside(link, blocks) == WORDS_BEFORE;
    }

    /** True when {@code e} is all the text of the block it sits in, not words inside a sentence. */
    private static boolean standsAlone(Element e, Map<Element, Block> blocks) {
        return Block.isBlock(e.normalName()) || wordsBeside(e, blocks) == 0;
    }

    /**
     * Which sides of {@code e}, within the block it sits in, hold words: {@link #WORDS_BEFORE},
     * {@link #WORDS_AFTER}, both or neither. Each side is read only as far as its first word.
     */
    private static int wordsBeside(Element e, Map<Element, Block> blocks) {
        Node n = e;
        int sides = 0;
        while (true) {
            for (Node s = n.nextSibling(); s != null && (sides & WORDS_AFTER) == 0; s = s.nextSibling()) {
                sides |= hasWords(s, blocks) ? WORDS_AFTER : 0;
            }
            for (Node s = n.previousSibling(); s != null && (sides & WORDS_BEFORE) == 0; s = s.previousSibling()) {
                sides |= hasWords(s, blocks) ? WORDS_BEFORE : 0;
            }
            Element parent = n.parent() instanceof Element p ? p : null;
            if (parent == null || Block.isBlock(parent.normalName()) || sides == (WORDS_BEFORE | WORDS_AFTER)) {
                return sides;
            }
            n = parent;
        }
    }

    private static boolean hasWords(Node n, Map<Element, Block> blocks) {
        if (n instanceof TextNode t) {
            return t.getWholeText().codePoints().anyMatch(Character::isLetterOrDigit);
        }
        return n instanceof Element e && blocks.getOrDefault(e, Block.EMPTY).textLen > 0;
    }

    /**
     * A line that is only a date ("16 February 2024"), or a labelled date ("posted on April 21,
     * 2015, at 11:29 a.m.", "Aktualisiert am 3. März 2022"), is metadata, not story.
     */
    private static boolean isDateOnly(String text) {
        boolean dateline = text.length() < 35 || text.length() < MAX_DATELINE && DATELINE_LABEL.matcher(text).lookingAt();
        return dateline && hasYear(text) && Dates.normalise(text) != null;
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
    private static boolean conditionallyRemovable(Element e, Block b, Judge judge) {
        Map<Element, Block> blocks = judge.blocks();
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
        String standfirst = judge.standfirstKey();
        if (standfirst != null && b.textLen < MAX_STANDFIRST_BOX && Standfirst.opens(e.text(), standfirst)) {
            // the box of the lead paragraph the description repeats, often set as a heading
            return false;
        }
        int weight = judge.weigh() ? judge.verdicts().weight(e) : 0;
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
    private static void cutFurnitureSections(Element content, List<Element> starts, Map<Element, Block> blocks) {
        int total = blocks.getOrDefault(content, Block.EMPTY).textLen;
        for (Element start : starts) {
            if (!Block.isAncestor(content, start)) {
                // removed already, or inside a box that was
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

    /** The heading, or the box that holds only it: "{@code <div class="related"><h3>Related</h3></div><ul>...}". */
    private static Element sectionStart(Element heading, Element content) {
        Element start = heading;
        while (start.parent() != null && start.parent() != content && Block.childElements(start.parent(), 1) == 1) {
            start = start.parent();
        }
        return start;
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

    /** A label set inside a list, before its items: {@code <ul><span>Related</span><li>...}. */
    private static boolean isListCaption(Element e) {
        Element parent = e.parent();
        return parent != null && isList(parent.normalName()) && !e.normalName().equals("li")
                && e.previousElementSibling() == null;
    }

    /** A box of text whose class makes it a heading: {@code <div class="h3">}, "section-headline". */
    private static boolean styledAsHeading(Element e, Block b) {
        return !b.hasBlockChild && HEADING_ELEMENTS.contains(e.normalName()) && e.attributesSize() > 0
                && HEADING_CLASS.matcher(e.className()).find();
    }

    /**
     * A paragraph of its own that introduces what follows ("Das Thema könnte dich auch
     * interessieren:"), with little of the story after it: the teaser card it announces.
     */
    private static boolean promptNearTheEnd(Element e, Block b, Element content, int total, Map<Element, Block> blocks) {
        if (!e.normalName().equals("p") || b.linkLen > 0 || !e.text().strip().endsWith(":")) {
            return false;
        }
        int after = total - textBefore(content, e, blocks) - b.textLen;
        return after < MAX_TEXT_AFTER_PROMPT * total;
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
