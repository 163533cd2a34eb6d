package com.critmin.sourcing.stage;

import com.critmin.sourcing.common.ResourceIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stages a request body names, each with its field, for the bodies that say so ({@link
 * NamesStages}), and the helpers they use. Names that are not even well formed are left out (Bean
 * Validation already names them), and so is SUPPLY in origins.
 */
public final class StageReferences {
  private static final String SUPPLY = "SUPPLY";

  private StageReferences() {}

  /** The references of a body, or of each body of a list (fields prefixed "[i]."); none else. */
  public static List<StageService.Reference> of(Object body) {
    if (body instanceof NamesStages named) {
      return named.namedStages();
    }
    List<StageService.Reference> found = new ArrayList<>();
    if (body instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof NamesStages named) {
          for (StageService.Reference r : named.namedStages()) {
            found.add(new StageService.Reference("[" + i + "]." + r.field(), r.stage()));
          }
        }
      }
    }
    return found;
  }

  /** The stages an offer's origins name, as {@code <prefix>origins[STAGE]}; SUPPLY left out. */
  public static void addOrigins(
      String prefix, Map<String, String> origins, List<StageService.Reference> found) {
    if (origins == null) return;
    for (String stage : origins.keySet()) {
      if (!SUPPLY.equals(stage)) add(prefix + "origins[" + stage + "]", stage, found);
    }
  }

  /** Adds the stage under this field, when it is a well-formed name. */
  public static void add(String field, String stage, List<StageService.Reference> found) {
    if (stage != null && stage.matches(ResourceIds.STAGE_REGEX)) {
      found.add(new StageService.Reference(field, stage));
    }
  }
}
