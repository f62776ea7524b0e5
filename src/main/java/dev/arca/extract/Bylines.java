package dev.arca.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises byline elements ("By Jane Doe", {@code rel=author}, {@code class="byline"}) so that
 * the byline step can read them and the prune step can keep them out of the body.
 */
public final class Bylines {

    /**
     * A class or id token that names a byline: "byline", "author", "post-author", "byline__author",
     * "featurebyline", "authorname", "p-author", but not "authorization" or "authority".
     */
    private static final Pattern BYLINE_TOKEN = Pattern.compile(
            ".*(?:byline|author|dateline|writtenby)(?:s|name|names)?(?:$|[-_].*)");
    /** "By Jane Doe" in common languages; group 1 is the name part. */
    private static final Pattern BY_TEXT = Pattern.compile(
            "^\\s*(?iu:by|written by|posted by|(?:(?:ein\\s+)?(?:blog\\s*|gast)?beitrag|artikel)\\s+von|par|von|por|di|door|av|af|от|автор:?|przez|autor:?|auteur\\s*:)\\s+"
                    + "(\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|van|von|de|der|da|di|la|le|del|and|und|et|y|e|&|,)){0,8})",
            Pattern.UNICODE_CHARACTER_CLASS);

    private Bylines() {
    }

    private static final Pattern BY_START = Pattern.compile(
            "^(?:by|written by|posted by|verfasst von|(?:(?:ein\\s+)?(?:blog\\s*|gast)?beitrag|artikel)\\s+von|par|von|por|di|door|av|af|от|автор|przez|autor|auteur)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** True when {@code lead} begins with a byline word ("By", "Von", "Par" ...). */
    static boolean mayStartByline(String lead) {
        return BY_START.matcher(lead).find();
    }

    /**
     * The element that holds only {@code removed} and a byline word before it ("Por <span
     * class=byline>Ann Lee</span>"): once the names go, the word is a label with nothing to label.
     * Null when there is none.
     */
    static Element labelLeftAlone(Element removed) {
        Element label = removed.parent();
        if (label == null || label.normalName().equals("body") || Block.childElements(label, 1) != 1) {
            return null;
        }
        // the label's own words, read no further than a bare label can be long
        StringBuilder own = new StringBuilder();
        for (Node n : label.childNodes()) {
            if (n instanceof TextNode t) {
                own.append(t.getWholeText());
                if (own.length() > MAX_RAW_LABEL) {
                    return null;
                }
            }
        }
        return isBareLabel(own.toString()) ? label : null;
    }

    /** Characters of markup text, spaces and line breaks included, that a bare label's own text stays within. */
    private static final int MAX_RAW_LABEL = 200;

    /** True when {@code text} is a byline word and nothing else ("Por", "By:"). */
    private static boolean isBareLabel(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 20) {
            return false;
        }
        Matcher m = BY_START.matcher(t);
        return m.find() && t.substring(m.end()).replaceAll("[\\s:]", "").isEmpty();
    }

    /** True when one lower-cased class or id token names a byline. */
    static boolean bylineToken(String token) {
        return (token.contains("author") || token.contains("byline") || token.contains("dateline")
                || token.contains("writtenby")) && BYLINE_TOKEN.matcher(token).matches();
    }

    /**
     * True when {@code e} is marked up as a byline and short enough to be one; {@code bits} are its
     * class and id as {@link ClassNames.Verdicts} judged them.
     */
    static boolean isBylineElement(Element e, int bits) {
        if (e.attributesSize() == 0) {
            return false;
        }
        boolean marked = (bits & ClassNames.BYLINE_TOKEN) != 0 || e.attr("rel").equals("author")
                || e.attr("itemprop").contains("author");
        if (!marked) {
            return false;
        }
        int len = e.text().length();
        return len > 0 && len < 100;
    }

    /** The name in a "By Jane Doe" line, or null when {@code text} is not such a line. */
    public static String nameIn(String text) {
        if (text == null || text.length() > 120) {
            return null;
        }
        Matcher m = BY_TEXT.matcher(text);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1).replaceAll("[\\s,&]+$", "").strip();
        return name.isEmpty() ? null : name;
    }

    /**
     * The label a page writes before the names: "By", "Von", "Par" (also before a lower-case user
     * name, but not a name's own "von der"), "Written by", "Beitrag von", "Autor:", a tilde or dash.
     */
    private static final Pattern LEADING_BY = Pattern.compile("^\\s*(?:[~–—-]+\\s*"
            + "|(?iu:(?:(?:written|posted|reported|text|words|story|verfasst|(?:ein\\s+)?(?:blog\\s*|gast)?beitrag|artikel)\\s+)?(?:by|von|par|por|door|di|av|af)):?\\s+(?=\\p{Lu})"
            + "|(?iu:(?:(?:written|posted|verfasst|beitrag)\\s+)?(?:by|von|par|por)):?\\s+(?!(?iu:der|dem|den|de|la|le|van)\\b)(?=\\p{Ll})"
            + "|(?iu:autor|autorin|author|auteur|text|texte|verfasser)\\s*:\\s*)", Pattern.UNICODE_CHARACTER_CLASS);
    /** A heading glued before the names: "About the author –". */
    private static final Pattern LABEL = Pattern.compile(
            "^\\s*(?iu:about the author|über den autor|à propos de l'auteur|sobre el autor)[\\s:–—-]*",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile(
            "\\s*(?:[,;/&]|\\b(?iu:and|und)\\b|\\bet\\b|\\by\\b)\\s*", Pattern.UNICODE_CHARACTER_CLASS);

    /** {@code byline} without its leading label ("By ", "Von ", "Written by ", "Autor: " ...): the names alone. */
    public static String withoutBy(String byline) {
        return byline == null ? null : LEADING_BY.matcher(byline).replaceFirst("");
    }

    /** An inline label before the names, colon and all: "Autor:", "By:", "Von:", "Verfasser:". */
    private static final Pattern NAME_LABEL = Pattern.compile(
            "\\s*(?iu:autor|autorin|author|authors|by|von|verfasser|verfasserin|auteur|par|por|text|texte)\\s*:\\s*",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final java.util.Set<String> LABEL_TAGS = java.util.Set.of("span", "b", "strong", "em", "label", "dt", "th");
    /** Longer than this after a label is a sentence, not names. */
    private static final int MAX_LABELLED_NAMES = 60;

    /**
     * The names after an inline label such as {@code <span>Autor:</span> Fritz Imhof<br>} or
     * {@code <dt>By:</dt><dd>Ann Lee</dd>}: the text up to the next line break or block, after the
     * breaks and spaces right behind the label; null when {@code e} is no such label or what
     * follows it does not read as names.
     */
    static String afterLabel(Element e) {
        if (!LABEL_TAGS.contains(e.normalName()) || e.childNodeSize() != 1 || !(e.childNode(0) instanceof TextNode label)
                || label.text().length() > 14 || !NAME_LABEL.matcher(label.text()).matches()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        if (e.normalName().equals("dt") || e.normalName().equals("th")) {
            Element value = e.nextElementSibling();
            if (value != null) {
                text.append(value.text());
            }
        } else {
            for (Node n = e.nextSibling(); n != null && text.length() <= MAX_LABELLED_NAMES; n = n.nextSibling()) {
                if (n instanceof TextNode t) {
                    text.append(t.text());
                } else if (n instanceof Element el) {
                    if (el.normalName().equals("br") || el.isBlock()) {
                        if (text.toString().isBlank()) {
                            continue;
                        }
                        break;
                    }
                    text.append(' ').append(el.text());
                }
            }
        }
        String t = text.toString().strip().replaceAll("\\s+", " ");
        if (t.isEmpty() || t.length() > MAX_LABELLED_NAMES) {
            return null;
        }
        String names = withoutDate(t);
        return names != null && readsAsNames(names) ? tidy(names) : null;
    }

    /** Separators and arrows left after the names by the markup around them. */
    private static final Pattern TRAILING_MARKS = Pattern.compile("[\\s»›|:·•,;–—-]+$");
    /** A handle after the names: "Ann Lee @annlee". */
    private static final Pattern TRAILING_HANDLE = Pattern.compile("\\s+@\\w+$", Pattern.UNICODE_CHARACTER_CLASS);
    /** Academic and professional letters after the last name: "Ann Lee, PhD", "Bo Park, MD, MPH". */
    private static final Pattern TRAILING_DEGREES = Pattern.compile(
            "(?:,\\s*(?:Ph\\.?D\\.?|M\\.?D\\.?|MA|MSc?|MPH|MBA|RDN?|LDN?|RN|DO|PharmD|DPhil|BSc|CSCS|FACS|Dr\\. ?med\\.))+$");

    /**
     * The byline as a list of names the way the page writes them: without a handle or the
     * degrees after the last name, which name no one.
     */
    static String tidy(String byline) {
        String t = byline.strip().replaceAll("\\s+", " ");
        t = TRAILING_HANDLE.matcher(t).replaceFirst("");
        t = TRAILING_DEGREES.matcher(t).replaceFirst("");
        t = TRAILING_MARKS.matcher(t).replaceFirst("");
        return t.isBlank() ? null : t.strip();
    }

    /** The names in a byline such as "Ann Lee, Bo Park and Cy Roe". */
    static List<String> split(String byline) {
        return names(byline, AUTHOR_SEPARATOR);
    }

    /** The names between {@code separator}s in {@code byline}, its leading "By" dropped. */
    private static List<String> names(String byline, Pattern separator) {
        List<String> out = new ArrayList<>();
        for (String a : separator.split(withoutBy(byline))) {
            if (!a.isBlank()) {
                out.add(a.strip());
            }
        }
        return out;
    }

    /** Between names that one field holds: "det/dpa", "Ann Lee And Bo Park", "Ann Lee & Bo Park". */
    private static final Pattern JOINED_NAMES = Pattern.compile("\\s*(?:/|&|\\b(?iu:and|und)\\b)\\s*",
            Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * The names in a field meant for one author (a JSON-LD {@code name}) that holds a whole byline:
     * "By Ann Lee And Bo Park" is two. A comma is kept: "Lee, Ann" is one name.
     */
    static List<String> namesInOne(String name) {
        return names(name.strip(), JOINED_NAMES);
    }

    /** Lower-case words a byline may hold: particles of names and the words around them. */
    private static final java.util.Set<String> BYLINE_WORDS = java.util.Set.of("by", "von", "van", "de", "der", "den",
            "da", "di", "du", "la", "le", "del", "des", "dos", "das", "and", "und", "et", "y", "e", "of", "the", "in",
            "for", "at", "on", "with", "par", "por", "door", "av", "af", "bin", "ibn", "al", "el", "ter", "ten", "zu",
            "last", "updated", "published", "posted", "modified", "edited", "written", "am", "um", "pm",
            "utc", "gmt", "cet", "cest", "est", "edt", "pst", "pdt", "pt", "bst", "uhr");
    private static final Pattern TIME_TAIL = Pattern.compile(
            "^[\\s,;·•|@–—-]*(?:(?:at|um|à|a las)\\s+)?\\d{1,2}[:.h]\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\s*"
                    + "(?:[A-Z]{2,4}T?|UTC|GMT)?.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOCK = Pattern.compile("\\d{1,2}[:.]\\d{2}");
    /** "• 8h", "- 3 days ago" after the names. */
    private static final Pattern RELATIVE_TIME = Pattern.compile(
            "[\\s,;·•|–—-]+\\d+\\s*(?:s|m|h|d|w|mins?|minutes?|hrs?|hours?|days?|weeks?)(?:\\s+ago)?$",
            Pattern.CASE_INSENSITIVE);
    /** "vor 5 Stunden", "il y a 2 jours", "hace 3 horas" and whatever follows it ("Mehr"): no name comes after a time. */
    private static final Pattern RELATIVE_TIME_WORDS = Pattern.compile(
            "\\s+(?iu:vor|il y a|hace|há)\\s+(?:\\d+|einer?|un|une|uma?)\\s+\\p{L}+\\b.*$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WEEKDAY_TAIL = Pattern.compile(
            "[\\s,;·•|@–—-]*(?:\\b(?:published|posted|updated|on|am|le|el)\\s+)?(?:\\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
                    + "|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi"
                    + "|samedi|dimanche|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|mo|di|mi|do|fr|sa|so|lun|mer|jeu|ven|sam|dim)\\.?))?[\\s,;·•|@–—-]*(?:\\b(?:published|posted|updated|on|am|le|el)\\s*)?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /** A day and month with no year after the names, its label and the "at" before a time: ", Published: March 8 at". */
    private static final Pattern YEARLESS_TAIL = Pattern.compile(
            "[\\s,;·•|@–—-]*(?:\\b(?:published|posted|updated|on|am|le|el)\\s*:?\\s*)?"
                    + "(?:(\\p{L}{3,12}\\.?)\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th|er)?\\.?\\s+(?:de\\s+)?(\\p{L}{3,12}\\.?))"
                    + "[\\s,]*(?:\\b(?:at|um|à|a las)\\s*)?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * The byline in the text of a byline element: without a date and time written after the names
     * ("By Ann Lee May 20, 2019" is "By Ann Lee"); null when no name is left (the element only
     * dated the story).
     */
    static String withoutDate(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        boolean namesAfterDate = false;
        Matcher date = TextDateStep.dateIn(t);
        if (date != null) {
            String before = WEEKDAY_TAIL.matcher(t.substring(0, date.start())).replaceFirst("").strip();
            // "Posted on 21 September 2020 by Ann Lee": the names follow the date
            namesAfterDate = !hasName(LABEL.matcher(before).replaceFirst(""));
            t = namesAfterDate ? t.substring(date.end()).strip() : before;
        }
        Matcher time = CLOCK.matcher(t);
        if (time.find() && TIME_TAIL.matcher(t.substring(time.start())).matches()) {
            t = time.start() > 0 ? WEEKDAY_TAIL.matcher(t.substring(0, time.start())).replaceFirst("").strip() : "";
        }
        Matcher yearless = YEARLESS_TAIL.matcher(t);
        if (yearless.find() && Dates.isMonth(yearless.group(1) != null ? yearless.group(1) : yearless.group(2))) {
            t = t.substring(0, yearless.start());
        }
        t = RELATIVE_TIME_WORDS.matcher(t).replaceFirst("");
        t = RELATIVE_TIME.matcher(t).replaceFirst("").replaceAll("[\\s,;·•|@–—-]+$", "");
        t = LABEL.matcher(t).replaceFirst("").replaceFirst("^[\\s,;·•|@–—-]+", "");
        if (namesAfterDate && t.startsWith("by ")) {
            t = t.substring(3).strip();
        }
        return hasName(t) ? t : null;
    }

    private static boolean namesTheName(String names) {
        for (String token : names.split("\\s+")) {
            if (NAME_TOKEN.matcher(token).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasName(String t) {
        for (String word : t.split("[\\s,:;.]+")) {
            if (word.length() > 1 && Character.isLetter(word.charAt(0)) && Character.isLetter(word.charAt(1)) && !BYLINE_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))
                    && !BY_START.matcher(word).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code text} reads as names rather than a menu or a teaser: no "|" separators,
     * and at most two lower-case words besides name particles ("van", "de") and "by", "and".
     */
    static boolean readsAsNames(String text) {
        if (text.indexOf('|') >= 0) {
            return false;
        }
        int lower = 0;
        for (String word : text.split("[\\s,]+")) {
            if (!word.isEmpty() && Character.isLowerCase(word.charAt(0))
                    && !BYLINE_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT)) && ++lower > 2) {
                return false;
            }
        }
        return true;
    }

    /** A class token that names the name inside a byline box ("author-name", "byline__author-link"). */
    private static final Pattern NAME_TOKEN = Pattern.compile("(?:^|.*[-_])(?:author|byline)[-_]*(?:name|link)s?");

    /**
     * The byline text of a marked element: its {@code itemprop=name} child, or a child named as
     * the author's name ("author-name", "author-link"), when it has one; a job title or a date
     * beside the name is not part of it.
     */
    public static String textOf(Element e) {
        Element name = e.selectFirst("[itemprop=name]");
        if (name == null) {
            for (Element child : e.getAllElements()) {
                if (child != e && child.attributesSize() > 0 && namesTheName(ClassNames.of(child))) {
                    name = child;
                    break;
                }
            }
        }
        String t = spacedText(name != null ? name : e);
        return t.isEmpty() ? null : t;
    }

    /** Text only a screen reader hears: the "Author" or "Posted on" label before the value. */
    private static final Pattern SCREEN_READER_ONLY = Pattern.compile(
            "(?:^|\\s)(?:screen-reader-text|screen-reader-only|sr-only|visually-?hidden|visuallyhidden)(?:$|\\s)");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([,;»)])");

    /**
     * The text of {@code e} with a space where one element ends and the next begins, which
     * {@link Element#text()} leaves out between inline elements ("Ann Lee" in one link and
     * "22. Mai 2020" in the next span), and without text meant for screen readers only.
     */
    static String spacedText(Element e) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node != e && node instanceof Element el && el.attributesSize() > 0
                        && SCREEN_READER_ONLY.matcher(el.className()).find()) {
                    return FilterResult.SKIP_ENTIRELY;
                } else {
                    out.append(' ');
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element) {
                    out.append(' ');
                }
                return FilterResult.CONTINUE;
            }
        }, e);
        String t = out.toString().strip().replaceAll("\\s+", " ");
        return SPACE_BEFORE_PUNCTUATION.matcher(t).replaceAll("$1");
    }
}
