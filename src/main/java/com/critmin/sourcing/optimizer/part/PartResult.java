package com.critmin.sourcing.optimizer.part;

import com.critmin.sourcing.optimizer.model.Status;

/**
 * The solved state of one part: quantities per candidate, shortfall and the dual of every row in
 * the model.
 */
public final class PartResult {
  public final Status status;

  /** Quantity per candidate; null unless OPTIMAL. */
  public final double[] x;

  public final double shortfall;

  /**
   * Dual per row of {@link MaterialPart#rows}; 0 for rows left out of the model; null unless
   * OPTIMAL.
   */
  public final double[] rowDual;

  public final boolean fastPath;
  public final String engine;
  public final int variables;
  public final int constraints;
  public final long buildNanos;
  public final long solveNanos;

  public PartResult(
      Status status,
      double[] x,
      double shortfall,
      double[] rowDual,
      boolean fastPath,
      String engine,
      int variables,
      int constraints,
      long buildNanos,
      long solveNanos) {
    this.status = status;
    this.x = x;
    this.shortfall = shortfall;
    this.rowDual = rowDual;
    this.fastPath = fastPath;
    this.engine = engine;
    this.variables = variables;
    this.constraints = constraints;
    this.buildNanos = buildNanos;
    this.solveNanos = solveNanos;
  }

  public PartResult withBuildNanos(long extraBuildNanos) {
    return new PartResult(
        status,
        x,
        shortfall,
        rowDual,
        fastPath,
        engine,
        variables,
        constraints,
        buildNanos + extraBuildNanos,
        solveNanos);
  }
}
