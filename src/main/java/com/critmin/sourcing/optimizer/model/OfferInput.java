package com.critmin.sourcing.optimizer.model;

import java.util.Map;

/**
 * A supplier's offer of one material. {@code country} is the SUPPLY stage; {@code origins} maps
 * upstream stages (MINING, SEPARATION, ...) to ISO countries and never contains SUPPLY.
 */
public record OfferInput(
    String id,
    String supplierId,
    String material,
    String country,
    double capacity,
    double unitPrice,
    Map<String, String> origins) {

  public OfferInput {
    origins = Copies.map(origins);
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
}
