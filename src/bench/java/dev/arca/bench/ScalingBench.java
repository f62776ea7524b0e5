package dev.arca.bench;

import dev.arca.extract.Extractor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How extraction time grows with the page: synthetic modern news pages of 50 KB, 200 KB, 1 MB
 * and 5 MB ({@link SyntheticPages}), each size warmed up and then timed in interleaved passes of
 * arca and Readability4J, one thread, in one JVM. Prints milliseconds per page (median pass) and
 * milliseconds per megabyte; time that grows linearly with the page keeps ms/MB flat, and the
 * last column is ms/MB over that of the smallest size.
 *
 * <pre>ScalingBench [--warmup SECONDS] [--rounds N]</pre>
 */
public final class ScalingBench {

    private ScalingBench() {
    }

    public static void main(String[] args) {
        double warmup = 10;
        int rounds = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: ScalingBench [--warmup SECONDS] [--rounds N]");
                    System.exit(2);
                }
            }
        }
        SyntheticPages pages = new SyntheticPages(42);
        Extractor arca = Extractor.create();
        Consumer<byte[]> arcaRun = b -> arca.extract(b, "text/html; charset=utf-8", "https://news.example/2024/05/01/story");
        Consumer<byte[]> r4jRun = b -> Readability4JRun.extract("https://news.example/2024/05/01/story", b);
        System.out.printf(Locale.ROOT, "warm-up %.0f s per extractor and size, %d timed passes each, interleaved;"
                + " median pass%n", warmup, rounds);
        System.out.printf(Locale.ROOT, "%8s %5s %14s %12s %14s %12s %10s%n", "size", "pages", "arca ms/page",
                "arca ms/MB", "r4j ms/page", "r4j ms/MB", "arca x50KB");
        double baseline = 0;
        for (int size : SyntheticPages.SIZES) {
            // about 10 MB of pages per size, at least two
            int count = Math.max(2, 10 * 1024 * 1024 / size);
            List<byte[]> docs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                docs.add(pages.page(i, size));
            }
            double mb = docs.stream().mapToLong(d -> d.length).sum() / (1024.0 * 1024.0) / count;
            warm(docs, arcaRun, warmup);
            warm(docs, r4jRun, warmup);
            double[] a = new double[rounds];
            double[] r = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                a[i] = msPerPage(docs, arcaRun);
                r[i] = msPerPage(docs, r4jRun);
            }
            double am = median(a);
            double rm = median(r);
            if (baseline == 0) {
                baseline = am / mb;
            }
            System.out.printf(Locale.ROOT, "%8s %5d %14.2f %12.1f %14.2f %12.1f %10.2f%n", label(size), count, am, am / mb,
                    rm, rm / mb, am / mb / baseline);
        }
    }

    private static String label(int size) {
        return size >= 1024 * 1024 ? size / (1024 * 1024) + " MB" : size / 1024 + " KB";
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void warm(List<byte[]> docs, Consumer<byte[]> run, double seconds) {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        do {
            docs.forEach(run);
        } while (System.nanoTime() < until);
    }

    private static double msPerPage(List<byte[]> docs, Consumer<byte[]> run) {
        long t = System.nanoTime();
        docs.forEach(run);
        return (System.nanoTime() - t) / 1e6 / docs.size();
    }
}
