package com.critmin.sourcing.error;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" hints: the known name closest to a misspelt one, when it is close enough. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The known name nearest to {@code given} (case-insensitive edit distance), when at most a third
   * of its characters (and at least one) differ.
   */
  public static Optional<String> closest(String given, Collection<String> known) {
    String lower = given.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(1, given.length() / 3)
        ? Optional.of(best)
        : Optional.empty();
  }

  /** " (did you mean 'x'?)" or nothing. */
  public static String hint(String given, Collection<String> known) {
    return closest(given, known).map(name -> "; did you mean '" + name + "'?").orElse("");
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
