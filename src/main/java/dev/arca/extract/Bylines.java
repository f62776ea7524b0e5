package dev.arca.extract;

import org.jsoup.nodes.Element;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises byline elements ("By Jane Doe", {@code rel=author}, {@code class="byline"}) so that
 * the byline step can read them and the prune step can keep them out of the body.
 */
public final class Bylines {

    private static final Pattern BYLINE_CLASS = Pattern.compile("byline|author|dateline|writtenby|p-author");
    /** "By Jane Doe" in common languages; group 1 is the name part. */
    private static final Pattern BY_TEXT = Pattern.compile(
            "^\\s*(?iu:by|written by|posted by|par|von|por|di|door|av|af|от|автор:?|przez|autor:?|auteur\\s*:)\\s+"
                    + "(\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|van|von|de|der|da|di|la|le|del|and|und|et|y|e|&|,)){0,8})",
            Pattern.UNICODE_CHARACTER_CLASS);

    private Bylines() {
    }

    /** True when {@code e} is marked up as a byline and short enough to be one. */
    public static boolean isBylineElement(Element e) {
        if (e.attributesSize() == 0) {
            return false;
        }
        String rel = e.attr("rel");
        String itemprop = e.attr("itemprop");
        boolean marked = rel.equals("author") || itemprop.contains("author") || bylineName(ClassNames.of(e));
        if (!marked) {
            return false;
        }
        int len = e.text().length();
        return len > 0 && len < 100;
    }

    private static final Pattern BY_START = Pattern.compile(
            "^(?:by|written by|posted by|par|von|por|di|door|av|af|от|автор|przez|autor|auteur)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** True when {@code lead} begins with a byline word ("By", "Von", "Par" ...). */
    static boolean mayStartByline(String lead) {
        return BY_START.matcher(lead).find();
    }

    /** True when a lower-cased class-and-id string names a byline. */
    static boolean bylineName(String names) {
        // a plain scan first: almost no name contains any of these
        return (names.contains("author") || names.contains("byline") || names.contains("dateline")
                || names.contains("writtenby")) && BYLINE_CLASS.matcher(names).find();
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

    /** The byline text of a marked element: its {@code itemprop=name} child when it has one. */
    public static String textOf(Element e) {
        Element name = e.selectFirst("[itemprop=name]");
        String t = (name != null ? name : e).text().strip();
        return t.isEmpty() ? null : t;
    }
}
