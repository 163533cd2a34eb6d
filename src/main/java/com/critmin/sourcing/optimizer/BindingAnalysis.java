package com.critmin.sourcing.optimizer;

import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.ortools.LpPartSolver;
import com.critmin.sourcing.optimizer.part.LaminarGreedy;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PartResult;
import com.critmin.sourcing.optimizer.part.PolicyRow;
import java.util.Arrays;
import java.util.List;

/**
 * The binding limits of one solved part and what relaxing each one saves.
 *
 * <p>The binding set: every active policy row that is tight at the optimum (activity within 1e-6 x
 * demand of its limit) and either has a non-zero dual or is tied to such a row. Rows are tied when
 * they are tight on a shared bought offer (transitively): at a degenerate optimum the solver's
 * basis puts the dual on one of them arbitrarily, e.g. an offer without declared origins that is CN
 * at SUPPLY and ZZ at MINING and SEPARATION makes three caps tight at once, and raising any one of
 * them alone saves nothing.
 *
 * <p>For parts of at most {@link #EXACT_MAX_OFFERS} available offers and {@link #EXACT_MAX_ROWS}
 * binding rows, the savings are exact: the part is re-solved with only that row relaxed by 1 % of
 * demand (caps raised, minima lowered), and once per tie group with all its rows relaxed together;
 * the greedy fast path re-runs the greedy, LP parts re-solve the LP warm-started from the previous
 * basis. Re-solves stop at the plan's deadline. Larger parts keep the dual-based figures (the dual
 * of the optimal basis times 1 % of demand), which are exact only while that basis stays optimal
 * for the whole percentage point; re-solving them would cost about one more full solve per part
 * plus a warm re-solve per binding row.
 */
final class BindingAnalysis {
  /** Largest part (available offers) whose savings are computed exactly by re-solving. */
  static final int EXACT_MAX_OFFERS = 5_000;

  /** Most binding rows in a part whose savings are computed exactly. */
  static final int EXACT_MAX_ROWS = 20;

  /**
   * Largest plan (offers over all materials) whose savings are computed exactly: the re-solves cost
   * about twice the solve itself, which ERP-size plans afford and 100,000-offer plans, answered in
   * well under a second, do not.
   */
  static final int EXACT_MAX_PLAN_OFFERS = 20_000;

  static final BindingAnalysis NONE =
      new BindingAnalysis(new int[0], new int[0], new double[0], new double[0], true);

  /** Binding rows (indexes into {@code part.rows}), in the part's row order. */
  final int[] rows;

  /** Per binding row: its tie group, numbered in order of first appearance. */
  final int[] group;

  /**
   * Per binding row: exact saving of relaxing it alone by one percentage point; NaN when not
   * computed.
   */
  final double[] alone;

  /**
   * Per tie group: exact saving of relaxing all its rows together; NaN for single rows or when not
   * computed.
   */
  final double[] joint;

  /**
   * True when the duals come from an LP basis, so they bound any joint saving from above (the
   * optimal value is convex in the limits); false for the greedy's one-row-at-a-time
   * right-derivatives, which do not.
   */
  final boolean basisDuals;

  private BindingAnalysis(
      int[] rows, int[] group, double[] alone, double[] joint, boolean basisDuals) {
    this.rows = rows;
    this.group = group;
    this.alone = alone;
    this.joint = joint;
    this.basisDuals = basisDuals;
  }

  /** The other binding rows of the k-th row's tie group, in row order. */
  int[] tiedWith(int k) {
    return java.util.stream.IntStream.range(0, rows.length)
        .filter(j -> j != k && group[j] == group[k])
        .map(j -> rows[j])
        .toArray();
  }

  int groupSize(int k) {
    int size = 0;
    for (int g : group) if (g == group[k]) size++;
    return size;
  }

  /**
   * Relaxed objective of a part: the rows' limits moved by {@code amount}; NaN when it could not be
   * found.
   */
  private interface Oracle {
    double objective(int[] rows, double amount);
  }

  static BindingAnalysis of(
      MaterialPart part,
      PartResult result,
      Engine engine,
      long deadlineNanos,
      boolean exactAllowed) {
    return of(part, result, engine, deadlineNanos, exactAllowed, null);
  }

  /**
   * The part's binding limits; an LP part's exact savings come from {@code warm} when given (the
   * solver the part was solved in, left at its optimum), else from a solver opened here.
   */
  static BindingAnalysis of(
      MaterialPart part,
      PartResult result,
      Engine engine,
      long deadlineNanos,
      boolean exactAllowed,
      LpPartSolver.Resolver warm) {
    List<PolicyRow> policy = part.rows;
    int nr = policy.size();
    if (nr == 0 || result.x == null) return NONE;
    double[] x = result.x;
    double demand = part.demand;
    double noise = 1e-9 * Math.max(1.0, demand);
    double slack = 1e-6 * Math.max(1.0, demand);
    double dualNoise = 1e-9 * Math.max(1.0, part.maxPrice);

    int[] root = new int[nr];
    boolean[] tight = new boolean[nr];
    int[] owner = null;
    for (int r = 0; r < nr; r++) {
      root[r] = r;
      PolicyRow row = policy.get(r);
      if (!row.active) continue;
      double activity = row.activity(x);
      double rowSlack = row.isSpend() ? 1e-6 * Math.max(1.0, demand * part.maxPrice) : slack;
      if (Math.abs(activity - row.rhs) > rowSlack) continue;
      tight[r] = true;
      for (int i : row.members) {
        if (x[i] <= noise) continue;
        if (owner == null) {
          owner = new int[part.n];
          Arrays.fill(owner, -1);
        }
        if (owner[i] < 0) owner[i] = r;
        else union(root, r, owner[i]);
      }
    }
    boolean[] priced = new boolean[nr];
    int[] size = new int[nr];
    for (int r = 0; r < nr; r++) {
      if (!tight[r]) continue;
      size[find(root, r)]++;
      if (Math.abs(result.rowDual[r]) > dualNoise) priced[find(root, r)] = true;
    }
    // Spend caps move by coefficients, not by right-hand side, and HHI cuts live only in the warm
    // LP: parts with either keep the dual-based figures.
    boolean exact =
        repricedExactly(part, exactAllowed) && result.hhiIterations == 0 && !result.hhiCapped;
    double amount = 0.01 * demand;
    Oracle greedy = null;
    double greedyBase = Double.NaN;
    double[] probed = null;
    if (result.fastPath && exact) {
      // The greedy's duals are right-derivatives one row at a time: a group of caps tight on the
      // same
      // offers gets 0 on every row although relaxing them together saves money. Probe such groups.
      int[] order = null;
      for (int top = 0; top < nr; top++) {
        if (find(root, top) != top || size[top] < 2 || priced[top]) continue;
        if (order == null) {
          order = LaminarGreedy.priceOrder(part);
          int[] sorted = order;
          greedy =
              (moved, by) ->
                  System.nanoTime() >= deadlineNanos
                      ? Double.NaN
                      : LaminarGreedy.relaxedObjective(part, sorted, moved, by);
          greedyBase = greedy.objective(new int[0], 0.0);
          probed = new double[nr];
          Arrays.fill(probed, Double.NaN);
        }
        int[] members = new int[size[top]];
        int m = 0;
        for (int r = 0; r < nr; r++) if (tight[r] && find(root, r) == top) members[m++] = r;
        probed[top] = saving(greedyBase, greedy.objective(members, amount));
        if (probed[top] > 0) priced[top] = true;
      }
    }
    int count = 0;
    for (int r = 0; r < nr; r++) if (tight[r] && priced[find(root, r)]) count++;
    if (count == 0) return NONE;

    int[] rows = new int[count];
    int[] group = new int[count];
    int[] groupOfRoot = new int[nr];
    Arrays.fill(groupOfRoot, -1);
    int groups = 0;
    int k = 0;
    for (int r = 0; r < nr; r++) {
      if (!tight[r] || !priced[find(root, r)]) continue;
      int top = find(root, r);
      if (groupOfRoot[top] < 0) groupOfRoot[top] = groups++;
      rows[k] = r;
      group[k++] = groupOfRoot[top];
    }
    double[] alone = new double[count];
    double[] joint = new double[groups];
    Arrays.fill(alone, Double.NaN);
    Arrays.fill(joint, Double.NaN);
    if (probed != null) {
      for (int r = 0; r < nr; r++)
        if (find(root, r) == r && groupOfRoot[r] >= 0) joint[groupOfRoot[r]] = probed[r];
    }
    BindingAnalysis analysis = new BindingAnalysis(rows, group, alone, joint, !result.fastPath);
    // Large parts keep the dual-based wording (see the class comment): the re-solves would cost too
    // much.
    if (!exact || count > EXACT_MAX_ROWS) return analysis;
    if (System.nanoTime() >= deadlineNanos) return analysis;

    if (result.fastPath) {
      if (greedy == null) {
        int[] order = LaminarGreedy.priceOrder(part);
        greedy =
            (moved, by) ->
                System.nanoTime() >= deadlineNanos
                    ? Double.NaN
                    : LaminarGreedy.relaxedObjective(part, order, moved, by);
      }
      analysis.price(greedy, amount);
    } else if (warm != null) {
      analysis.price(warm::relaxedObjective, amount);
    } else {
      try (LpPartSolver.Resolver lp = LpPartSolver.Resolver.open(part, engine, deadlineNanos)) {
        if (lp != null) analysis.price(lp::relaxedObjective, amount);
      }
    }
    return analysis;
  }

  /**
   * Whether the part's binding limits are priced by re-solving it with each one moved (below an HHI
   * cap they are not either): small enough, with demand, and without spend caps, which move by
   * coefficients rather than by right-hand side.
   */
  static boolean repricedExactly(MaterialPart part, boolean exactAllowed) {
    return exactAllowed
        && part.availableCount <= EXACT_MAX_OFFERS
        && part.demand > 0
        && !part.hasSpendRows();
  }

  private void price(Oracle oracle, double amount) {
    double base = oracle.objective(new int[0], 0.0);
    if (!Double.isFinite(base)) return;
    for (int k = 0; k < rows.length; k++)
      alone[k] = saving(base, oracle.objective(new int[] {rows[k]}, amount));
    for (int g = 0; g < joint.length; g++) {
      int size = 0;
      for (int v : group) if (v == g) size++;
      if (size < 2 || !Double.isNaN(joint[g])) continue;
      int[] members = new int[size];
      int m = 0;
      for (int k = 0; k < rows.length; k++) if (group[k] == g) members[m++] = rows[k];
      joint[g] = saving(base, oracle.objective(members, amount));
    }
  }

  /**
   * base - relaxed, solver noise (1e-8 relative) removed; NaN when the relaxed optimum is unknown.
   */
  private static double saving(double base, double relaxed) {
    if (!Double.isFinite(relaxed)) return Double.NaN;
    double noise = 1e-8 * Math.max(1.0, Math.abs(base));
    double d = base - relaxed;
    return d <= noise ? 0.0 : SourcingOptimizer.snap(d, noise);
  }

  private static int find(int[] root, int r) {
    while (root[r] != r) {
      root[r] = root[root[r]];
      r = root[r];
    }
    return r;
  }

  private static void union(int[] root, int a, int b) {
    int ra = find(root, a);
    int rb = find(root, b);
    if (ra != rb) root[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}
