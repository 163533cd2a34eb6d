package com.critmin.sourcing.optimizer.model;

import java.util.Set;

/**
 * The limit a frontier varies: the uniform country cap at every stage ({@code MAX_COUNTRY_SHARE};
 * more specific limits still apply), one country's cap ({@code COUNTRY_LIMIT} at {@code stage} and
 * for {@code material}, null = every one; it replaces a policy entry of the same specificity), or a
 * group's cap ({@code GROUP_LIMIT}, {@code groupCountries} its members; it replaces the policy's
 * cap on that group at that stage). Levels are shares of demanded quantity.
 */
public record VariedLimit(
    Kind kind,
    String country,
    String stage,
    String material,
    String group,
    Set<String> groupCountries) {

  public enum Kind {
    MAX_COUNTRY_SHARE,
    COUNTRY_LIMIT,
    GROUP_LIMIT
  }

  public VariedLimit {
    kind = kind == null ? Kind.MAX_COUNTRY_SHARE : kind;
    groupCountries = Copies.set(groupCountries);
  }

  public static final VariedLimit MAX_COUNTRY_SHARE =
      new VariedLimit(Kind.MAX_COUNTRY_SHARE, null, null, null, null, null);

  public static VariedLimit country(String country, String stage, String material) {
    return new VariedLimit(Kind.COUNTRY_LIMIT, country, stage, material, null, null);
  }

  public static VariedLimit group(String group, Set<String> countries, String stage) {
    return new VariedLimit(Kind.GROUP_LIMIT, null, stage, null, group, countries);
  }

  /**
   * The level the policy itself sets for this limit (1 where it sets none): the frontier's
   * baseline.
   */
  public double policyLevel(Limits limits) {
    double uniform = limits.maxCountryShare() == null ? 1.0 : limits.maxCountryShare();
    switch (kind) {
      case MAX_COUNTRY_SHARE:
        return uniform;
      case COUNTRY_LIMIT:
        for (CountryLimit l : limits.countryLimits()) {
          if (l.basis() == Basis.QUANTITY
              && l.country().equals(country)
              && java.util.Objects.equals(l.stage(), stage)
              && java.util.Objects.equals(l.material(), material)) return l.maxShare();
        }
        return uniform;
      default:
        for (GroupLimit l : limits.groupLimits()) {
          if (l.basis() == Basis.QUANTITY
              && l.group().equals(group)
              && java.util.Objects.equals(l.stage(), stage)
              && l.material() == null
              && l.maxShare() != null) return l.maxShare();
        }
        return 1.0;
    }
  }
}
