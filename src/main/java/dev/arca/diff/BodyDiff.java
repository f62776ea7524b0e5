package dev.arca.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paragraph level of a diff, in passes over two lists of clean paragraphs:
 *
 * <ol>
 *   <li>Matches: each paragraph after is matched, one to one, with a paragraph before that has the
 *       same text or, failing that, at least {@link #CHANGED} of the same words; candidates come
 *       from shared three-word shingles, so no pass compares every pair.</li>
 *   <li>Order: the longest run of matches in the same order on both sides (a longest increasing
 *       subsequence, O(n log n)) stays in place; a match outside it moved, when it is at least
 *       {@link #MOVED} alike. Exact matches in place are anchors, and the unmatched paragraphs
 *       between two anchors form a block.</li>
 *   <li>Pairs: a match in place that is not exact is one edited paragraph, split or merged when the
 *       unmatched paragraphs next to it make it more alike; then, within each block, a removed
 *       paragraph and an added one within {@link #WINDOW} places and at least {@link #CHANGED}
 *       alike are paired the same way.</li>
 * </ol>
 *
 * Whatever is still unpaired is added or removed. Each pass is linear or close to it in the
 * number of words; word diffs ({@link Words#diff}) run only for pairs.
 */
final class BodyDiff {

    /** Word similarity at which a removed and an added paragraph are the same one, edited. */
    static final double CHANGED = 0.5;
    /** Word similarity at which a paragraph out of order is the same one, moved. */
    static final double MOVED = 0.8;
    /** How many added paragraphs ahead a removed one looks for its edited self. */
    static final int WINDOW = 6;
    /** How much more alike a split (merged) pair must be than the one-to-one pair it grows from. */
    private static final double GAIN = 0.05;
    /** Candidates for a match, by the number of shingles they share, that are compared word by word. */
    private static final int CANDIDATES = 4;
    private static final int SHINGLE = 3;
    /** A shingle found in more paragraphs than this says nothing about which one matches. */
    private static final int MAX_POSTINGS = 8;

    private final List<String> a;
    private final List<String> b;
    private final boolean[] usedA;
    private final boolean[] usedB;
    /** For each paragraph before that stays in order (anchored or paired): the position just after its partner(s); -1 otherwise. */
    private final int[] partnerEnd;
    /** Paragraphs that have a match (see {@link #matches}); a split or merge never takes them in. */
    private final boolean[] matchedA;
    private final boolean[] matchedB;
    private final List<Map<String, Integer>> bagsA;
    private final List<Map<String, Integer>> bagsB;
    private final List<Placed> changes = new ArrayList<>();

    /** A change and where it goes in reading order: the after position, removed ones just before theirs. */
    private record Placed(int position, int before, ParagraphChange change) {
    }

    /** Unmatched paragraphs between two anchors: before {@code [fromA, toA)}, after {@code [fromB, toB)}. */
    private record Block(int fromA, int toA, int fromB, int toB) {
    }

    /** A paragraph before and one after taken for the same; exact when their texts are equal. */
    private record Match(int i, int j, double likeness, boolean exact) {
    }

    private BodyDiff(List<String> a, List<String> b) {
        this.a = a;
        this.b = b;
        this.usedA = new boolean[a.size()];
        this.usedB = new boolean[b.size()];
        this.partnerEnd = new int[a.size()];
        java.util.Arrays.fill(partnerEnd, -1);
        this.matchedA = new boolean[a.size()];
        this.matchedB = new boolean[b.size()];
        this.bagsA = new ArrayList<>(Collections.nCopies(a.size(), null));
        this.bagsB = new ArrayList<>(Collections.nCopies(b.size(), null));
    }

    static List<ParagraphChange> between(List<String> before, List<String> after) {
        return new BodyDiff(before, after).run();
    }

    private List<ParagraphChange> run() {
        List<Match> matches = matches();
        boolean[] inPlace = inPlace(matches);
        List<Match> anchors = new ArrayList<>();
        List<Match> edited = new ArrayList<>();
        for (int k = 0; k < matches.size(); k++) {
            Match m = matches.get(k);
            if (inPlace[k]) {
                (m.exact() ? anchors : edited).add(m);
            } else if (m.exact()) {
                moved(m.i(), m.j(), List.of());
            } else if (m.likeness() >= MOVED) {
                moved(m.i(), m.j(), Words.diff(a.get(m.i()), b.get(m.j())));
            }
        }
        List<Block> blocks = blocks(anchors);
        for (Match m : edited) {
            if (!usedA[m.i()] && !usedB[m.j()]) {
                extendAndPair(m.i(), m.j(), m.likeness());
            }
        }
        for (Block block : blocks) {
            pair(block);
        }
        // a removed paragraph goes just after the partner of the last paragraph before it that stayed in order
        int following = 0;
        for (int i = 0; i < a.size(); i++) {
            if (partnerEnd[i] >= 0) {
                following = partnerEnd[i];
            } else if (!usedA[i]) {
                place(following, i, 0, new ParagraphChange(ParagraphChange.Kind.REMOVED, i + 1, 0, a.get(i), "", List.of()));
            }
        }
        for (int j = 0; j < b.size(); j++) {
            if (!usedB[j]) {
                place(j, j, 1, new ParagraphChange(ParagraphChange.Kind.ADDED, 0, j + 1, "", b.get(j), List.of()));
            }
        }
        changes.sort(Comparator.comparingInt(Placed::position).thenComparingInt(Placed::before));
        return changes.stream().map(Placed::change).toList();
    }

    /** One-to-one matches: equal texts first, in order, then the most alike of the shingle candidates. */
    private List<Match> matches() {
        List<Match> matches = new ArrayList<>();
        Map<String, ArrayDeque<Integer>> byText = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            byText.computeIfAbsent(a.get(i), k -> new ArrayDeque<>()).add(i);
        }
        for (int j = 0; j < b.size(); j++) {
            ArrayDeque<Integer> same = byText.get(b.get(j));
            if (same != null && !same.isEmpty()) {
                int i = same.poll();
                matches.add(new Match(i, j, 1, true));
                matchedA[i] = true;
                matchedB[j] = true;
            }
        }
        Map<Integer, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            if (!matchedA[i]) {
                for (int shingle : shingles(a.get(i))) {
                    List<Integer> list = postings.computeIfAbsent(shingle, k -> new ArrayList<>(2));
                    if (list.size() <= MAX_POSTINGS && (list.isEmpty() || list.get(list.size() - 1) != i)) {
                        list.add(i);
                    }
                }
            }
        }
        List<Match> similar = new ArrayList<>();
        for (int j = 0; j < b.size(); j++) {
            if (matchedB[j]) {
                continue;
            }
            Map<Integer, Integer> votes = new HashMap<>();
            for (int shingle : shingles(b.get(j))) {
                List<Integer> list = postings.get(shingle);
                if (list != null && list.size() <= MAX_POSTINGS) {
                    list.forEach(i -> votes.merge(i, 1, Integer::sum));
                }
            }
            final int after = j;
            votes.entrySet().stream()
                    .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(CANDIDATES)
                    .forEach(vote -> {
                        double s = Words.similarity(bagA(vote.getKey()), bagB(after));
                        if (s >= CHANGED) {
                            similar.add(new Match(vote.getKey(), after, s, false));
                        }
                    });
        }
        similar.sort(Comparator.comparingDouble(Match::likeness).reversed().thenComparingInt(Match::j).thenComparingInt(Match::i));
        for (Match m : similar) {
            if (!matchedA[m.i()] && !matchedB[m.j()]) {
                matches.add(m);
                matchedA[m.i()] = true;
                matchedB[m.j()] = true;
            }
        }
        matches.sort(Comparator.comparingInt(Match::i));
        return matches;
    }

    /**
     * Which matches stay in place: the longest subsequence whose paragraphs are in the same order
     * on both sides (matches are sorted by their paragraph before; this is the longest increasing
     * run of their paragraphs after, by patience sorting).
     */
    private static boolean[] inPlace(List<Match> matches) {
        int n = matches.size();
        int[] tails = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int k = 0; k < n; k++) {
            int j = matches.get(k).j();
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (matches.get(tails[mid]).j() < j) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[k] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = k;
            length = Math.max(length, lo + 1);
        }
        boolean[] in = new boolean[n];
        for (int k = length > 0 ? tails[length - 1] : -1; k >= 0; k = previous[k]) {
            in[k] = true;
        }
        return in;
    }

    private List<Block> blocks(List<Match> anchors) {
        List<Block> blocks = new ArrayList<>();
        int fromA = 0;
        int fromB = 0;
        List<Match> bounds = new ArrayList<>(anchors);
        bounds.add(new Match(a.size(), b.size(), 1, true));
        for (Match anchor : bounds) {
            if (anchor.i() < a.size()) {
                usedA[anchor.i()] = true;
                usedB[anchor.j()] = true;
                partnerEnd[anchor.i()] = anchor.j() + 1;
            }
            if (anchor.i() > fromA || anchor.j() > fromB) {
                blocks.add(new Block(fromA, anchor.i(), fromB, anchor.j()));
            }
            fromA = anchor.i() + 1;
            fromB = anchor.j() + 1;
        }
        return blocks;
    }

    private void pair(Block block) {
        List<Integer> removed = unused(usedA, block.fromA(), block.toA());
        List<Integer> added = unused(usedB, block.fromB(), block.toB());
        int next = 0;
        for (int r = 0; r < removed.size(); r++) {
            int i = removed.get(r);
            if (usedA[i]) {
                continue; // merged into the pair before
            }
            while (next < added.size() && usedB[added.get(next)]) {
                next++;
            }
            int best = -1;
            double likeness = CHANGED;
            for (int q = next; q < Math.min(added.size(), next + WINDOW); q++) {
                double s = usedB[added.get(q)] ? 0 : Words.similarity(bagA(i), bagB(added.get(q)));
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
                continue;
            }
            extendAndPair(i, added.get(best), likeness);
            next = best + 1;
        }
    }

    /**
     * Pairs paragraph {@code i} before with {@code j} after, first growing the pair over the
     * unmatched paragraphs that follow when that makes it more alike: several after (a split),
     * or else several before (a merge).
     */
    private void extendAndPair(int i, int j, double likeness) {
        int lastB = j;
        Map<String, Integer> bagAfter = bagB(j);
        while (lastB + 1 < b.size() && free(usedB, matchedB, lastB + 1)) {
            Map<String, Integer> joined = sum(bagAfter, bagB(lastB + 1));
            double s = Words.similarity(bagA(i), joined);
            if (s < likeness + GAIN) {
                break;
            }
            bagAfter = joined;
            likeness = s;
            lastB++;
        }
        int lastA = i;
        Map<String, Integer> bagBefore = bagA(i);
        while (lastB == j && lastA + 1 < a.size() && free(usedA, matchedA, lastA + 1)) {
            Map<String, Integer> joined = sum(bagBefore, bagA(lastA + 1));
            double s = Words.similarity(joined, bagAfter);
            if (s < likeness + GAIN) {
                break;
            }
            bagBefore = joined;
            likeness = s;
            lastA++;
        }
        paired(i, lastA, j, lastB);
    }

    private static boolean free(boolean[] used, boolean[] matched, int k) {
        return !used[k] && !matched[k];
    }

    private void paired(int firstA, int lastA, int firstB, int lastB) {
        for (int i = firstA; i <= lastA; i++) {
            usedA[i] = true;
            partnerEnd[i] = lastB + 1;
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
        return bag(bagsA, a, i);
    }

    private Map<String, Integer> bagB(int j) {
        return bag(bagsB, b, j);
    }

    /** Paragraph {@code k}'s word multiset, computed once. */
    private static Map<String, Integer> bag(List<Map<String, Integer>> bags, List<String> paragraphs, int k) {
        Map<String, Integer> bag = bags.get(k);
        if (bag == null) {
            bag = Words.bag(paragraphs.get(k));
            bags.set(k, bag);
        }
        return bag;
    }

    private static Map<String, Integer> sum(Map<String, Integer> x, Map<String, Integer> y) {
        Map<String, Integer> out = new HashMap<>(x);
        y.forEach((word, n) -> out.merge(word, n, Integer::sum));
        return out;
    }

    /**
     * Hashes of a paragraph's runs of {@link #SHINGLE} words, lower-cased. Two runs that share a
     * hash only make two paragraphs candidates; {@link Words#similarity} decides.
     */
    private static int[] shingles(String paragraph) {
        String[] words = Words.of(paragraph);
        int[] hashes = new int[words.length];
        for (int k = 0; k < words.length; k++) {
            hashes[k] = words[k].toLowerCase(Locale.ROOT).hashCode();
        }
        int[] out = new int[Math.max(0, words.length - SHINGLE + 1)];
        for (int k = 0; k < out.length; k++) {
            out[k] = (hashes[k] * 31 + hashes[k + 1]) * 31 + hashes[k + 2];
        }
        return out;
    }
}
