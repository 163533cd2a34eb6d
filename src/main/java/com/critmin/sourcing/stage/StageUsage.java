package com.critmin.sourcing.stage;

import java.util.Optional;

/**
 * Implemented by each feature that names stages (offers' origins, policies' limits), so that
 * deleting a stage can ask who still uses it without the stage feature depending on any of them.
 */
public interface StageUsage {
  /** What here still uses the stage, such as "2 offer(s)"; empty when nothing does. */
  Optional<String> usesOfStage(String stageId);
}
