package com.critmin.sourcing.optimizer.model;

import java.util.List;

/**
 * The price of resilience: the minimum total cost as a function of one limit's level. {@code
 * minFeasibleLevel}: the tightest level at which every coverable material is covered (null when
 * none is); {@code points} at the requested levels, {@code baseline} at the policy's own level,
 * {@code breakpoints} where the piecewise-linear cost changes slope, exact to the solver's
 * tolerance. {@code stats}: solves and simplex pivots spent.
 */
public record Frontier(
    VariedLimit vary,
    Double minFeasibleLevel,
    List<Point> points,
    Point baseline,
    List<Breakpoint> breakpoints,
    Stats stats) {

  public Frontier {
    points = Copies.list(points);
    breakpoints = Copies.list(breakpoints);
  }

  /**
   * The optimum at one level: status OPTIMAL when every material is covered, else INFEASIBLE with
   * the uncovered materials; {@code totalCost} the purchase cost (null when infeasible), {@code
   * marginalCostPerPoint} the extra cost of tightening the level by one percentage point (the slope
   * on the tighter side, from the duals), {@code shortfall} the unmet quantity when the problem
   * allows shortfall.
   */
  public record Point(
      double level,
      Status status,
      Double totalCost,
      Double marginalCostPerPoint,
      double shortfall,
      List<Uncovered> uncovered) {
    public Point {
      uncovered = Copies.list(uncovered);
    }
  }

  /** A level where the cost changes slope, and the cost there. */
  public record Breakpoint(double level, double totalCost) {}

  /**
   * A material that cannot be covered at a point's level: its demand and the tightest level at
   * which it can (null: at no level up to 1).
   */
  public record Uncovered(String material, double demand, Double coverableFromLevel) {}

  /**
   * Engine solves (cut rounds included; a part traced by the Java level sweep counts one), simplex
   * pivots over all of them, parts re-solved, and the wall time.
   */
  public record Stats(int solves, long pivots, int parts, int variedParts, long wallTimeMillis) {}
}
