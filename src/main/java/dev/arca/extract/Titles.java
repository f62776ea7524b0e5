package dev.arca.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headline rules shared by the title and metadata steps: the headline inside a
 * {@code <title>} that carries a site name or section ("Headline | Site", "Section: Headline"),
 * and how alike two titles are.
 */
final class Titles {

    private static final String SEPARATORS = "|\\-–—\\\\/>»";
    private static final Pattern SEPARATOR = Pattern.compile("\\s[" + SEPARATORS + "]\\s");
    private static final Pattern HIERARCHICAL = Pattern.compile("\\s[\\\\/>»]\\s");
    private static final Pattern FIRST_PART = Pattern.compile("^[^" + SEPARATORS + "]*[" + SEPARATORS + "]");
    private static final Pattern NON_WORD = Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);

    /** The inline tags a CMS copies into a title; a word in angle brackets ("Bridge <reopens>") is text. */
    private static final Pattern TAG = Pattern.compile(
            "</?(?:em|i|b|strong|span|a|sup|sub|small|mark|u|s|del|ins|abbr|cite|q|code|time|font|wbr)(?:\\s[^<>]*)?/?>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    /** What a CMS writes when nobody gave a title. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "^[\\s(\\[]*(?:no title|untitled(?: (?:document|page|post|article))?|null|undefined|title|kein titel|"
                    + "sans titre|sin título|senza titolo|sem título|geen titel|bez tytułu|без названия)[\\s)\\]]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Titles() {
    }

    /** {@code s} without the inline HTML tags written into it ("Why &lt;em&gt;this&lt;/em&gt; matters"). */
    static String withoutMarkup(String s) {
        if (s.indexOf('<') < 0) {
            return s;
        }
        return TAG.matcher(BREAK.matcher(s).replaceAll(" ")).replaceAll("");
    }

    /** A title as text on one line, or null when it is a placeholder such as "(no title)" or "Untitled". */
    static String plain(String raw) {
        String t = withoutMarkup(raw).strip().replaceAll("\\s+", " ");
        return t.isEmpty() || PLACEHOLDER.matcher(t).matches() ? null : t;
    }

    /**
     * The headline in the document's {@code <title>}: drops the last separated part (the site
     * name) unless that leaves too short a title, drops a "Section:" prefix unless a heading
     * repeats the whole title, and falls back to the single {@code <h1>} for a title that is
     * very short or very long.
     */
    public static String fromDocument(Document doc) {
        String orig = doc.title().strip();
        String cur = orig;
        boolean hierarchical = false;
        if (SEPARATOR.matcher(cur).find()) {
            hierarchical = HIERARCHICAL.matcher(cur).find();
            Matcher m = SEPARATOR.matcher(orig);
            int last = -1;
            while (m.find()) {
                last = m.start();
            }
            cur = orig.substring(0, last);
            if (words(cur) < 3) {
                cur = FIRST_PART.matcher(orig).replaceFirst("");
            }
        } else if (cur.contains(": ")) {
            if (!headingEquals(doc, cur)) {
                cur = orig.substring(orig.lastIndexOf(':') + 1);
                if (words(cur) < 3) {
                    cur = orig.substring(orig.indexOf(':') + 1);
                } else if (words(orig.substring(0, orig.indexOf(':'))) > 5) {
                    cur = orig;
                }
            }
        } else if (cur.length() > 150 || cur.length() < 15) {
            Elements h1 = doc.getElementsByTag("h1");
            if (h1.size() == 1) {
                cur = h1.get(0).text();
            }
        }
        cur = cur.strip().replaceAll("\\s{2,}", " ");
        int n = words(cur);
        if (n <= 4 && (!hierarchical || n != words(SEPARATOR.matcher(orig).replaceAll("")) - 1)) {
            cur = orig;
        }
        return cur;
    }

    private static boolean headingEquals(Document doc, String title) {
        String wanted = title.strip().replaceAll("\\s+", " ");
        for (Element h : doc.select("h1, h2")) {
            if (h.text().equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    static int words(String s) {
        return s.split("\\s+", -1).length;
    }

    /** 0–1: the share of {@code b}'s word text that also occurs in {@code a}. */
    public static double similarity(String a, String b) {
        List<String> ta = tokens(a);
        List<String> tb = tokens(b);
        if (ta.isEmpty() || tb.isEmpty()) {
            return 0;
        }
        Set<String> inA = new HashSet<>(ta);
        List<String> uniqueB = new ArrayList<>();
        for (String t : tb) {
            if (!inA.contains(t)) {
                uniqueB.add(t);
            }
        }
        double distance = (double) String.join(" ", uniqueB).length() / String.join(" ", tb).length();
        return 1 - distance;
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        for (String t : NON_WORD.split(s.toLowerCase(Locale.ROOT))) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
