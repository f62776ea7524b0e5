package dev.arca.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The working state of one extraction: the parsed document, what the steps have learnt about it,
 * and the content they have chosen. Created per document and never shared between threads.
 */
public final class Page {

    /** How strict the content steps are; each retry after too short a result relaxes one more. */
    public enum Strictness {
        /** Strip unlikely blocks, weigh class names, clean conditionally. */
        FULL,
        /** Keep blocks whose class or id looks unlikely. */
        KEEP_UNLIKELY,
        /** Also ignore class and id weights. */
        IGNORE_CLASSES,
        /** Also skip conditional cleaning. */
        NO_CLEANING
    }

    private final Document original;
    private final String url;
    private final Metadata metadata = new Metadata();
    private Map<Element, Block> blocks = new IdentityHashMap<>();
    /** Whether {@link #blocks} has been made room for the whole document, once, to spare it rehashing as it grows. */
    private boolean blocksSized;
    private final ClassNames.Verdicts verdicts = new ClassNames.Verdicts();
    private final List<String> warnings = new ArrayList<>();
    private Document work;
    private TagIndex tags;
    private Strictness strictness = Strictness.FULL;
    private Element content;
    private String html = "";
    private String text = "";
    private List<Image> images = List.of();
    private double confidence;
    private double linkDensity;

    Page(Document original, String url) {
        this.original = original;
        this.url = url;
        this.work = original;
    }

    /** The document as parsed; metadata steps read it before any content step changes a copy. */
    public Document original() {
        return original;
    }

    /**
     * The original's elements by tag, gathered in one walk on first use. An attempt that works on
     * the original in place drops it, to be gathered again from what is left.
     */
    TagIndex tags() {
        if (tags == null) {
            tags = new TagIndex(original);
        }
        return tags;
    }

    /** The document the content steps work on for the current attempt. */
    public Document work() {
        return work;
    }

    /** The page's address (after redirects), the base for relative URLs; may be null. */
    public String url() {
        return url;
    }

    public Metadata metadata() {
        return metadata;
    }

    /** What class and id names say, cached for this page. */
    ClassNames.Verdicts verdicts() {
        return verdicts;
    }

    public Strictness strictness() {
        return strictness;
    }

    /** Per-element statistics and scores of the current attempt. */
    public Map<Element, Block> blocks() {
        return blocks;
    }

    /** The statistics of {@code e}, or an empty block when none were computed. */
    public Block block(Element e) {
        Block b = blocks.get(e);
        return b == null ? Block.EMPTY : b;
    }

    /** The chosen content root, or null before selection or when nothing qualifies. */
    public Element content() {
        return content;
    }

    public void content(Element content) {
        this.content = content;
    }

    public String html() {
        return html;
    }

    public String text() {
        return text;
    }

    /** Sets the final body forms. */
    public void body(String html, String text) {
        this.html = html;
        this.text = text;
    }

    /** The pictures the final body shows. */
    public List<Image> images() {
        return images;
    }

    public void images(List<Image> images) {
        this.images = List.copyOf(images);
    }

    /** Share of the chosen content's text that is link text, as the clean step left it. */
    public double linkDensity() {
        return linkDensity;
    }

    public void linkDensity(double linkDensity) {
        this.linkDensity = linkDensity;
    }

    public double confidence() {
        return confidence;
    }

    public void confidence(double confidence) {
        this.confidence = confidence;
    }

    /** Notes what a reader should know about the page, e.g. that it needs a browser; see {@link Extraction}. */
    public void warn(String warning) {
        warnings.add(warning);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Starts a content attempt at {@code level} on a fresh copy of the original document. */
    void startAttempt(Strictness level, boolean copy) {
        strictness = level;
        if (!blocksSized) {
            blocks = new IdentityHashMap<>(Math.max(32, tags().elements()));
            blocksSized = true;
        } else {
            blocks.clear();
        }
        if (!copy) {
            tags = null;
        }
        content = null;
        work = copy ? original.clone() : original;
        html = "";
        text = "";
        linkDensity = 0;
    }
}
