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
                .map(id -> new Scored(id, EditDistance.between(typed, id.substring(0, Math.min(id.length(), typed.length())))))
                .filter(s -> s.distance <= tolerance)
                .sorted(Comparator.comparingInt((Scored s) -> s.distance).thenComparing(s -> s.id))
                .limit(max)
                .map(s -> s.id)
                .toList();
    }

    private record Scored(String id, int distance) {
    }
}
