package com.critmin.sourcing.optimizer.model;

import java.util.List;

/**
 * The optimizer's answer. {@code totalCost} is the purchase cost plus the fixed costs paid, without
 * shortfall penalties; {@code fixedCosts} the suppliers' fixed costs paid (0 without award rules).
 * {@code ruleCosts}: what each award rule that changes the answer costs. When INFEASIBLE,
 * allocations, materials and binding constraints are empty and {@code diagnosis} says why.
 */
public record Solution(
    Status status,
    double totalCost,
    List<Allocation> allocations,
    List<MaterialResult> materials,
    List<BindingConstraint> bindingConstraints,
    Diagnosis diagnosis,
    SolverStats solver,
    double fixedCosts,
    List<RuleCost> ruleCosts) {

  public Solution {
    ruleCosts = Copies.list(ruleCosts);
    allocations = Copies.list(allocations);
    materials = Copies.list(materials);
    bindingConstraints = Copies.list(bindingConstraints);
  }

  /** A solution without award rules. */
  public Solution(
      Status status,
      double totalCost,
      List<Allocation> allocations,
      List<MaterialResult> materials,
      List<BindingConstraint> bindingConstraints,
      Diagnosis diagnosis,
      SolverStats solver) {
    this(
        status,
        totalCost,
        allocations,
        materials,
        bindingConstraints,
        diagnosis,
        solver,
        0.0,
        null);
  }
}
