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

  /** What a part must buy: the material, its demand, and whether and at what cost to fall short. */
  public record Need(String material, double demand, boolean allowShortfall, double penalty) {}

  /**
   * The candidate offers, one index per offer across the arrays: ids, supplier (id and dense
   * index), capacity and effective price after the scenario, and the excluded countries of each
   * (null when the policy allows it).
   */
  public record Candidates(
      String[] offerIds,
      String[] supplierIds,
      int[] supplierIndex,
      double[] capacity,
      double[] price,
      String[][] excludedBy) {
    public Candidates {
      int n = offerIds.length;
      if (supplierIds.length != n
          || supplierIndex.length != n
          || capacity.length != n
          || price.length != n
          || excludedBy.length != n) {
        throw new IllegalArgumentException("candidate arrays of different lengths");
      }
    }

    /** Highest price among the candidates the policy allows, 0 if none. */
    public double maxAvailablePrice() {
      double max = 0;
      for (int i = 0; i < price.length; i++)
        if (excludedBy[i] == null && price[i] > max) max = price[i];
      return max;
    }
  }

  /**
   * Where the candidates come from: the stages (SUPPLY first), and per stage the index into {@code
   * countries} of each candidate's country.
   */
  public record Origins(String[] stages, int[][] countryOf, String[] countries) {}

  private MaterialPart(Need need, Candidates candidates, Origins origins, List<PolicyRow> rows) {
    this.material = need.material();
    this.demand = need.demand();
    this.allowShortfall = need.allowShortfall();
    this.penalty = need.penalty();
    this.n = candidates.offerIds().length;
    this.offerIds = candidates.offerIds();
    this.supplierIds = candidates.supplierIds();
    this.supplierIndex = candidates.supplierIndex();
    this.capacity = candidates.capacity();
    this.price = candidates.price();
    this.excludedBy = candidates.excludedBy();
    int available = 0;
    for (String[] e : excludedBy) if (e == null) available++;
    this.availableCount = available;
    this.stages = origins.stages();
    this.countryOf = origins.countryOf();
    this.countries = origins.countries();
    this.rows = List.copyOf(rows);
    this.maxPrice = candidates.maxAvailablePrice();
  }

  /** A part of the problem: its need, its candidates and their origins, and its policy rows. */
  public static MaterialPart of(
      Need need, Candidates candidates, Origins origins, List<PolicyRow> rows) {
    return new MaterialPart(need, candidates, origins, rows);
  }

  public boolean isAvailable(int offer) {
    return excludedBy[offer] == null;
  }

  public double availableCapacity() {
    double total = 0;
    for (int i = 0; i < n; i++) if (excludedBy[i] == null) total += capacity[i];
    return total;
  }

  /** Whether some row caps a share of spend rather than of quantity. */
  public boolean hasSpendRows() {
    for (PolicyRow row : rows) if (row.isSpend()) return true;
    return false;
  }

  /** The same part with other policy rows (a frontier's level). */
  public MaterialPart withRows(List<PolicyRow> newRows) {
    return new MaterialPart(
        new Need(material, demand, allowShortfall, penalty),
        new Candidates(offerIds, supplierIds, supplierIndex, capacity, price, excludedBy),
        new Origins(stages, countryOf, countries),
        newRows);
  }

  /** The same part with other capacities (a stress test's shock). */
  public MaterialPart withCapacity(double[] newCapacity) {
    return new MaterialPart(
        new Need(material, demand, allowShortfall, penalty),
        new Candidates(offerIds, supplierIds, supplierIndex, newCapacity, price, excludedBy),
        new Origins(stages, countryOf, countries),
        rows);
  }

  /** The same part allowing shortfall at its penalty (stress tests). */
  public MaterialPart withShortfallAllowed() {
    return new MaterialPart(
        new Need(material, demand, true, penalty),
        new Candidates(offerIds, supplierIds, supplierIndex, capacity, price, excludedBy),
        new Origins(stages, countryOf, countries),
        rows);
  }

  /** Indexes of the rows of the limit a frontier varies. */
  public int[] variedRows() {
    return java.util.stream.IntStream.range(0, rows.size())
        .filter(r -> rows.get(r).varied)
        .toArray();
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
