package com.critmin.sourcing.optimizer.model;

import java.util.List;
import java.util.Map;

/**
 * Which loss hurts most: the baseline (shortfall allowed at the usual penalty) and each shock
 * re-solved, ranked by shortfall, then by cost delta.
 */
public record StressTest(Outcome baseline, List<ShockOutcome> shocks, Frontier.Stats stats) {

  public StressTest {
    shocks = Copies.list(shocks);
  }

  /**
   * Status, purchase cost, total and per-material shortfall, the limits that bind, and under award
   * rules the rules that alone make an INFEASIBLE outcome so.
   */
  public record Outcome(
      Status status,
      double totalCost,
      double shortfall,
      Map<String, Double> shortfallByMaterial,
      List<BindingLimit> binding,
      List<RuleConflict> ruleConflicts) {
    public Outcome {
      shortfallByMaterial = Copies.map(shortfallByMaterial);
      binding = Copies.list(binding);
      ruleConflicts = Copies.list(ruleConflicts);
    }
  }

  /** One shock's outcome against the baseline; {@code costDeltaPercent} null on a zero baseline. */
  public record ShockOutcome(
      Shock shock,
      Outcome outcome,
      double costDelta,
      Double costDeltaPercent,
      List<BindingLimit> newlyBinding) {
    public ShockOutcome {
      newlyBinding = Copies.list(newlyBinding);
    }
  }

  /** A limit tight with a non-zero dual: kind, where, its level and its shadow price. */
  public record BindingLimit(
      ConstraintKind kind,
      String material,
      String stage,
      String country,
      String group,
      String supplier,
      Basis basis,
      double limit,
      double shadowPrice) {

    String key() {
      return kind + "|" + material + "|" + stage + "|" + country + "|" + group + "|" + supplier
          + "|" + basis;
    }

    /** Whether both name the same limit. */
    public boolean sameLimit(BindingLimit other) {
      return key().equals(other.key());
    }
  }
}
