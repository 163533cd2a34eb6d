package com.critmin.sourcing.supplier;

import java.util.Optional;

/**
 * Implemented by each feature that refers to suppliers, so that deleting a supplier can ask who
 * still uses it without the supplier feature depending on any of them.
 */
public interface SupplierUsage {
  /** What here still uses the supplier, such as "3 offer(s)"; empty when nothing does. */
  Optional<String> usesOfSupplier(String supplierId);
}
