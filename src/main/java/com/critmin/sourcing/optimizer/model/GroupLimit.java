package com.critmin.sourcing.optimizer.model;

import java.util.Set;

/**
 * A cap ({@code maxShare}) and/or a floor ({@code minShare}) on the summed share of a group of
 * countries, at every stage unless {@code stage} names one, for every material unless {@code
 * material} names one; a share of demanded quantity (basis QUANTITY) or of purchase cost (SPEND).
 */
public record GroupLimit(
    String group,
    Set<String> countries,
    Double maxShare,
    Double minShare,
    String stage,
    String material,
    Basis basis) {

  public GroupLimit {
    countries = Copies.set(countries);
    basis = basis == null ? Basis.QUANTITY : basis;
  }

  public GroupLimit(
      String group,
      Set<String> countries,
      Double maxShare,
      Double minShare,
      String stage,
      String material) {
    this(group, countries, maxShare, minShare, stage, material, Basis.QUANTITY);
  }
}
