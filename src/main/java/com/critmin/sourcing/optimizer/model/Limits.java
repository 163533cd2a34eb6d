package com.critmin.sourcing.optimizer.model;

import java.util.List;
import java.util.Set;

/**
 * The concentration limits of a sourcing policy; null or empty means no limit of that kind. {@code
 * maxHhi} caps the Herfindahl-Hirschman index (0 to 10,000, squared percentage shares of demand
 * over countries) of every demanded material at every stage.
 */
public record Limits(
    Double maxCountryShare,
    List<CountryLimit> countryLimits,
    List<GroupLimit> groupLimits,
    Double maxSupplierShare,
    Set<String> excludedCountries,
    Double maxHhi) {

  public static final Limits NONE = new Limits(null, null, null, null, null, null);

  public Limits {
    countryLimits = Copies.list(countryLimits);
    groupLimits = Copies.list(groupLimits);
    excludedCountries = Copies.set(excludedCountries);
  }

  public Limits(
      Double maxCountryShare,
      List<CountryLimit> countryLimits,
      List<GroupLimit> groupLimits,
      Double maxSupplierShare,
      Set<String> excludedCountries) {
    this(maxCountryShare, countryLimits, groupLimits, maxSupplierShare, excludedCountries, null);
  }

  /** The same limits with another uniform country cap. */
  public Limits withMaxCountryShare(Double share) {
    return new Limits(
        share, countryLimits, groupLimits, maxSupplierShare, excludedCountries, maxHhi);
  }
}
