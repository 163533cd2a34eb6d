package com.critmin.sourcing.optimizer.model;

/**
 * One loss a stress test applies: a country (at every stage, or at {@code stage} only) or a
 * supplier, its offers' capacity multiplied by {@code capacityFactor} (0 removes them, 0.5 halves
 * them).
 */
public record Shock(String country, String stage, String supplier, double capacityFactor) {

  public static Shock country(String country) {
    return new Shock(country, null, null, 0.0);
  }

  /** What the shock is called in answers and charts: "CN", "CN@SEPARATION", "lynas", "CN x0.5". */
  public String label() {
    String base = supplier != null ? supplier : stage != null ? country + "@" + stage : country;
    return capacityFactor == 0.0 ? base : base + " x" + capacityFactor;
  }
}
