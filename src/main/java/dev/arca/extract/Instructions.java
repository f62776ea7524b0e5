package dev.arca.extract;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a schema.org {@code HowTo} or {@code Recipe}: its description, its ingredients and
 * its steps, one line each. Recipe and do-it-yourself sites often render the steps by script
 * and keep them only in JSON-LD, where they are plain strings, {@code HowToStep}s with a
 * {@code text}, or {@code HowToSection}s of steps; a step's text may carry HTML. Reviews,
 * comments, tools and nutrition facts are not part of what the page tells its reader to do,
 * and are left out.
 */
final class Instructions {

    /** How deep sections may nest: a section of steps of directions is three. */
    private static final int MAX_DEPTH = 5;
    /** The most characters gathered, so that a huge block costs no more than a long story. */
    private static final int MAX_CHARS = 200_000;

    private final List<String> lines = new ArrayList<>();
    private int chars;

    private Instructions() {
    }

    /** The lines of {@code howTo} joined by newlines, or null when it gives no steps. */
    static String of(JsonNode howTo) {
        Instructions out = new Instructions();
        out.add(howTo.get("description"), 0);
        int intro = out.lines.size();
        out.add(howTo.get("recipeIngredient"), 0);
        out.add(howTo.get("step"), 0);
        out.add(howTo.get("recipeInstructions"), 0);
        return out.lines.size() == intro ? null : String.join("\n", out.lines);
    }

    private void add(JsonNode node, int depth) {
        if (node == null || depth > MAX_DEPTH || chars >= MAX_CHARS) {
            return;
        }
        if (node.isTextual()) {
            addText(node.asText());
        } else if (node.isArray()) {
            node.forEach(item -> add(item, depth + 1));
        } else if (node.isObject()) {
            String name = node.path("name").asText("");
            String text = node.path("text").asText("");
            if (!name.isBlank() && !text.strip().startsWith(name.strip())) {
                // a section's or a step's title ("Belag", "Schritt 2: Zuschneiden")
                addText(name);
            }
            addText(text);
            add(node.get("itemListElement"), depth + 1);
        }
    }

    private void addText(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return;
        }
        String text = v.indexOf('<') >= 0 ? PlainText.of(Jsoup.parseBodyFragment(v).body()) : Parser.unescapeEntities(v, false);
        for (String line : text.split("\\s*\\n\\s*")) {
            String l = line.strip();
            if (!l.isEmpty()) {
                lines.add(l);
                chars += l.length();
            }
        }
    }
}
