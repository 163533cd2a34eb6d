package com.critmin.sourcing.optimizer.model;

import java.util.List;
import java.util.Set;

/** The concentration limits of a sourcing policy; null or empty means no limit of that kind. */
public record Limits(
    Double maxCountryShare,
    List<CountryLimit> countryLimits,
    List<GroupLimit> groupLimits,
    Double maxSupplierShare,
    Set<String> excludedCountries) {

  public static final Limits NONE = new Limits(null, null, null, null, null);

  public Limits {
    countryLimits = Copies.list(countryLimits);
    groupLimits = Copies.list(groupLimits);
    excludedCountries = Copies.set(excludedCountries);
  }
}
