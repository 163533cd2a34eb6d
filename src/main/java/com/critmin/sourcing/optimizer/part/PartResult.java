package com.critmin.sourcing.optimizer.part;

import com.critmin.sourcing.optimizer.model.Status;

/**
 * The solved state of one part: quantities per candidate, shortfall and the dual of every row in
 * the model, with the size of the model and the time it took. Made by {@link #optimal} or {@link
 * #unsolved}.
 */
public final class PartResult {
  /** Engine name of the exact greedy fast path. */
  public static final String GREEDY = "GREEDY";

  public final Status status;

  /** Quantity per candidate; null unless OPTIMAL. */
  public final double[] x;

  public final double shortfall;

  /**
   * Dual per row of {@link MaterialPart#rows}; 0 for rows left out of the model; null unless
   * OPTIMAL.
   */
  public final double[] rowDual;

  /** Solved by the exact greedy ({@link #GREEDY}) rather than an LP engine. */
  public final boolean fastPath;

  public final String engine;
  public final int variables;
  public final int constraints;
  public final long buildNanos;
  public final long solveNanos;

  /**
   * The model a part was solved with and the time spent: columns and rows as built (the greedy
   * counts the model it stands for), nanoseconds building and solving it.
   */
  public record Effort(int variables, int constraints, long buildNanos, long solveNanos) {
    /** Decided without building a model. */
    public static final Effort NONE = new Effort(0, 0, 0, 0);
  }

  private PartResult(
      Status status, double[] x, double shortfall, double[] rowDual, String engine, Effort effort) {
    this.status = status;
    this.x = x;
    this.shortfall = shortfall;
    this.rowDual = rowDual;
    this.fastPath = GREEDY.equals(engine);
    this.engine = engine;
    this.variables = effort.variables();
    this.constraints = effort.constraints();
    this.buildNanos = effort.buildNanos();
    this.solveNanos = effort.solveNanos();
  }

  /** A part solved to optimality: quantity per candidate, shortfall and dual per policy row. */
  public static PartResult optimal(
      String engine, double[] x, double shortfall, double[] rowDual, Effort effort) {
    return new PartResult(Status.OPTIMAL, x, shortfall, rowDual, engine, effort);
  }

  /** A part without a plan (INFEASIBLE or TIME_LIMIT): no quantities, no duals. */
  public static PartResult unsolved(Status status, String engine, Effort effort) {
    if (status == Status.OPTIMAL) {
      throw new IllegalArgumentException("an optimal part has quantities: use optimal()");
    }
    return new PartResult(status, null, 0, null, engine, effort);
  }

  public PartResult withBuildNanos(long extraBuildNanos) {
    return new PartResult(
        status,
        x,
        shortfall,
        rowDual,
        engine,
        new Effort(variables, constraints, buildNanos + extraBuildNanos, solveNanos));
  }
}
