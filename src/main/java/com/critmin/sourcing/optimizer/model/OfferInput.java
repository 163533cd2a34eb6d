package com.critmin.sourcing.optimizer.model;

import java.util.Map;

/**
 * A supplier's offer of one material. {@code country} is the SUPPLY stage; {@code origins} maps
 * upstream stages (MINING, SEPARATION, ...) to ISO countries and never contains SUPPLY. The award
 * rules, null when absent: {@code minQuantity}, bought either not at all or at least this much;
 * {@code lotSize}, bought in whole multiples of it.
 */
public record OfferInput(
    String id,
    String supplierId,
    String material,
    String country,
    double capacity,
    double unitPrice,
    Map<String, String> origins,
    Double minQuantity,
    Double lotSize) {

  public OfferInput {
    origins = Copies.map(origins);
  }

  /** An offer without award rules. */
  public OfferInput(
      String id,
      String supplierId,
      String material,
      String country,
      double capacity,
      double unitPrice,
      Map<String, String> origins) {
    this(id, supplierId, material, country, capacity, unitPrice, origins, null, null);
  }

  public OfferInput(
      String id,
      String supplierId,
      String material,
      String country,
      double capacity,
      double unitPrice) {
    this(id, supplierId, material, country, capacity, unitPrice, Map.of());
  }

  /** Whether the offer carries a rule that needs integer decisions. */
  public boolean hasAwardRules() {
    return minQuantity != null || lotSize != null;
  }
}
