package com.critmin.sourcing.optimizer.model;

/**
 * A cap on one country's share of demand (basis QUANTITY) or of the material's purchase cost
 * (SPEND), at one stage (null = every stage), for one material (null = all).
 */
public record CountryLimit(
    String country, String stage, String material, double maxShare, Basis basis) {

  public CountryLimit {
    basis = basis == null ? Basis.QUANTITY : basis;
  }

  public CountryLimit(String country, String stage, String material, double maxShare) {
    this(country, stage, material, maxShare, Basis.QUANTITY);
  }
}
