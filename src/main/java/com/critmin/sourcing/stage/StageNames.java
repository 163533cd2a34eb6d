package com.critmin.sourcing.stage;

import java.util.Collection;

/** Messages about stage names that are not in the vocabulary, with a "did you mean" hint. */
public final class StageNames {
  private StageNames() {}

  /** "stage 'SEPERATION' does not exist; did you mean 'SEPARATION'? (see /v1/stages)". */
  public static String unknown(String stage, Collection<String> known) {
    String closest = closest(stage, known);
    return "stage '"
        + stage
        + "' does not exist"
        + (closest == null ? "" : "; did you mean '" + closest + "'?")
        + " (see /v1/stages)";
  }

  /**
   * The known name nearest to {@code name} by edit distance, when it is close: at most a third of
   * the name's length (at least 1, at most 3) edits away.
   */
  public static String closest(String name, Collection<String> known) {
    String upper = name.toUpperCase(java.util.Locale.ROOT);
    int allowed = Math.max(1, Math.min(3, upper.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(upper, candidate);
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
