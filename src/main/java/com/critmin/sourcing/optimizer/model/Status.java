package com.critmin.sourcing.optimizer.model;

/**
 * Outcome of a solve. TIME_LIMIT: some part did not prove optimality in time; its material is left
 * out.
 */
public enum Status {
  OPTIMAL,
  INFEASIBLE,
  TIME_LIMIT
}
