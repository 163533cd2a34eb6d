package com.critmin.sourcing.optimizer.model;

/**
 * Quantity wanted of one material; {@code shortfallPenalty} overrides the problem's penalty for
 * this line.
 */
public record Demand(String material, double quantity, Double shortfallPenalty) {

  public Demand(String material, double quantity) {
    this(material, quantity, null);
  }
}
