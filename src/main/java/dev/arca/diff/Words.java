package dev.arca.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The word level of a diff: paragraphs as words, how alike two paragraphs are, and the spans of
 * inserted and deleted words between two of them.
 *
 * <p>Word diffs run only inside paired paragraphs, after the words both sides begin and end with
 * are set aside. When what is left is longer than {@link #MAX_DIFFED_WORDS} on the two sides
 * together, it is shown as deleted and inserted whole instead of diffed: Myers' algorithm costs
 * the product of length and edit distance, and a rewritten paragraph of tens of thousands of words
 * would otherwise take seconds. A one-word edit in a long paragraph is still marked exactly.
 */
final class Words {

    /** The most words, both sides together, that are diffed word by word once the common ends are set aside. */
    static final int MAX_DIFFED_WORDS = 4000;

    private static final String[] NONE = new String[0];

    private Words() {
    }

    /** The words of a clean line; a paragraph break ({@code "\n"}) is a word of its own. */
    static String[] of(String text) {
        if (text.isEmpty()) {
            return NONE;
        }
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c == ' ' || c == '\n') {
                if (i > start) {
                    words.add(text.substring(start, i));
                }
                if (c == '\n') {
                    words.add(Span.BREAK);
                }
                start = i + 1;
            }
        }
        return words.toArray(NONE);
    }

    /** How many words a clean line (or a span's text) holds. */
    static int count(String text) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean word = c != ' ' && c != '\n';
            if (word && !in) {
                words++;
            }
            in = word;
        }
        return words;
    }

    /** A paragraph's words as a multiset, lower-cased, for {@link #similarity}. */
    static Map<String, Integer> bag(String text) {
        Map<String, Integer> bag = new HashMap<>();
        for (String word : of(text)) {
            if (!word.equals(Span.BREAK)) {
                bag.merge(word.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            }
        }
        return bag;
    }

    /** The Dice coefficient of two word multisets: 1 for the same words, 0 for none in common. */
    static double similarity(Map<String, Integer> a, Map<String, Integer> b) {
        int sizeA = a.values().stream().mapToInt(Integer::intValue).sum();
        int sizeB = b.values().stream().mapToInt(Integer::intValue).sum();
        if (sizeA + sizeB == 0) {
            return 1;
        }
        Map<String, Integer> small = a.size() <= b.size() ? a : b;
        Map<String, Integer> large = small == a ? b : a;
        int common = 0;
        for (Map.Entry<String, Integer> e : small.entrySet()) {
            common += Math.min(e.getValue(), large.getOrDefault(e.getKey(), 0));
        }
        return 2.0 * common / (sizeA + sizeB);
    }

    /** The spans that turn {@code before} into {@code after}, both clean lines (breaks allowed). */
    static List<Span> diff(String before, String after) {
        String[] a = of(before);
        String[] b = of(after);
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
            suffix++;
        }
        Spans spans = new Spans();
        spans.add(Span.Op.EQUAL, a, 0, prefix);
        List<String> middleA = Arrays.asList(a).subList(prefix, a.length - suffix);
        List<String> middleB = Arrays.asList(b).subList(prefix, b.length - suffix);
        if (middleA.size() + middleB.size() > MAX_DIFFED_WORDS || middleA.isEmpty() || middleB.isEmpty()) {
            spans.add(Span.Op.DELETE, a, prefix, a.length - suffix);
            spans.add(Span.Op.INSERT, b, prefix, b.length - suffix);
        } else {
            // an insertion and a deletion at one place may come as two deltas, in either order:
            // each run of changes between two equal runs is shown as its deletions, then its insertions
            int x = 0;
            int y = 0;
            int deletedFrom = 0;
            int insertedFrom = 0;
            for (AbstractDelta<String> delta : DiffUtils.diff(middleA, middleB, new MyersDiffWithLinearSpace<String>()).getDeltas()) {
                int from = delta.getSource().getPosition();
                if (from > x) {
                    spans.add(Span.Op.DELETE, a, prefix + deletedFrom, prefix + x);
                    spans.add(Span.Op.INSERT, b, prefix + insertedFrom, prefix + y);
                    spans.add(Span.Op.EQUAL, a, prefix + x, prefix + from);
                    deletedFrom = from;
                    insertedFrom = delta.getTarget().getPosition();
                }
                x = from + delta.getSource().size();
                y = delta.getTarget().getPosition() + delta.getTarget().size();
            }
            spans.add(Span.Op.DELETE, a, prefix + deletedFrom, prefix + x);
            spans.add(Span.Op.INSERT, b, prefix + insertedFrom, prefix + y);
            spans.add(Span.Op.EQUAL, a, prefix + x, a.length - suffix);
        }
        spans.add(Span.Op.EQUAL, a, a.length - suffix, a.length);
        return spans.finish();
    }

    /** Collects words into spans: consecutive words with one op become one span; a break stands alone. */
    private static final class Spans {
        private final List<Span> list = new ArrayList<>();
        private Span.Op op;
        private StringBuilder text;

        void add(Span.Op next, String[] words, int from, int to) {
            for (int i = from; i < to; i++) {
                String word = words[i];
                if (word.equals(Span.BREAK)) {
                    flush();
                    list.add(new Span(next, Span.BREAK));
                } else if (text != null && op == next) {
                    text.append(' ').append(word);
                } else {
                    flush();
                    op = next;
                    text = new StringBuilder(word);
                }
            }
        }

        List<Span> finish() {
            flush();
            return list;
        }

        private void flush() {
            if (text != null) {
                list.add(new Span(op, text.toString()));
                text = null;
            }
        }
    }
}
