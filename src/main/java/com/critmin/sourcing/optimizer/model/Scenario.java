package com.critmin.sourcing.optimizer.model;

import java.util.List;
import java.util.Set;

/**
 * What-if changes for one solve: unavailable SUPPLY countries and suppliers, capacity and price
 * factors, and countries unavailable at every stage or at named stages ({@code countryOutages}).
 */
public record Scenario(
    Set<String> unavailableCountries,
    Set<String> unavailableSuppliers,
    List<Factor> capacityFactors,
    List<Factor> priceFactors,
    List<CountryOutage> countryOutages) {

  public static final Scenario NONE = new Scenario(null, null, null, null, null);

  public Scenario {
    unavailableCountries = Copies.set(unavailableCountries);
    unavailableSuppliers = Copies.set(unavailableSuppliers);
    capacityFactors = Copies.list(capacityFactors);
    priceFactors = Copies.list(priceFactors);
    countryOutages = Copies.list(countryOutages);
  }

  /** A scenario without country outages. */
  public Scenario(
      Set<String> unavailableCountries,
      Set<String> unavailableSuppliers,
      List<Factor> capacityFactors,
      List<Factor> priceFactors) {
    this(unavailableCountries, unavailableSuppliers, capacityFactors, priceFactors, null);
  }
}
