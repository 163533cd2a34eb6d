package com.critmin.sourcing.optimizer.model;

import java.util.List;
import java.util.Set;

/**
 * The concentration limits of a sourcing policy; null or empty means no limit of that kind. {@code
 * maxHhi} caps the Herfindahl-Hirschman index (0 to 10,000, squared percentage shares of demand
 * over countries) of every demanded material at every stage. {@code minSuppliers} and {@code
 * maxSuppliers} bound, per material, how many suppliers receive a non-zero award (rules that need
 * integer decisions).
 */
public record Limits(
    Double maxCountryShare,
    List<CountryLimit> countryLimits,
    List<GroupLimit> groupLimits,
    Double maxSupplierShare,
    Set<String> excludedCountries,
    Double maxHhi,
    Integer minSuppliers,
    Integer maxSuppliers) {

  public static final Limits NONE = new Limits(null, null, null, null, null);

  public Limits {
    countryLimits = Copies.list(countryLimits);
    groupLimits = Copies.list(groupLimits);
    excludedCountries = Copies.set(excludedCountries);
  }

  /** Share limits only: no HHI cap, no supplier counts. */
  public Limits(
      Double maxCountryShare,
      List<CountryLimit> countryLimits,
      List<GroupLimit> groupLimits,
      Double maxSupplierShare,
      Set<String> excludedCountries) {
    this(
        maxCountryShare,
        countryLimits,
        groupLimits,
        maxSupplierShare,
        excludedCountries,
        null,
        null,
        null);
  }

  /** The same limits with another uniform country cap. */
  public Limits withMaxCountryShare(Double share) {
    return new Limits(
        share,
        countryLimits,
        groupLimits,
        maxSupplierShare,
        excludedCountries,
        maxHhi,
        minSuppliers,
        maxSuppliers);
  }

  /** The same limits with other supplier counts (null: no such rule). */
  public Limits withSupplierCounts(Integer min, Integer max) {
    return new Limits(
        maxCountryShare,
        countryLimits,
        groupLimits,
        maxSupplierShare,
        excludedCountries,
        maxHhi,
        min,
        max);
  }

  /** Whether a supplier count needs integer decisions. */
  public boolean hasSupplierCounts() {
    return minSuppliers != null || maxSuppliers != null;
  }
}
