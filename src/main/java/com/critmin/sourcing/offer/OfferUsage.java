package com.critmin.sourcing.offer;

import com.critmin.sourcing.material.MaterialUsage;
import com.critmin.sourcing.supplier.SupplierUsage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Offers use their material and supplier: counted when either is about to be deleted. The foreign
 * keys of the offer table hold the same rule against concurrent writes.
 */
@ApplicationScoped
class OfferUsage implements MaterialUsage, SupplierUsage {
  private final OfferRepository offers;

  OfferUsage(OfferRepository offers) {
    this.offers = offers;
  }

  @Override
  public Optional<String> usesOfMaterial(String materialId) {
    return count(offers.count("materialId", materialId));
  }

  @Override
  public Optional<String> usesOfSupplier(String supplierId) {
    return count(offers.count("supplierId", supplierId));
  }

  private static Optional<String> count(long offers) {
    return offers == 0 ? Optional.empty() : Optional.of(offers + " offer(s)");
  }
}
