package dev.arca.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * The story's standfirst when it sits outside the chosen block: the lead paragraph a page sets in
 * its header, between the headline and the body's own box. The page's description metadata
 * repeats it, which is what tells it from a kicker or a teaser: its text begins as the
 * description does.
 */
final class Standfirst {

    /** The description must be this long to identify a paragraph; shorter ones are slogans. */
    private static final int MIN_DESCRIPTION = 60;
    /** How much of the description's opening is compared. */
    private static final int KEY = 60;
    /** At most this much text (headline, byline, date, caption) lies between the standfirst and the body. */
    private static final int MAX_GAP = 800;
    /** The standfirst may run on past a description cut short, but not by more than this. */
    private static final int MAX_EXTRA = 400;

    private Standfirst() {
    }

    /**
     * The block before {@code best}, within {@link #MAX_GAP} characters of text of it, whose text
     * begins with the opening of {@code description}; null when there is none.
     */
    static Element before(Element best, String description) {
        String key = key(description);
        if (key == null) {
            return null;
        }
        int maxLength = description.length() + MAX_EXTRA;
        int gap = 0;
        for (Element e = best; e != null && e.parent() != null; e = e.parent()) {
            for (Element s = e.previousElementSibling(); s != null; s = s.previousElementSibling()) {
                String text = normal(s.text());
                if (text.contains(key)) {
                    Element found = deepest(s, key);
                    String own = normal(found.text());
                    boolean links = linkText(found) * 2 > own.length();
                    return own.startsWith(key) && own.length() <= maxLength && !links ? found : null;
                }
                gap += text.length();
                if (gap > MAX_GAP || s.normalName().equals("h1") || s.selectFirst("h1") != null) {
                    // the standfirst sits below the headline; above it are the masthead and its slogan
                    return null;
                }
            }
        }
        return null;
    }

    /** True when {@code text} already holds the opening of {@code description}. */
    static boolean heldBy(String text, String description) {
        String key = key(description);
        return key == null || normal(text).contains(key);
    }

    /** True when {@code text} begins with {@code key}, a {@link #key(String)} that is not null. */
    static boolean opens(String text, String key) {
        return normal(text).startsWith(key);
    }

    /** The opening of {@code description} that its standfirst begins with; null when it is too short to tell. */
    static String key(String description) {
        if (description == null) {
            return null;
        }
        String d = normal(description);
        while (d.endsWith(".") || d.endsWith("…")) {
            d = d.substring(0, d.length() - 1);
        }
        return d.length() < MIN_DESCRIPTION ? null : d.substring(0, KEY).strip();
    }

    /** The innermost element under {@code e} whose text holds {@code key}. */
    private static Element deepest(Element e, String key) {
        Element at = e;
        boolean descended = true;
        while (descended) {
            descended = false;
            for (Element child : at.children()) {
                if (normal(child.text()).contains(key)) {
                    at = child;
                    descended = true;
                    break;
                }
            }
        }
        return at;
    }

    private static int linkText(Element e) {
        int sum = 0;
        for (Element a : e.getElementsByTag("a")) {
            sum += a.text().length();
        }
        return sum;
    }

    private static String normal(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    /** A copy of {@code standfirst} for the top of the content, without the classes that placed it in the header. */
    static Element copy(Element standfirst) {
        boolean blocks = false;
        for (Element child : standfirst.children()) {
            blocks |= Block.isBlock(child.normalName());
        }
        Element copy = new Element(blocks ? "div" : "p");
        for (Node n : standfirst.childNodes()) {
            copy.appendChild(n.clone());
        }
        return copy;
    }
}
