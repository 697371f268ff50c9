package io.github.commgate.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code -Dcommgate.*} properties that set no parameter of any goal: Maven ignores a
 * misspelt one silently ({@code -Dcommgate.trial=10} runs 50 trials), so the goals name each,
 * with the parameter it most likely meant.
 */
public final class UnknownProperties {

    /** Properties of ours that are no parameter: what a worker JVM is started with. */
    private static final Set<String> INTERNAL = Set.of("commgate.rank");
    private static final String PREFIX = "commgate.";
    /** Edits (a letter added, dropped or changed) within which a name is taken for a misspelling. */
    private static final int MOST_EDITS = 3;

    private UnknownProperties() {
    }

    /** One sentence per unknown {@code commgate.*} key of {@code properties}, in key order. */
    public static List<String> sentences(Map<?, ?> properties, Set<String> known) {
        return properties.keySet().stream().map(String::valueOf).filter(key -> key.startsWith(PREFIX))
                .filter(key -> !known.contains(key) && !INTERNAL.contains(key)).sorted()
                .map(key -> "-D" + key + " sets no commgate parameter and is ignored"
                        + closest(key, known).map(name -> "; did you mean " + name + "?").orElse(""))
                .toList();
    }

    private static Optional<String> closest(String key, Set<String> known) {
        return known.stream().filter(name -> edits(key.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)) <= MOST_EDITS)
                .min(Comparator.comparingInt((String name) -> edits(key.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance; a dozen lines, where the libraries we may depend on have none. */
    static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
