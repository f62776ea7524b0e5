package dev.arca.diff;

import java.util.List;
import java.util.function.Function;

/** Writes spans as text: each span shown by a renderer's own marks, one space between two word runs. */
final class Marks {

    private Marks() {
    }

    /**
     * The spans other than {@code skip} (null for none) as {@code shown} writes them, with one space
     * between two word runs and none around a paragraph break, which {@code shown} writes too.
     */
    static String join(List<Span> spans, Span.Op skip, Function<Span, String> shown) {
        StringBuilder out = new StringBuilder();
        boolean words = false;
        for (Span span : spans) {
            if (span.op() == skip) {
                continue;
            }
            if (words && !span.isBreak()) {
                out.append(' ');
            }
            out.append(shown.apply(span));
            words = !span.isBreak();
        }
        return out.toString();
    }
}
