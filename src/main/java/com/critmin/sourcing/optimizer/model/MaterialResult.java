package com.critmin.sourcing.optimizer.model;

import java.util.List;

/**
 * Per-material outcome: quantities, purchase cost, SUPPLY-stage HHI (shares of allocated x 10,000),
 * country shares.
 */
public record MaterialResult(
    String material,
    double demand,
    double allocated,
    double shortfall,
    double cost,
    double hhi,
    List<Share> shares) {

  public MaterialResult {
    shares = Copies.list(shares);
  }
}
