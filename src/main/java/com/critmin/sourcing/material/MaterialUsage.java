package com.critmin.sourcing.material;

import java.util.Optional;

/**
 * Implemented by each feature that refers to materials, so that deleting a material can ask who
 * still uses it without the material feature depending on any of them.
 */
public interface MaterialUsage {
  /** What here still uses the material, such as "3 offer(s)"; empty when nothing does. */
  Optional<String> usesOfMaterial(String materialId);
}
