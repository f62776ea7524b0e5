package dev.arca.bench;

import dev.arca.diff.ArticleDiff;
import dev.arca.diff.JsonDiffRenderer;
import dev.arca.diff.UnifiedDiffRenderer;
import dev.arca.extract.Article;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Times {@link ArticleDiff#between} (and rendering the result as text and JSON) for a 50,000-word
 * article against a rewrite of it: a third of the paragraphs edited a few words at a time, some
 * split, some moved, some removed, some added; plus the worst case of a rewrite that shares no
 * paragraph and of one 50,000-word paragraph rewritten throughout. Prints the median of the runs
 * and the JVM's peak heap use; run it with a small -Xmx to show the memory bound.
 *
 * <p>Usage: {@code DiffBench [WORDS] [RUNS]} (defaults 50000 and 20).
 */
public final class DiffBench {

    /** Words drawn as natural language draws them: rank r with probability proportional to 1/(r+1). */
    private static final Zipf WORDS = new Zipf(20_000, 1.0);

    private DiffBench() {
    }

    public static void main(String[] args) {
        int words = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Random random = new Random(42);
        List<String> paragraphs = new ArrayList<>();
        for (int w = 0; w < words; ) {
            int length = 10 + random.nextInt(40);
            paragraphs.add(sentence(random, length));
            w += length;
        }
        List<String> rewritten = rewrite(paragraphs, random);
        Article before = article(paragraphs);
        time("rewrite (1/3 edited, split, moved, removed, added)", before, article(rewritten), runs);
        List<String> unrelated = new ArrayList<>();
        for (String p : paragraphs) {
            unrelated.add(sentence(random, p.split(" ").length));
        }
        time("no paragraph in common", before, article(unrelated), runs);
        String one = String.join(" ", paragraphs);
        String oneRewritten = String.join(" ", unrelated);
        time("one paragraph, rewritten throughout", article(List.of(one)), article(List.of(oneRewritten)), runs);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("paragraphs %d, words %d; heap pools' peaks summed %.1f MiB (an upper bound), max heap %.1f MiB%n",
                paragraphs.size(), words, peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static void time(String what, Article before, Article after, int runs) {
        long[] nanos = new long[runs];
        ArticleDiff diff = null;
        int length = 0;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            diff = ArticleDiff.between(before, after);
            length = new UnifiedDiffRenderer(false).render(diff, "a", "b").length()
                    + new JsonDiffRenderer().render(diff, "a", "b").length();
            nanos[r] = System.nanoTime() - start;
        }
        long first = nanos[0];
        Arrays.sort(nanos);
        System.out.printf("%-52s first (cold) %6.1f ms, median %6.1f ms; %s; output %d chars%n", what,
                first / 1e6, nanos[runs / 2] / 1e6, diff.summary(), length);
    }

    private static List<String> rewrite(List<String> paragraphs, Random random) {
        List<String> out = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        for (String p : paragraphs) {
            int roll = random.nextInt(100);
            String[] w = p.split(" ");
            if (roll < 25) {
                for (int k = 0; k < 1 + random.nextInt(3); k++) {
                    w[random.nextInt(w.length)] = "w" + WORDS.next(random);
                }
                out.add(String.join(" ", w));
            } else if (roll < 30 && w.length > 10) {
                out.add(String.join(" ", Arrays.copyOfRange(w, 0, w.length / 2)));
                out.add(String.join(" ", Arrays.copyOfRange(w, w.length / 2, w.length)));
            } else if (roll < 35) {
                moved.add(p);
            } else if (roll < 40) {
                continue;
            } else if (roll < 45) {
                out.add(p);
                out.add(sentence(random, 10 + random.nextInt(30)));
            } else {
                out.add(p);
            }
        }
        for (String p : moved) {
            out.add(random.nextInt(out.size() + 1), p);
        }
        return out;
    }

    private static String sentence(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(i == 0 ? "" : " ").append('w').append(WORDS.next(random));
        }
        return s.append('.').toString();
    }

    private static Article article(List<String> paragraphs) {
        String text = String.join("\n", paragraphs);
        return new Article("https://example.com/long", null, "A long article", null, List.of(), null, null, null, "en",
                null, null, List.of(), null, "text/html", 0.9, 0, text, "");
    }
}
