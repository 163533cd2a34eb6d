package com.critmin.sourcing.optimizer.model;

import java.util.List;
import java.util.Set;

/**
 * What-if changes for one solve: unavailable SUPPLY countries and suppliers, capacity and price
 * factors.
 */
public record Scenario(
    Set<String> unavailableCountries,
    Set<String> unavailableSuppliers,
    List<Factor> capacityFactors,
    List<Factor> priceFactors) {

  public static final Scenario NONE = new Scenario(null, null, null, null);

  public Scenario {
    unavailableCountries = Copies.set(unavailableCountries);
    unavailableSuppliers = Copies.set(unavailableSuppliers);
    capacityFactors = Copies.list(capacityFactors);
    priceFactors = Copies.list(priceFactors);
  }
}
