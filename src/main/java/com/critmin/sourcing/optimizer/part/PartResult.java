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

  /** Quantity per candidate; null without a plan (INFEASIBLE, or TIME_LIMIT before any plan). */
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

  /** Warm re-solves that added HHI tangent cuts. */
  public final int hhiIterations;

  /** Whether the part was solved under an HHI cap (its duals then include the cuts'). */
  public final boolean hhiCapped;

  /**
   * Per stage, the HHI cap's price: objective change per index point the cap is raised (negative or
   * 0); null without an HHI cap.
   */
  public final double[] hhiPrice;

  /**
   * Per stage, the HHI (squared percentage shares of demand) of the solution; null without a cap.
   */
  public final double[] hhi;

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
    this(status, x, shortfall, rowDual, engine, effort, 0, false, null, null);
  }

  private PartResult(
      Status status,
      double[] x,
      double shortfall,
      double[] rowDual,
      String engine,
      Effort effort,
      int hhiIterations,
      boolean hhiCapped,
      double[] hhiPrice,
      double[] hhi) {
    this.hhiIterations = hhiIterations;
    this.hhiCapped = hhiCapped;
    this.hhiPrice = hhiPrice;
    this.hhi = hhi;
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

  /**
   * A part whose MIP stopped at the time limit with a plan it could not prove optimal: quantities,
   * shortfall and duals of the LP with its integer decisions fixed.
   */
  public static PartResult timeLimited(
      String engine, double[] x, double shortfall, double[] rowDual, Effort effort) {
    return new PartResult(Status.TIME_LIMIT, x, shortfall, rowDual, engine, effort);
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
        new Effort(variables, constraints, buildNanos + extraBuildNanos, solveNanos),
        hhiIterations,
        hhiCapped,
        hhiPrice,
        hhi);
  }

  /** This result solved under an HHI cap: cut iterations, per-stage price and index. */
  public PartResult withHhi(int iterations, double[] price, double[] index) {
    return new PartResult(
        status,
        x,
        shortfall,
        rowDual,
        engine,
        new Effort(variables, constraints, buildNanos, solveNanos),
        iterations,
        true,
        price,
        index);
  }

  /** Purchase cost plus shortfall penalty of an optimal result; NaN otherwise. */
  public double objective(MaterialPart part) {
    if (x == null) return Double.NaN;
    return purchaseCost(part) + (part.allowShortfall ? part.penalty * shortfall : 0.0);
  }

  /** Purchase cost of an optimal result; NaN otherwise. */
  public double purchaseCost(MaterialPart part) {
    if (x == null) return Double.NaN;
    double cost = 0;
    for (int i = 0; i < part.n; i++) if (x[i] != 0) cost += part.price[i] * x[i];
    return cost;
  }
}
