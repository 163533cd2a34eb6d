package com.critmin.sourcing.optimizer.model;

import java.util.List;
import java.util.Map;

/**
 * One request to the optimizer: offers, demand per material, policy limits and a what-if scenario.
 * Collections may be null (read as empty); {@code shortfallPenalty} null means 10 x the highest
 * price. {@code supplierFixedCosts} maps a supplier id to what is paid once if any of its offers is
 * awarded (qualification, onboarding, tooling), in the problem's currency.
 */
public record SourcingProblem(
    List<OfferInput> offers,
    List<Demand> demands,
    Limits limits,
    Scenario scenario,
    boolean allowShortfall,
    Double shortfallPenalty,
    String currency,
    SolveOptions options,
    Map<String, Double> supplierFixedCosts) {

  public SourcingProblem {
    supplierFixedCosts = Copies.map(supplierFixedCosts);
    offers = Copies.list(offers);
    demands = Copies.list(demands);
    limits = limits == null ? Limits.NONE : limits;
    scenario = scenario == null ? Scenario.NONE : scenario;
    currency = currency == null || currency.isBlank() ? "USD" : currency;
    options = options == null ? SolveOptions.DEFAULT : options;
  }

  /** A problem without fixed costs. */
  public SourcingProblem(
      List<OfferInput> offers,
      List<Demand> demands,
      Limits limits,
      Scenario scenario,
      boolean allowShortfall,
      Double shortfallPenalty,
      String currency,
      SolveOptions options) {
    this(
        offers,
        demands,
        limits,
        scenario,
        allowShortfall,
        shortfallPenalty,
        currency,
        options,
        null);
  }

  /** This problem with shortfall allowed at its penalty (stress tests). */
  public SourcingProblem withShortfallAllowed() {
    return new SourcingProblem(
        offers,
        demands,
        limits,
        scenario,
        true,
        shortfallPenalty,
        currency,
        options,
        supplierFixedCosts);
  }

  /**
   * Whether some rule needs integer decisions (minimum orders, lot sizes, fixed costs, supplier
   * counts); without one the problem is a pure LP and takes the LP path.
   */
  public boolean hasAwardRules() {
    if (limits.hasSupplierCounts()) return true;
    for (double cost : supplierFixedCosts.values()) if (cost > 0) return true;
    for (OfferInput offer : offers) if (offer.hasAwardRules()) return true;
    return false;
  }

  /** The same problem with other offers, limits and fixed costs (a rule taken away). */
  public SourcingProblem with(
      List<OfferInput> newOffers, Limits newLimits, Map<String, Double> newFixedCosts) {
    return new SourcingProblem(
        newOffers,
        demands,
        newLimits,
        scenario,
        allowShortfall,
        shortfallPenalty,
        currency,
        options,
        newFixedCosts);
  }
}
