package com.critmin.sourcing.stage;

import java.util.List;

/**
 * A request body that names stages (in limits, origins, scenarios, a varied limit, shocks). Each
 * body says which, with the field of each, so that this package checks them against the vocabulary
 * without knowing the bodies of other features.
 */
public interface NamesStages {
  /**
   * The stages this body names, each with its field; SUPPLY in origins and malformed names left
   * out.
   */
  List<StageService.Reference> namedStages();
}
