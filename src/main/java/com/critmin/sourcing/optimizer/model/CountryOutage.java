package com.critmin.sourcing.optimizer.model;

import java.util.Set;

/**
 * A what-if outage of one country: an offer that has the country at any of {@code stages} (empty:
 * at any stage at all, SUPPLY included) is unavailable.
 */
public record CountryOutage(String country, Set<String> stages) {
  public CountryOutage {
    stages = Copies.set(stages);
  }

  /**
   * Whether this outage makes an offer from {@code supplyCountry} with these origins unavailable.
   */
  public boolean hits(String supplyCountry, java.util.Map<String, String> origins) {
    if (stages.isEmpty()) {
      return country.equals(supplyCountry) || origins.containsValue(country);
    }
    for (String stage : stages) {
      if ("SUPPLY".equals(stage)
          ? country.equals(supplyCountry)
          : country.equals(origins.get(stage))) return true;
    }
    return false;
  }
}
