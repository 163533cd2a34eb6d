package com.critmin.sourcing.optimizer.part;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A part's exact optimal objective as a function of its varied rows' level, traced by a parametric
 * dual simplex in plain Java: no LP engine call, so no fixed cost per solve. The level moves only
 * right-hand sides ({@code sum x <= level * demand} on every varied row), so from an optimal basis
 * the solution is linear in the level until a basic variable reaches a bound; there one dual
 * simplex pivot gives the optimal basis of the next piece, and when no variable can enter, no
 * allocation exists at any tighter level. Every knot found is where the optimal basis changes, so
 * consecutive knots bound a linear piece and every kink is exact to floating point (no tangent
 * intersections, no grid).
 *
 * <p>The start is a crash basis that is dual feasible by construction: the cheapest offers at
 * capacity up to demand, the marginal one basic in the demand row, every policy row's slack basic.
 * The dual simplex then restores the policy rows it breaks. The basis inverse is dense ({@link
 * #MAX_ROWS} rows at most: a part's rows are its countries, groups and suppliers), updated per
 * pivot and refactored periodically. On numerical trouble (a singular basis, a pivot budget
 * exhausted by cycling) {@link #trace} returns null and the caller solves with the LP engine
 * instead.
 */
public final class LevelSweep {
  /** Rows (after merging duplicates) above which the dense basis inverse is not worth it. */
  public static final int MAX_ROWS = 400;

  /** Pivots between two refactorisations of the basis inverse. */
  private static final int REFACTOR_EVERY = 40;

  /**
   * One point of the curve: level, objective (purchase cost plus shortfall penalty), purchase cost,
   * shortfall, and the purchase cost's slope (per unit of level) on the piece below the knot (for
   * the lowest knot, on the piece above it). The curve is linear between consecutive knots.
   */
  public record Knot(
      double level, double objective, double cost, double shortfall, double costSlopeBelow) {
    Knot withCostSlopeBelow(double slope) {
      return new Knot(level, objective, cost, shortfall, slope);
    }
  }

  /**
   * The curve from the top level down: its knots by descending level, the levels where the
   * objective's slope changes, the tightest level with an allocation ({@code coverableFrom}, null
   * when there is none even at the top), and the simplex pivots spent.
   */
  public record Curve(List<Knot> knots, List<Double> kinks, Double coverableFrom, long pivots) {}

  private final MaterialPart part;
  private final int m;
  private final int structurals;
  private final int columns;

  /** Structural columns, compressed: entries {@code colStart[j] .. colStart[j+1]-1}. */
  private final int[] colStart;

  private final int[] colRow;
  private final double[] colVal;

  /** Candidate index of each offer column; the shortfall column, if any, is last. */
  private final int shortfallColumn;

  private final double[] cost;
  private final double[] lower;
  private final double[] upper;

  /** Right-hand side at level 0 and its change per unit of level. */
  private final double[] rhs0;

  private final double[] rhsSlope;

  private final int[] basis;
  private final int[] rowOf;
  private final boolean[] atUpper;
  private double[] binv;

  private final double primalTol;
  private final double dualTol;
  private final double slopeEps;
  private long pivots;
  private int sinceRefactor;

  private LevelSweep(MaterialPart part, List<double[]> rowCoef, List<int[]> rowMembers, Rows rows) {
    this.part = part;
    int[] column = new int[part.n];
    int offers = 0;
    for (int i = 0; i < part.n; i++) column[i] = part.isAvailable(i) ? offers++ : -1;
    this.structurals = offers + (part.allowShortfall ? 1 : 0);
    this.shortfallColumn = part.allowShortfall ? offers : -1;
    this.m = rows.count;
    this.columns = structurals + m;
    // Column-wise storage: the demand row (row 0) and every policy row a column belongs to.
    int[] count = new int[structurals];
    for (int j = 0; j < structurals; j++) count[j] = 1;
    for (int r = 1; r < m; r++) {
      for (int i : rowMembers.get(r)) if (column[i] >= 0) count[column[i]]++;
    }
    colStart = new int[structurals + 1];
    for (int j = 0; j < structurals; j++) colStart[j + 1] = colStart[j] + count[j];
    colRow = new int[colStart[structurals]];
    colVal = new double[colStart[structurals]];
    int[] fill = Arrays.copyOf(colStart, structurals);
    for (int j = 0; j < structurals; j++) {
      colRow[fill[j]] = 0;
      colVal[fill[j]++] = 1.0;
    }
    for (int r = 1; r < m; r++) {
      int[] members = rowMembers.get(r);
      double[] coef = rowCoef.get(r);
      for (int k = 0; k < members.length; k++) {
        int j = column[members[k]];
        if (j < 0) continue;
        colRow[fill[j]] = r;
        colVal[fill[j]++] = coef == null ? 1.0 : coef[k];
      }
    }
    cost = new double[columns];
    lower = new double[columns];
    upper = new double[columns];
    double maxCost = 0;
    for (int i = 0; i < part.n; i++) {
      int j = column[i];
      if (j < 0) continue;
      cost[j] = part.price[i];
      upper[j] = part.capacity[i];
      maxCost = Math.max(maxCost, Math.abs(part.price[i]));
    }
    if (shortfallColumn >= 0) {
      cost[shortfallColumn] = part.penalty;
      upper[shortfallColumn] = Double.POSITIVE_INFINITY;
      maxCost = Math.max(maxCost, Math.abs(part.penalty));
    }
    // Logical column of row r: a.x + w = rhs; w in [0, inf) for a cap, (-inf, 0] for a minimum,
    // [0, 0] for the demand row.
    for (int r = 0; r < m; r++) {
      int j = structurals + r;
      if (r == 0) {
        lower[j] = 0;
        upper[j] = 0;
      } else if (rows.isLower[r]) {
        lower[j] = Double.NEGATIVE_INFINITY;
        upper[j] = 0;
      } else {
        lower[j] = 0;
        upper[j] = Double.POSITIVE_INFINITY;
      }
    }
    rhs0 = rows.rhs0;
    rhsSlope = rows.slope;
    basis = new int[m];
    rowOf = new int[columns];
    atUpper = new boolean[columns];
    primalTol = 1e-9 * Math.max(1.0, part.demand);
    dualTol = 1e-9 * Math.max(1.0, maxCost);
    slopeEps = 1e-12 * Math.max(1.0, part.demand);
  }

  /** The part's rows as the sweep models them: row 0 is demand, then the distinct policy rows. */
  private record Rows(int count, double[] rhs0, double[] slope, boolean[] isLower) {}

  /**
   * Whether the sweep can trace this part: some available offer, something demanded, every minimum
   * share reachable, and few enough distinct rows for a dense basis.
   */
  public static boolean applies(MaterialPart part) {
    if (part.availableCount == 0 || part.demand <= 0) return false;
    int rows = 1;
    for (PolicyRow row : part.rows) {
      if (!row.active) continue;
      int available = 0;
      for (int i : row.members) if (part.isAvailable(i)) available++;
      if (available == 0) {
        if (row.isLowerBound() && row.rhs > 0) return false;
        continue;
      }
      rows++;
    }
    return rows <= MAX_ROWS;
  }

  /**
   * The curve from {@code top} down to {@code bottom} (or to the tightest level with an allocation,
   * if higher); null when the part does not qualify ({@link #applies}) or the sweep hits numerical
   * trouble, so that the caller uses the LP engine instead. Past {@code deadlineNanos} it also
   * returns null.
   */
  public static Curve trace(MaterialPart part, double top, double bottom, long deadlineNanos) {
    if (!applies(part)) return null;
    List<double[]> coefs = new ArrayList<>();
    List<int[]> members = new ArrayList<>();
    List<Double> rhs = new ArrayList<>();
    List<Double> slope = new ArrayList<>();
    List<Boolean> lowerRow = new ArrayList<>();
    coefs.add(null);
    members.add(new int[0]);
    rhs.add(part.demand);
    slope.add(0.0);
    lowerRow.add(false);
    // Rows with the same members, coefficients, sense and variation are one row: the tighter.
    Map<RowKey, Integer> seen = new HashMap<>();
    for (PolicyRow row : part.rows) {
      if (!row.active) continue;
      int available = 0;
      for (int i : row.members) if (part.isAvailable(i)) available++;
      if (available == 0) continue;
      int[] rowMembers = new int[available];
      double[] coef = row.coef == null ? null : new double[available];
      double scale = 0;
      int k = 0;
      for (int q = 0; q < row.members.length; q++) {
        int i = row.members[q];
        if (!part.isAvailable(i)) continue;
        rowMembers[k] = i;
        if (coef != null) {
          coef[k] = row.coef[q];
          scale = Math.max(scale, Math.abs(coef[k]));
        }
        k++;
      }
      double r0 = row.varied ? 0.0 : row.rhs;
      if (coef != null && scale > 0) {
        // A spend row: scaled to unit coefficients, so that one tolerance fits every row.
        for (int q = 0; q < coef.length; q++) coef[q] /= scale;
        r0 /= scale;
      }
      RowKey key = new RowKey(rowMembers, coef, row.isLowerBound(), row.varied);
      Integer earlier = seen.get(key);
      if (earlier != null) {
        if (!row.varied) {
          double old = rhs.get(earlier);
          rhs.set(earlier, row.isLowerBound() ? Math.max(old, r0) : Math.min(old, r0));
        }
        continue;
      }
      seen.put(key, coefs.size());
      coefs.add(coef);
      members.add(rowMembers);
      rhs.add(r0);
      slope.add(row.varied ? part.demand : 0.0);
      lowerRow.add(row.isLowerBound());
    }
    int count = coefs.size();
    double[] r0 = new double[count];
    double[] dr = new double[count];
    boolean[] isLower = new boolean[count];
    for (int r = 0; r < count; r++) {
      r0[r] = rhs.get(r);
      dr[r] = slope.get(r);
      isLower[r] = lowerRow.get(r);
    }
    LevelSweep sweep = new LevelSweep(part, coefs, members, new Rows(count, r0, dr, isLower));
    try {
      return sweep.run(top, Math.min(top, bottom), deadlineNanos);
    } catch (NumericalTrouble e) {
      return null;
    }
  }

  /** Identity of a row for merging duplicates. */
  private record RowKey(int[] members, double[] coef, boolean lower, boolean varied) {
    @Override
    public boolean equals(Object o) {
      return o instanceof RowKey k
          && lower == k.lower
          && varied == k.varied
          && Arrays.equals(members, k.members)
          && Arrays.equals(coef, k.coef);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * Arrays.hashCode(members) + Arrays.hashCode(coef))
          + (lower ? 2 : 0)
          + (varied ? 1 : 0);
    }
  }

  private static final class NumericalTrouble extends RuntimeException {
    NumericalTrouble(String message) {
      super(message, null, false, false);
    }
  }

  private Curve run(double top, double bottom, long deadlineNanos) {
    crash();
    long budget = 1_000L + 20L * (columns + m);
    double level = top;
    // Phase 1: the dual simplex at the top level.
    while (true) {
      if (pivots > budget) throw new NumericalTrouble("pivot budget");
      if ((pivots & 63) == 63 && System.nanoTime() >= deadlineNanos) return null;
      double[] x = basicValues(level);
      int leave = -1;
      double worst = 0;
      boolean below = false;
      for (int r = 0; r < m; r++) {
        int j = basis[r];
        double under = lower[j] - x[r];
        double over = x[r] - upper[j];
        if (under > primalTol && under > worst) {
          worst = under;
          leave = r;
          below = true;
        } else if (over > primalTol && over > worst) {
          worst = over;
          leave = r;
          below = false;
        }
      }
      if (leave < 0) break;
      if (!pivot(leave, below)) {
        return new Curve(List.of(), List.of(), null, pivots);
      }
    }
    // Phase 2: down from the top, one pivot per change of basis.
    List<Knot> knots = new ArrayList<>();
    List<Double> kinks = new ArrayList<>();
    double[] beta = new double[m];
    double[] delta = new double[m];
    pieces(beta, delta);
    knots.add(knot(level, beta, delta));
    Double lastSlope = null;
    double lastCostSlope = 0.0;
    Double coverable = null;
    while (true) {
      if (pivots > budget) throw new NumericalTrouble("pivot budget");
      if ((pivots & 63) == 63 && System.nanoTime() >= deadlineNanos) return null;
      // How far the level can fall before a basic variable reaches a bound.
      double step = Double.POSITIVE_INFINITY;
      int leave = -1;
      boolean below = false;
      double bestDelta = 0;
      for (int r = 0; r < m; r++) {
        double d = delta[r];
        if (Math.abs(d) <= slopeEps) continue;
        int j = basis[r];
        double value = beta[r] + level * d;
        double t;
        boolean toLower;
        if (d > 0) {
          if (lower[j] == Double.NEGATIVE_INFINITY) continue;
          t = Math.max(0.0, value - lower[j]) / d;
          toLower = true;
        } else {
          if (upper[j] == Double.POSITIVE_INFINITY) continue;
          t = Math.max(0.0, upper[j] - value) / -d;
          toLower = false;
        }
        if (t < step - 1e-15 || (t <= step + 1e-15 && Math.abs(d) > bestDelta)) {
          step = Math.min(step, t);
          leave = r;
          below = toLower;
          bestDelta = Math.abs(d);
        }
      }
      double next = level - step;
      if (step > 0 && next > level - 1e-13) next = level;
      if (next < level) {
        double slope = objectiveSlope(delta, false);
        double previous = lastSlope == null ? 0.0 : lastSlope;
        double tol = 1e-9 * Math.max(1.0, Math.max(Math.abs(slope), Math.abs(previous)));
        if (lastSlope != null && Math.abs(slope - previous) > tol) kinks.add(level);
        lastSlope = slope;
        lastCostSlope = objectiveSlope(delta, true);
        int last = knots.size() - 1;
        knots.set(last, knots.get(last).withCostSlopeBelow(lastCostSlope));
      }
      if (leave < 0 || next <= bottom) {
        level = bottom;
        if (knots.get(knots.size() - 1).level > level) {
          knots.add(knot(level, beta, delta).withCostSlopeBelow(lastCostSlope));
        }
        coverable = bottom;
        break;
      }
      if (next < level) {
        level = next;
        knots.add(knot(level, beta, delta).withCostSlopeBelow(lastCostSlope));
      }
      if (!pivot(leave, below)) {
        coverable = level;
        break;
      }
      pieces(beta, delta);
    }
    return new Curve(knots, kinks, coverable, pivots);
  }

  /**
   * The crash basis: structurals by ascending cost at their upper bound until demand is met, the
   * one that meets it basic in the demand row, the rest at zero; every policy row's slack basic.
   * Dual feasible: the demand row's price is the marginal column's cost.
   */
  private void crash() {
    Integer[] order = new Integer[structurals];
    for (int j = 0; j < structurals; j++) order[j] = j;
    Arrays.sort(order, (a, b) -> Double.compare(cost[a], cost[b]));
    double remaining = part.demand;
    int marginal = order[structurals - 1];
    for (int k = 0; k < structurals; k++) {
      int j = order[k];
      if (upper[j] >= remaining) {
        marginal = j;
        break;
      }
      remaining -= upper[j];
    }
    boolean passed = false;
    for (int k = 0; k < structurals; k++) {
      int j = order[k];
      rowOf[j] = -1;
      if (j == marginal) {
        passed = true;
        continue;
      }
      atUpper[j] = !passed && upper[j] < Double.POSITIVE_INFINITY;
    }
    basis[0] = marginal;
    rowOf[marginal] = 0;
    for (int r = 0; r < m; r++) {
      int j = structurals + r;
      rowOf[j] = -1;
      atUpper[j] = lower[j] == Double.NEGATIVE_INFINITY;
      if (r > 0) {
        basis[r] = j;
        rowOf[j] = r;
      }
    }
    refactor();
  }

  /** The basic values at a level: {@code B^-1 (rhs(level) - N x_N)}. */
  private double[] basicValues(double level) {
    double[] beta = new double[m];
    double[] delta = new double[m];
    pieces(beta, delta);
    for (int r = 0; r < m; r++) beta[r] += level * delta[r];
    return beta;
  }

  /** Basic values as {@code beta + level * delta}. */
  private void pieces(double[] beta, double[] delta) {
    double[] v = rhs0.clone();
    for (int j = 0; j < columns; j++) {
      if (rowOf[j] >= 0) continue;
      double value = atUpper[j] ? upper[j] : lower[j];
      if (value == 0) continue;
      if (j < structurals) {
        for (int k = colStart[j]; k < colStart[j + 1]; k++) v[colRow[k]] -= colVal[k] * value;
      } else {
        v[j - structurals] -= value;
      }
    }
    multiply(v, beta);
    multiply(rhsSlope, delta);
  }

  private void multiply(double[] v, double[] out) {
    for (int r = 0; r < m; r++) {
      double sum = 0;
      int base = r * m;
      for (int k = 0; k < m; k++) sum += binv[base + k] * v[k];
      out[r] = sum;
    }
  }

  /** The objective's change per unit of level (purchase cost's alone if {@code purchaseOnly}). */
  private double objectiveSlope(double[] delta, boolean purchaseOnly) {
    double slope = 0;
    for (int r = 0; r < m; r++) {
      if (purchaseOnly && basis[r] == shortfallColumn) continue;
      slope += cost[basis[r]] * delta[r];
    }
    return slope;
  }

  private Knot knot(double level, double[] beta, double[] delta) {
    double objective = 0;
    double shortfall = 0;
    for (int j = 0; j < columns; j++) {
      double value;
      int r = rowOf[j];
      if (r >= 0) value = beta[r] + level * delta[r];
      else value = atUpper[j] ? upper[j] : lower[j];
      if (j < structurals && value != 0) objective += cost[j] * value;
      if (j == shortfallColumn) shortfall = value;
    }
    double penalty = shortfallColumn >= 0 ? part.penalty * shortfall : 0.0;
    return new Knot(level, objective, objective - penalty, shortfall, 0.0);
  }

  /**
   * One dual simplex pivot on row {@code r}, whose basic variable leaves at its lower bound ({@code
   * below}) or its upper one. False when no column can enter: no allocation exists with the
   * variable on the right side of that bound.
   */
  private boolean pivot(int r, boolean below) {
    double[] rho = new double[m];
    System.arraycopy(binv, r * m, rho, 0, m);
    double[] y = duals();
    // Harris' two passes: the largest step every eligible column allows with a little slack, then
    // among the columns within it the largest pivot element.
    double bound = Double.POSITIVE_INFINITY;
    double[] alpha = new double[columns];
    double[] reduced = new double[columns];
    for (int j = 0; j < columns; j++) {
      if (rowOf[j] >= 0 || lower[j] == upper[j]) continue;
      double a = column(rho, j);
      alpha[j] = a;
      if (!eligible(j, a, below)) continue;
      double d = reducedCost(y, j);
      double signed = atUpper[j] ? -d : d;
      reduced[j] = Math.max(0.0, signed);
      bound = Math.min(bound, (reduced[j] + dualTol) / Math.abs(a));
    }
    if (bound == Double.POSITIVE_INFINITY) return false;
    int enter = -1;
    double best = 0;
    for (int j = 0; j < columns; j++) {
      if (rowOf[j] >= 0 || lower[j] == upper[j]) continue;
      double a = alpha[j];
      if (!eligible(j, a, below)) continue;
      if (reduced[j] / Math.abs(a) <= bound && Math.abs(a) > best) {
        best = Math.abs(a);
        enter = j;
      }
    }
    if (enter < 0) return false;
    int leaving = basis[r];
    double[] u = new double[m];
    if (enter < structurals) {
      for (int k = colStart[enter]; k < colStart[enter + 1]; k++) {
        int row = colRow[k];
        double val = colVal[k];
        for (int i = 0; i < m; i++) u[i] += binv[i * m + row] * val;
      }
    } else {
      int row = enter - structurals;
      for (int i = 0; i < m; i++) u[i] = binv[i * m + row];
    }
    double p = u[r];
    if (Math.abs(p) < 1e-11) throw new NumericalTrouble("tiny pivot");
    int base = r * m;
    for (int k = 0; k < m; k++) binv[base + k] /= p;
    for (int i = 0; i < m; i++) {
      if (i == r || u[i] == 0) continue;
      double f = u[i];
      int bi = i * m;
      for (int k = 0; k < m; k++) binv[bi + k] -= f * binv[base + k];
    }
    basis[r] = enter;
    rowOf[enter] = r;
    rowOf[leaving] = -1;
    atUpper[leaving] = !below;
    pivots++;
    if (++sinceRefactor >= REFACTOR_EVERY) refactor();
    return true;
  }

  /**
   * Whether moving nonbasic column j off its bound pushes the leaving variable back inside: {@code
   * x_B = B^-1 b - alpha x_j}, so raising x_j from its lower bound moves it by {@code -alpha}.
   */
  private boolean eligible(int j, double alpha, boolean below) {
    if (Math.abs(alpha) <= 1e-9) return false;
    boolean raises = atUpper[j] ? alpha > 0 : alpha < 0;
    return below == raises;
  }

  private double column(double[] rowVector, int j) {
    if (j >= structurals) return rowVector[j - structurals];
    double sum = 0;
    for (int k = colStart[j]; k < colStart[j + 1]; k++) sum += rowVector[colRow[k]] * colVal[k];
    return sum;
  }

  private double[] duals() {
    double[] y = new double[m];
    for (int r = 0; r < m; r++) {
      double c = cost[basis[r]];
      if (c == 0) continue;
      int base = r * m;
      for (int k = 0; k < m; k++) y[k] += c * binv[base + k];
    }
    return y;
  }

  private double reducedCost(double[] y, int j) {
    return cost[j] - column(y, j);
  }

  /** Inverts the basis afresh (Gauss-Jordan with partial pivoting). */
  private void refactor() {
    sinceRefactor = 0;
    double[] a = new double[m * m];
    for (int r = 0; r < m; r++) {
      int j = basis[r];
      if (j < structurals) {
        for (int k = colStart[j]; k < colStart[j + 1]; k++) a[colRow[k] * m + r] = colVal[k];
      } else {
        a[(j - structurals) * m + r] = 1.0;
      }
    }
    double[] inv = new double[m * m];
    for (int i = 0; i < m; i++) inv[i * m + i] = 1.0;
    for (int c = 0; c < m; c++) {
      int pivotRow = c;
      double max = Math.abs(a[c * m + c]);
      for (int i = c + 1; i < m; i++) {
        double v = Math.abs(a[i * m + c]);
        if (v > max) {
          max = v;
          pivotRow = i;
        }
      }
      if (max < 1e-12) throw new NumericalTrouble("singular basis");
      if (pivotRow != c) {
        swapRows(a, c, pivotRow);
        swapRows(inv, c, pivotRow);
      }
      double p = a[c * m + c];
      for (int k = 0; k < m; k++) {
        a[c * m + k] /= p;
        inv[c * m + k] /= p;
      }
      for (int i = 0; i < m; i++) {
        if (i == c) continue;
        double f = a[i * m + c];
        if (f == 0) continue;
        for (int k = 0; k < m; k++) {
          a[i * m + k] -= f * a[c * m + k];
          inv[i * m + k] -= f * inv[c * m + k];
        }
      }
    }
    // inv inverts the matrix whose column r is basis[r]'s: row r of inv gives basic variable r.
    binv = inv;
  }

  private void swapRows(double[] a, int i, int k) {
    for (int c = 0; c < m; c++) {
      double t = a[i * m + c];
      a[i * m + c] = a[k * m + c];
      a[k * m + c] = t;
    }
  }
}
