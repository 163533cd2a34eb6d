package com.critmin.sourcing.optimizer;

import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Frontier;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.model.VariedLimit;
import com.critmin.sourcing.optimizer.ortools.MipSolver;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PartResult;
import com.critmin.sourcing.optimizer.part.PolicyRow;
import com.critmin.sourcing.optimizer.part.ProblemCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The price of resilience under award rules. The minimum cost is then no longer convex in the
 * level: when an award pattern stops fitting, the cost jumps to the next one, so the parametric
 * tracing of {@link FrontierAnalyzer} does not apply. Each level asked is solved on its own: the
 * groups of materials the rules solve together by their MIP where the limit touches one of their
 * materials, the other groups once. A touched material's tightest level is the optimum of a MIP
 * that minimises the level under the rules ({@link MipSolver#tightestLevel}); levels below it are
 * infeasible without a solve. Marginal costs are the duals of the LP with each point's award
 * decisions fixed (none at the tightest level, where tightening is infeasible); breakpoints are not
 * traced (the curve has jumps, not only kinks).
 */
final class AwardFrontier {
  /** Levels this close to a material's tightest one are solved a hair looser, as the LP path. */
  private static final double TIGHTEST_TOLERANCE = 1e-6;

  private final SourcingOptimizer optimizer;
  private final SourcingProblem problem;
  private final AwardSolver solver;

  AwardFrontier(SourcingOptimizer optimizer, SourcingProblem problem) {
    this.optimizer = optimizer;
    this.problem = problem;
    this.solver = new AwardSolver(optimizer, problem);
  }

  Frontier analyze(VariedLimit vary, List<Double> levels, Integer points) {
    long start = System.nanoTime();
    SolveOptions options = problem.options();
    int threads = options.effectiveThreads();
    long deadline = options.deadlineNanos(start);
    ProblemCompiler compiler = new ProblemCompiler(problem, vary);
    List<Demand> demands = problem.demands();
    int count = demands.size();
    MaterialPart[] parts = optimizer.compileAll(compiler, demands, threads);
    int[][] varied = new int[count][];
    for (int i = 0; i < count; i++) varied[i] = parts[i].variedRows();
    double baselineLevel = vary.policyLevel(problem.limits());
    double top = 1.0;
    if (levels != null) for (double level : levels) top = Math.max(top, level);
    double highest = top;

    MipSolver.Rules rules = AwardSolver.rules(problem);
    MipSolver.Level[] tightest = new MipSolver.Level[count];
    optimizer.runParallel(
        count,
        threads,
        i -> {
          if (varied[i].length > 0)
            tightest[i] = MipSolver.tightestLevel(parts[i], varied[i], rules, highest, deadline);
        });
    Double minFeasible = null;
    for (MipSolver.Level t : tightest) {
      if (t != null && t.status() == Status.OPTIMAL && t.level() <= 1.0)
        minFeasible = minFeasible == null ? t.level() : Math.max(minFeasible, t.level());
    }
    List<Double> grid = levels != null ? levels : FrontierAnalyzer.grid(points, minFeasible);
    TreeSet<Double> asked = new TreeSet<>(grid);
    asked.add(baselineLevel);
    List<Double> solved = new ArrayList<>(asked);

    List<int[]> groups = solver.coupled(parts);
    int g = groups.size();
    boolean[] touched = new boolean[g];
    for (int k = 0; k < g; k++) for (int p : groups.get(k)) touched[k] |= varied[p].length > 0;
    // Per level and group the solved group; untouched groups are solved once, at index 0.
    AwardSolver.Cluster[][] clusters = new AwardSolver.Cluster[solved.size()][g];
    optimizer.runParallel(
        solved.size() * g,
        threads,
        task -> {
          int l = task / g;
          int k = task % g;
          if (l > 0 && !touched[k]) return;
          clusters[l][k] = solveAt(groups.get(k), parts, varied, tightest, solved.get(l), deadline);
        });

    Frontier.Point[] at = new Frontier.Point[solved.size()];
    for (int l = 0; l < solved.size(); l++) {
      AwardSolver.Cluster[] row = new AwardSolver.Cluster[g];
      for (int k = 0; k < g; k++) row[k] = touched[k] ? clusters[l][k] : clusters[0][k];
      at[l] = point(solved.get(l), groups, row, parts, varied, tightest);
    }
    List<Frontier.Point> result = new ArrayList<>(grid.size());
    for (double level : grid) result.add(at[solved.indexOf(level)]);
    int solves = 0;
    int variedParts = 0;
    for (int i = 0; i < count; i++) {
      if (tightest[i] != null) {
        solves++;
        variedParts++;
      }
    }
    for (AwardSolver.Cluster[] row : clusters)
      for (AwardSolver.Cluster c : row) if (c != null) solves++;
    return new Frontier(
        vary,
        minFeasible,
        result,
        at[solved.indexOf(baselineLevel)],
        List.of(),
        new Frontier.Stats(solves, 0, count, variedParts, (System.nanoTime() - start) / 1_000_000));
  }

  /**
   * The group solved with the varied rows at {@code level}; null without a solve when a member's
   * tightest level is above it (or unknown: no level fits, or the search timed out).
   */
  private AwardSolver.Cluster solveAt(
      int[] members,
      MaterialPart[] parts,
      int[][] varied,
      MipSolver.Level[] tightest,
      double level,
      long deadline) {
    double least = 0;
    for (int p : members) {
      if (tightest[p] == null) continue;
      if (tightest[p].status() != Status.OPTIMAL) return null;
      least = Math.max(least, tightest[p].level());
    }
    if (level < least - TIGHTEST_TOLERANCE) return null;
    AwardSolver.Cluster cluster =
        solver.solve(members, atLevel(parts, members, varied, level), deadline);
    if (cluster.status() == Status.INFEASIBLE && level < least + TIGHTEST_TOLERANCE) {
      // The tightest level itself may miss by the solver's tolerance: step in by a hair.
      double looser = Math.max(level, least) + 1e-7;
      cluster = solver.solve(members, atLevel(parts, members, varied, looser), deadline);
    }
    return cluster;
  }

  /** The parts with the members' varied rows at {@code level} of their demand. */
  private static MaterialPart[] atLevel(
      MaterialPart[] parts, int[] members, int[][] varied, double level) {
    MaterialPart[] moved = parts.clone();
    for (int p : members) {
      if (varied[p].length == 0) continue;
      List<PolicyRow> rows = new ArrayList<>(parts[p].rows);
      for (int r : varied[p]) rows.set(r, rows.get(r).atShare(level, parts[p].demand));
      moved[p] = parts[p].withRows(rows);
    }
    return moved;
  }

  private static Frontier.Uncovered uncovered(MaterialPart part, Double from) {
    return new Frontier.Uncovered(part.material, part.demand, from);
  }

  /** The sum over groups at one level. */
  private static Frontier.Point point(
      double level,
      List<int[]> groups,
      AwardSolver.Cluster[] clusters,
      MaterialPart[] parts,
      int[][] varied,
      MipSolver.Level[] tightest) {
    double cost = 0;
    double slope = 0;
    double shortfall = 0;
    boolean timedOut = false;
    // At a material's tightest level a tighter one is infeasible: no marginal cost exists.
    boolean atTightest = false;
    List<Frontier.Uncovered> uncovered = new ArrayList<>();
    for (int k = 0; k < groups.size(); k++) {
      AwardSolver.Cluster cluster = clusters[k];
      if (cluster != null && cluster.status() == Status.TIME_LIMIT) {
        timedOut = true;
        continue;
      }
      if (cluster == null) {
        // Not solved: some member's tightest level is above this one, or unknown.
        for (int p : groups.get(k)) {
          MipSolver.Level t = tightest[p];
          if (t == null) continue;
          if (t.status() == Status.TIME_LIMIT) timedOut = true;
          else if (t.status() != Status.OPTIMAL) uncovered.add(uncovered(parts[p], null));
          else if (t.level() > level + TIGHTEST_TOLERANCE)
            uncovered.add(uncovered(parts[p], t.level()));
        }
        continue;
      }
      if (cluster.status() == Status.INFEASIBLE) {
        for (int p : groups.get(k)) {
          MipSolver.Level t = tightest[p];
          boolean known = t != null && t.status() == Status.OPTIMAL;
          uncovered.add(uncovered(parts[p], known ? t.level() : null));
        }
        continue;
      }
      cost += cluster.fixedCostsPaid();
      int[] members = groups.get(k);
      for (int p : members) {
        MipSolver.Level t = tightest[p];
        atTightest |= t != null && level <= t.level() + TIGHTEST_TOLERANCE;
      }
      for (int m = 0; m < members.length; m++) {
        MaterialPart part = parts[members[m]];
        PartResult r = cluster.result().parts()[m];
        cost += r.purchaseCost(part);
        shortfall += r.shortfall;
        if (r.rowDual != null) for (int v : varied[members[m]]) slope += r.rowDual[v] * part.demand;
      }
    }
    if (timedOut) return new Frontier.Point(level, Status.TIME_LIMIT, null, null, 0.0, uncovered);
    if (!uncovered.isEmpty())
      return new Frontier.Point(level, Status.INFEASIBLE, null, null, 0.0, uncovered);
    return new Frontier.Point(
        level,
        Status.OPTIMAL,
        SourcingOptimizer.snap(cost, 1e-9 * Math.max(1.0, Math.abs(cost))),
        atTightest ? null : FrontierAnalyzer.clean(-slope * 0.01),
        SourcingOptimizer.snap(shortfall, 1e-9 * Math.max(1.0, shortfall)),
        List.of());
  }
}
