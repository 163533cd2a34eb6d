package com.critmin.sourcing.optimizer.model;

import java.util.List;

/**
 * Per-material outcome: quantities, purchase cost, SUPPLY-stage HHI (shares of allocated x 10,000),
 * country shares. {@code awardedSuppliers}: under award rules, the suppliers with a non-zero award,
 * in id order; null on the LP path.
 */
public record MaterialResult(
    String material,
    double demand,
    double allocated,
    double shortfall,
    double cost,
    double hhi,
    List<Share> shares,
    List<String> awardedSuppliers) {

  public MaterialResult {
    shares = Copies.list(shares);
    awardedSuppliers = awardedSuppliers == null ? null : List.copyOf(awardedSuppliers);
  }

  public MaterialResult(
      String material,
      double demand,
      double allocated,
      double shortfall,
      double cost,
      double hhi,
      List<Share> shares) {
    this(material, demand, allocated, shortfall, cost, hhi, shares, null);
  }

  /** The same result listing its awarded suppliers. */
  public MaterialResult withAwardedSuppliers(List<String> suppliers) {
    return new MaterialResult(material, demand, allocated, shortfall, cost, hhi, shares, suppliers);
  }
}
