package com.critmin.sourcing.optimizer.part;

import java.util.List;

/**
 * One material's share of the problem, compiled to primitive arrays: the candidate offers (positive
 * capacity after the scenario; policy-excluded ones kept for the diagnosis but flagged) and the
 * policy rows. Every constraint of the model belongs to one material, so each part is an
 * independent LP.
 */
public final class MaterialPart {
  public static final String SUPPLY = "SUPPLY";
  public static final String UNKNOWN_COUNTRY = "ZZ";

  public final String material;
  public final double demand;
  public final boolean allowShortfall;

  /** Penalty per unit of shortfall. */
  public final double penalty;

  /** Candidate count; arrays below are indexed 0..n-1. */
  public final int n;

  public final String[] offerIds;
  public final String[] supplierIds;
  public final int[] supplierIndex;
  public final double[] capacity;
  public final double[] price;

  /** Countries that exclude the offer under the policy, null when it is allowed. */
  public final String[][] excludedBy;

  public final int availableCount;

  /** Stage 0 is SUPPLY. */
  public final String[] stages;

  /** countryOf[stage][offer] indexes {@link #countries}. */
  public final int[][] countryOf;

  public final String[] countries;
  public final List<PolicyRow> rows;

  /** Highest effective price among available candidates, 0 if none. */
  public final double maxPrice;

  MaterialPart(
      String material,
      double demand,
      boolean allowShortfall,
      double penalty,
      int n,
      String[] offerIds,
      String[] supplierIds,
      int[] supplierIndex,
      double[] capacity,
      double[] price,
      String[][] excludedBy,
      String[] stages,
      int[][] countryOf,
      String[] countries,
      List<PolicyRow> rows,
      double maxPrice) {
    this.material = material;
    this.demand = demand;
    this.allowShortfall = allowShortfall;
    this.penalty = penalty;
    this.n = n;
    this.offerIds = offerIds;
    this.supplierIds = supplierIds;
    this.supplierIndex = supplierIndex;
    this.capacity = capacity;
    this.price = price;
    this.excludedBy = excludedBy;
    int available = 0;
    for (String[] e : excludedBy) if (e == null) available++;
    this.availableCount = available;
    this.stages = stages;
    this.countryOf = countryOf;
    this.countries = countries;
    this.rows = List.copyOf(rows);
    this.maxPrice = maxPrice;
  }

  public boolean isAvailable(int offer) {
    return excludedBy[offer] == null;
  }

  public double availableCapacity() {
    double total = 0;
    for (int i = 0; i < n; i++) if (excludedBy[i] == null) total += capacity[i];
    return total;
  }

  public int activeRowCount() {
    int count = 0;
    for (PolicyRow row : rows) if (row.active) count++;
    return count;
  }

  /** Absolute tolerance on quantities of this material (1e-6 relative to demand). */
  public double tolerance() {
    return 1e-6 * Math.max(1.0, demand);
  }
}
