package dev.arca.diff;

import java.util.ArrayList;
import java.util.List;

/** An article's text as the paragraphs the diff compares: one per line, clean, none blank. */
final class Paragraphs {

    private Paragraphs() {
    }

    static List<String> of(String text) {
        List<String> paragraphs = new ArrayList<>();
        if (text == null) {
            return paragraphs;
        }
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = PlainLine.of(text.substring(start, end));
            if (!line.isEmpty()) {
                paragraphs.add(line);
            }
            start = end + 1;
        }
        return paragraphs;
    }
}
