package dev.arca.store;

import java.util.Comparator;
import java.util.List;

/** Finds the IDs closest to a mistyped one, by edit distance over the typed length. */
final class IdSuggestions {

    private IdSuggestions() {
    }

    static List<String> closest(String typed, List<String> ids, int max) {
        if (typed.isEmpty()) {
            return List.of();
        }
        int tolerance = Math.max(1, typed.length() / 3);
        return ids.stream()
                .map(id -> new Scored(id, distance(typed, id.substring(0, Math.min(id.length(), typed.length())))))
                .filter(s -> s.distance <= tolerance)
                .sorted(Comparator.comparingInt((Scored s) -> s.distance).thenComparing(s -> s.id))
                .limit(max)
                .map(s -> s.id)
                .toList();
    }

    private record Scored(String id, int distance) {
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
