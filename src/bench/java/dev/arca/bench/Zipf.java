package dev.arca.bench;

import java.util.Arrays;
import java.util.Random;

/**
 * Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s: the shape of word frequencies
 * in natural language (Zipf's law), and of how popular sites are.
 */
final class Zipf {

    private final double[] cumulative;

    Zipf(int n, double s) {
        cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, s);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
    }

    int next(Random random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }
}
