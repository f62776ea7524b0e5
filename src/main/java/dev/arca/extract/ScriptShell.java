package dev.arca.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a page whose content is built by JavaScript (an app shell with an empty root, a
 * "Loading…" placeholder, a {@code <noscript>} asking for scripts) from an article: such a page
 * shows almost no text as served, and what arca extracts from it is not the story. The page is
 * still archived as served; the warning says that it needs a browser.
 *
 * <p>A metadata step, so that it sees the document as parsed. Only a page whose visible text is
 * a few words counts: an article with a tracking pixel or a comment widget in {@code <noscript>}
 * has its story around it. Nor does a shell whose JSON-LD carries the story, which
 * {@link ArticleBodyStep} extracts.
 */
final class ScriptShell implements Step {

    /** Below this many characters of visible text, a page with scripts shows nothing of its own. */
    static final int MAX_VISIBLE_TEXT = 200;
    /** The end of the warning, which {@link Extraction#needsBrowser()} looks for. */
    static final String NEEDS_BROWSER = "needs a browser to show its content";

    private static final Set<String> INVISIBLE = Set.of("script", "style", "noscript", "template", "svg", "head");
    private static final Set<String> NOT_SCRIPT_TYPES = Set.of("application/ld+json", "application/json", "text/template",
            "text/x-template", "importmap", "speculationrules");
    private static final Pattern ASKS_FOR_SCRIPTS = Pattern.compile(
            "(enable|turn on|activate|allow|requires?|need|needs|without|switch on)\\b.{0,60}\\bjavascript"
                    + "|javascript\\b.{0,60}\\b(required|disabled|turned off|is off|needed|must be enabled|not enabled)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LOADING = Pattern.compile(
            "^\\W*(loading|please wait|one moment|chargement|cargando|wird geladen|laden)\\W*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Set<String> APP_ROOT_IDS = Set.of("root", "app", "__next", "__nuxt", "___gatsby", "svelte",
            "app-root", "main-app", "application");

    @Override
    public void apply(Page page) {
        Element body = page.original().body();
        if (body == null) {
            return;
        }
        String visible = visibleText(body);
        if (visible.length() >= MAX_VISIBLE_TEXT || structuredStory(page)) {
            return;
        }
        int scripts = scripts(page);
        String asking = noscriptAskingForScripts(page);
        if (asking != null) {
            page.warn(needsBrowser("its <noscript> says \"" + shortened(asking) + "\""));
        } else if (scripts > 0 && LOADING.matcher(visible).matches()) {
            page.warn(needsBrowser("it shows only \"" + visible.strip() + "\" until its " + count(scripts) + " run"));
        } else if (scripts > 0) {
            Element root = emptyAppRoot(body);
            page.warn(needsBrowser(root != null
                    ? "an empty <" + root.tagName() + " id=\"" + root.id() + "\"> is filled by " + count(scripts)
                    : "it has " + (visible.isBlank() ? "no text" : "almost no text") + " without its " + count(scripts)));
        }
    }

    private static String needsBrowser(String why) {
        return "the page is built by JavaScript (" + why + "); it was archived as served, and " + NEEDS_BROWSER;
    }

    private static String count(int scripts) {
        return scripts == 1 ? "1 script" : scripts + " scripts";
    }

    /** The story is in the page's structured data after all. */
    private static boolean structuredStory(Page page) {
        String body = page.metadata().articleBody();
        return body != null && body.length() >= ArticleBodyStep.MIN_LENGTH;
    }

    /** The text a browser without scripts shows, as far as twice {@link #MAX_VISIBLE_TEXT}. */
    private static String visibleText(Element body) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && INVISIBLE.contains(e.normalName())) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (node instanceof TextNode t) {
                    String words = t.text().replace('\u00a0', ' ').strip();
                    if (!words.isEmpty()) {
                        text.append(text.length() == 0 ? "" : " ").append(words);
                    }
                }
                return text.length() >= 2 * MAX_VISIBLE_TEXT ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, body);
        return text.toString();
    }

    /** Scripts that run: external or inline, but not data blocks such as JSON-LD. */
    private static int scripts(Page page) {
        int n = 0;
        for (Element script : page.tags().get("script")) {
            String type = script.attr("type").strip().toLowerCase(Locale.ROOT);
            if (!NOT_SCRIPT_TYPES.contains(type) && (script.hasAttr("src") || !script.data().isBlank())) {
                n++;
            }
        }
        return n;
    }

    private static String noscriptAskingForScripts(Page page) {
        for (Element noscript : page.tags().get("noscript")) {
            // parsed as markup or kept as raw text, depending on where it stands
            String text = noscript.children().isEmpty() ? Jsoup.parse(noscript.wholeText()).text() : noscript.text();
            if (ASKS_FOR_SCRIPTS.matcher(text).find()) {
                return text.strip();
            }
        }
        return null;
    }

    private static Element emptyAppRoot(Element body) {
        for (Element e : body.getElementsByAttribute("id")) {
            if (APP_ROOT_IDS.contains(e.id().toLowerCase(Locale.ROOT)) && e.text().length() < MAX_VISIBLE_TEXT) {
                return e;
            }
        }
        return null;
    }

    private static String shortened(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }
}
