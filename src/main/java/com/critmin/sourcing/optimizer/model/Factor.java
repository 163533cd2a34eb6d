package com.critmin.sourcing.optimizer.model;

/**
 * A multiplier on capacity or price naming exactly one of an offer, a supplier or a SUPPLY country.
 */
public record Factor(String offer, String supplier, String country, double factor) {

  public static Factor ofOffer(String offer, double factor) {
    return new Factor(offer, null, null, factor);
  }

  public static Factor ofSupplier(String supplier, double factor) {
    return new Factor(null, supplier, null, factor);
  }

  public static Factor ofCountry(String country, double factor) {
    return new Factor(null, null, country, factor);
  }
}
