package com.critmin.sourcing.stage;

import com.critmin.sourcing.error.Suggestions;
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

  /** The known name nearest to {@code name}, when it is close (see {@link Suggestions}). */
  public static String closest(String name, Collection<String> known) {
    return Suggestions.closest(name, known).orElse(null);
  }
}
