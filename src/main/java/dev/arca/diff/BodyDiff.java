package dev.arca.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The paragraph level of a diff, in four passes over two lists of clean paragraphs:
 *
 * <ol>
 *   <li>Anchors: the longest common subsequence of the paragraphs that occur on both sides
 *       (Myers' algorithm in linear space, from java-diff-utils). Paragraphs found on one side only
 *       cannot be in it, so they are left out first; a rewrite then costs as little as an edit.
 *       The unanchored paragraphs between two anchors form a block.</li>
 *   <li>Exact moves: an unanchored paragraph whose text is found unanchored on the other side.</li>
 *   <li>Pairs within a block, in order: a removed paragraph and an added one within
 *       {@link #WINDOW} places whose words are at least {@link #CHANGED} alike are one changed
 *       paragraph; one that matches better with the next paragraphs joined is split (or merged).</li>
 *   <li>Near moves: what is left, matched across blocks when at least {@link #MOVED} alike, found
 *       through shared three-word shingles rather than by comparing every pair.</li>
 * </ol>
 *
 * Whatever is still unpaired is added or removed. Each pass is linear or close to it in the
 * number of words, apart from the anchors' Myers run, which is skipped (leaving one block) when
 * more than {@link #MAX_ANCHORED} paragraphs occur on both sides.
 */
final class BodyDiff {

    /** Word similarity at which a removed and an added paragraph in one block are the same one, edited. */
    static final double CHANGED = 0.5;
    /** Word similarity at which paragraphs far apart are the same one, moved. */
    static final double MOVED = 0.8;
    /** How many added paragraphs ahead a removed one looks for its edited self. */
    static final int WINDOW = 6;
    /** How much more alike a split (merged) pair must be than the one-to-one pair it grows from. */
    private static final double GAIN = 0.05;
    /** Paragraphs on both sides beyond which no common subsequence is computed. */
    static final int MAX_ANCHORED = 20_000;
    private static final int SHINGLE = 3;
    /** A shingle found in more removed paragraphs than this says nothing about which one moved. */
    private static final int MAX_POSTINGS = 8;

    private final List<String> a;
    private final List<String> b;
    private final boolean[] usedA;
    private final boolean[] usedB;
    /** For each paragraph before: where it goes in reading order if it turns out to be removed. */
    private final int[] removedAt;
    private final List<Map<String, Integer>> bagsA;
    private final List<Map<String, Integer>> bagsB;
    private final List<Placed> changes = new ArrayList<>();

    /** A change and where it goes in reading order: the after position, removed ones just before theirs. */
    private record Placed(int position, int before, ParagraphChange change) {
    }

    /** Unanchored paragraphs between two anchors: before {@code [fromA, toA)}, after {@code [fromB, toB)}. */
    private record Block(int fromA, int toA, int fromB, int toB) {
    }

    private BodyDiff(List<String> a, List<String> b) {
        this.a = a;
        this.b = b;
        this.usedA = new boolean[a.size()];
        this.usedB = new boolean[b.size()];
        this.removedAt = new int[a.size()];
        this.bagsA = new ArrayList<>(java.util.Collections.nCopies(a.size(), null));
        this.bagsB = new ArrayList<>(java.util.Collections.nCopies(b.size(), null));
    }

    static List<ParagraphChange> between(List<String> before, List<String> after) {
        return new BodyDiff(before, after).run();
    }

    private List<ParagraphChange> run() {
        List<Block> blocks = blocks();
        exactMoves(blocks);
        for (Block block : blocks) {
            pair(block);
        }
        nearMoves();
        for (int j = 0; j < b.size(); j++) {
            if (!usedB[j]) {
                place(j, j, 1, new ParagraphChange(ParagraphChange.Kind.ADDED, 0, j + 1, "", b.get(j), List.of()));
            }
        }
        changes.sort(Comparator.comparingInt(Placed::position).thenComparingInt(Placed::before));
        return changes.stream().map(Placed::change).toList();
    }

    private List<Block> blocks() {
        Set<String> inA = new HashSet<>(a);
        Set<String> inB = new HashSet<>(b);
        List<Integer> commonA = new ArrayList<>();
        List<Integer> commonB = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (inB.contains(a.get(i))) {
                commonA.add(i);
            }
        }
        for (int j = 0; j < b.size(); j++) {
            if (inA.contains(b.get(j))) {
                commonB.add(j);
            }
        }
        List<int[]> anchors = new ArrayList<>();
        if (commonA.size() + commonB.size() <= MAX_ANCHORED) {
            List<String> textA = commonA.stream().map(a::get).toList();
            List<String> textB = commonB.stream().map(b::get).toList();
            int x = 0;
            int y = 0;
            for (AbstractDelta<String> delta : DiffUtils.diff(textA, textB, new MyersDiffWithLinearSpace<String>()).getDeltas()) {
                for (; x < delta.getSource().getPosition(); x++, y++) {
                    anchors.add(new int[] {commonA.get(x), commonB.get(y)});
                }
                x += delta.getSource().size();
                y += delta.getTarget().size();
            }
            for (; x < textA.size(); x++, y++) {
                anchors.add(new int[] {commonA.get(x), commonB.get(y)});
            }
        }
        anchors.add(new int[] {a.size(), b.size()});
        List<Block> blocks = new ArrayList<>();
        int fromA = 0;
        int fromB = 0;
        for (int[] anchor : anchors) {
            if (anchor[0] < a.size()) {
                usedA[anchor[0]] = true;
                usedB[anchor[1]] = true;
            }
            if (anchor[0] > fromA || anchor[1] > fromB) {
                blocks.add(new Block(fromA, anchor[0], fromB, anchor[1]));
                for (int i = fromA; i < anchor[0]; i++) {
                    removedAt[i] = Math.min(anchor[1], fromB + (i - fromA));
                }
            }
            fromA = anchor[0] + 1;
            fromB = anchor[1] + 1;
        }
        return blocks;
    }

    private void exactMoves(List<Block> blocks) {
        Map<String, ArrayDeque<Integer>> removed = new HashMap<>();
        for (Block block : blocks) {
            for (int i = block.fromA(); i < block.toA(); i++) {
                removed.computeIfAbsent(a.get(i), k -> new ArrayDeque<>()).add(i);
            }
        }
        for (Block block : blocks) {
            for (int j = block.fromB(); j < block.toB(); j++) {
                ArrayDeque<Integer> same = removed.get(b.get(j));
                if (same != null && !same.isEmpty()) {
                    moved(same.poll(), j, List.of());
                }
            }
        }
    }

    private void pair(Block block) {
        List<Integer> removed = unused(usedA, block.fromA(), block.toA());
        List<Integer> added = unused(usedB, block.fromB(), block.toB());
        int next = 0;
        for (int r = 0; r < removed.size(); r++) {
            int i = removed.get(r);
            int best = -1;
            double likeness = CHANGED;
            for (int q = next; q < Math.min(added.size(), next + WINDOW); q++) {
                double s = Words.similarity(bagA(i), bagB(added.get(q)));
                if (s >= likeness && (best < 0 || s > likeness)) {
                    best = q;
                    likeness = s;
                }
            }
            if (best >= 0 && r + 1 < removed.size()
                    && Words.similarity(bagA(removed.get(r + 1)), bagB(added.get(best))) > likeness) {
                best = -1; // the next removed paragraph is this one's better match: this one went
            }
            if (best < 0) {
                removedAt[i] = next < added.size() ? added.get(next) : block.toB();
                continue;
            }
            int firstB = added.get(best);
            int lastB = firstB;
            Map<String, Integer> bagAfter = bagB(firstB);
            next = best + 1;
            while (next < added.size() && added.get(next) == lastB + 1) {
                Map<String, Integer> joined = sum(bagAfter, bagB(lastB + 1));
                double s = Words.similarity(bagA(i), joined);
                if (s < likeness + GAIN) {
                    break;
                }
                bagAfter = joined;
                likeness = s;
                lastB++;
                next++;
            }
            int lastA = i;
            Map<String, Integer> bagBefore = bagA(i);
            while (lastB == firstB && r + 1 < removed.size() && removed.get(r + 1) == lastA + 1) {
                Map<String, Integer> joined = sum(bagBefore, bagA(lastA + 1));
                double s = Words.similarity(joined, bagAfter);
                if (s < likeness + GAIN) {
                    break;
                }
                bagBefore = joined;
                likeness = s;
                lastA++;
                r++;
            }
            paired(i, lastA, firstB, lastB);
        }
    }

    private void paired(int firstA, int lastA, int firstB, int lastB) {
        for (int i = firstA; i <= lastA; i++) {
            usedA[i] = true;
        }
        for (int j = firstB; j <= lastB; j++) {
            usedB[j] = true;
        }
        String before = String.join(Span.BREAK, a.subList(firstA, lastA + 1));
        String after = String.join(Span.BREAK, b.subList(firstB, lastB + 1));
        ParagraphChange.Kind kind = lastB > firstB ? ParagraphChange.Kind.SPLIT
                : lastA > firstA ? ParagraphChange.Kind.MERGED : ParagraphChange.Kind.CHANGED;
        place(firstB, firstA, 1, new ParagraphChange(kind, firstA + 1, firstB + 1, before, after, Words.diff(before, after)));
    }

    private void nearMoves() {
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            if (!usedA[i]) {
                for (String shingle : shingles(a.get(i))) {
                    List<Integer> list = postings.computeIfAbsent(shingle, k -> new ArrayList<>());
                    if (list.size() <= MAX_POSTINGS && (list.isEmpty() || list.get(list.size() - 1) != i)) {
                        list.add(i);
                    }
                }
            }
        }
        for (int j = 0; j < b.size(); j++) {
            if (usedB[j]) {
                continue;
            }
            Map<Integer, Integer> votes = new HashMap<>();
            for (String shingle : shingles(b.get(j))) {
                List<Integer> list = postings.get(shingle);
                if (list != null && list.size() <= MAX_POSTINGS) {
                    for (int i : list) {
                        votes.merge(i, 1, Integer::sum);
                    }
                }
            }
            int best = -1;
            double likeness = MOVED;
            for (Map.Entry<Integer, Integer> vote : votes.entrySet()) {
                int i = vote.getKey();
                if (!usedA[i]) {
                    double s = Words.similarity(bagA(i), bagB(j));
                    if (s >= likeness && (best < 0 || s > likeness || s == likeness && i < best)) {
                        best = i;
                        likeness = s;
                    }
                }
            }
            if (best >= 0) {
                moved(best, j, Words.diff(a.get(best), b.get(j)));
            }
        }
        for (int i = 0; i < a.size(); i++) {
            if (!usedA[i]) {
                usedA[i] = true;
                place(removedAt[i], i, 0, new ParagraphChange(ParagraphChange.Kind.REMOVED, i + 1, 0, a.get(i), "", List.of()));
            }
        }
    }

    private void moved(int i, int j, List<Span> spans) {
        usedA[i] = true;
        usedB[j] = true;
        place(j, i, 1, new ParagraphChange(ParagraphChange.Kind.MOVED, i + 1, j + 1, a.get(i), b.get(j), spans));
    }

    private void place(int position, int before, int rank, ParagraphChange change) {
        changes.add(new Placed(2 * position + (rank > 0 ? 1 : 0), before, change));
    }

    private static List<Integer> unused(boolean[] used, int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (!used[i]) {
                out.add(i);
            }
        }
        return out;
    }

    private Map<String, Integer> bagA(int i) {
        Map<String, Integer> bag = bagsA.get(i);
        if (bag == null) {
            bag = Words.bag(a.get(i));
            bagsA.set(i, bag);
        }
        return bag;
    }

    private Map<String, Integer> bagB(int j) {
        Map<String, Integer> bag = bagsB.get(j);
        if (bag == null) {
            bag = Words.bag(b.get(j));
            bagsB.set(j, bag);
        }
        return bag;
    }

    private static Map<String, Integer> sum(Map<String, Integer> x, Map<String, Integer> y) {
        Map<String, Integer> out = new HashMap<>(x);
        y.forEach((word, n) -> out.merge(word, n, Integer::sum));
        return out;
    }

    private static Set<String> shingles(String paragraph) {
        String[] words = paragraph.toLowerCase(Locale.ROOT).split(" ");
        Set<String> out = new HashSet<>();
        for (int k = 0; k + SHINGLE <= words.length; k++) {
            out.add(words[k] + ' ' + words[k + 1] + ' ' + words[k + 2]);
        }
        return out;
    }
}
