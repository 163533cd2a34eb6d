package com.critmin.sourcing.optimizer.model;

import java.util.List;

/**
 * The optimizer's answer. {@code totalCost} is the purchase cost without shortfall penalties. When
 * INFEASIBLE, allocations, materials and binding constraints are empty and {@code diagnosis} says
 * why.
 */
public record Solution(
    Status status,
    double totalCost,
    List<Allocation> allocations,
    List<MaterialResult> materials,
    List<BindingConstraint> bindingConstraints,
    Diagnosis diagnosis,
    SolverStats solver) {

  public Solution {
    allocations = Copies.list(allocations);
    materials = Copies.list(materials);
    bindingConstraints = Copies.list(bindingConstraints);
  }
}
