package com.critmin.sourcing.optimizer.model;

/**
 * Quantity wanted of one material; {@code shortfallPenalty} overrides the problem's penalty for
 * this line; {@code unit} (t, kg, ...; may be null) names its quantities in explanations.
 */
public record Demand(String material, double quantity, Double shortfallPenalty, String unit) {

  public Demand(String material, double quantity) {
    this(material, quantity, null, null);
  }

  public Demand(String material, double quantity, Double shortfallPenalty) {
    this(material, quantity, shortfallPenalty, null);
  }
}
