package com.critmin.sourcing.optimizer.model;

import java.util.List;

/**
 * One request to the optimizer: offers, demand per material, policy limits and a what-if scenario.
 * Collections may be null (read as empty); {@code shortfallPenalty} null means 10 x the highest
 * price.
 */
public record SourcingProblem(
    List<OfferInput> offers,
    List<Demand> demands,
    Limits limits,
    Scenario scenario,
    boolean allowShortfall,
    Double shortfallPenalty,
    String currency,
    SolveOptions options) {

  public SourcingProblem {
    offers = Copies.list(offers);
    demands = Copies.list(demands);
    limits = limits == null ? Limits.NONE : limits;
    scenario = scenario == null ? Scenario.NONE : scenario;
    currency = currency == null || currency.isBlank() ? "USD" : currency;
    options = options == null ? SolveOptions.DEFAULT : options;
  }
}
