package com.critmin.sourcing.optimizer;

import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Frontier;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.model.VariedLimit;
import com.critmin.sourcing.optimizer.ortools.WarmLp;
import com.critmin.sourcing.optimizer.part.LevelSweep;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PartResult;
import com.critmin.sourcing.optimizer.part.ProblemCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The price of resilience (SPEC section 4, {@code /v1/frontiers}): the minimum cost as a function
 * of one limit's level. Each material is an independent LP whose optimal objective is a convex
 * piecewise-linear function of the level (the level moves right-hand sides only), so each part is
 * traced on its own. A part without an HHI cap is swept by {@link LevelSweep}, a parametric dual
 * simplex in Java that finds every kink and the part's tightest level with no engine call. The
 * others (and any the sweep gives up on) are traced with the LP engine by the classic parametric
 * method: solve at both ends of the range, intersect the two tangent lines (slopes from the duals
 * of the varied rows), solve there, and recurse until every segment is confirmed linear. Every kink
 * found is exact to the solver's tolerance, and every other level, grid points and the policy's own
 * level included, lies on a confirmed segment, so its cost follows without another solve. Parts
 * whose rows the limit does not touch are solved once. One warm LP per part ({@link WarmLp}) serves
 * all its solves; parts run in parallel on the optimizer's shared pool. Under award rules the cost
 * is not convex in the level: {@link AwardFrontier} solves each level instead.
 */
public final class FrontierAnalyzer {
  /** Grid points when the request gives neither levels nor points. */
  public static final int DEFAULT_POINTS = 21;

  private final SourcingOptimizer optimizer;

  public FrontierAnalyzer(SourcingOptimizer optimizer) {
    this.optimizer = optimizer;
  }

  /**
   * The frontier of {@code problem} over {@code vary}: at {@code levels} when given, else at {@code
   * points} levels from 1.0 down to the tightest feasible level.
   */
  public Frontier analyze(
      SourcingProblem problem, VariedLimit vary, List<Double> levels, Integer points) {
    if (problem.hasAwardRules()) {
      return new AwardFrontier(optimizer, problem).analyze(vary, levels, points);
    }
    long start = System.nanoTime();
    SolveOptions options = problem.options();
    long deadline = options.deadlineNanos(start);
    ProblemCompiler compiler = new ProblemCompiler(problem, vary);
    List<Demand> demands = problem.demands();
    int count = demands.size();
    Trace[] traces = new Trace[count];
    double baselineLevel = vary.policyLevel(problem.limits());
    double low = Math.min(baselineLevel, 1.0);
    double top = 1.0;
    if (levels != null) {
      for (double level : levels) {
        low = Math.min(low, level);
        top = Math.max(top, level);
      }
    }
    double high = top;
    Double maxHhi = problem.limits().maxHhi();
    // The tightest level per part first: the range every part is traced over depends on all.
    optimizer.runParallel(
        count,
        options.effectiveThreads(),
        i ->
            traces[i] =
                Trace.open(compiler.compile(demands.get(i)), options, maxHhi, deadline, high));
    Double minFeasible = null;
    for (Trace t : traces) {
      if (t.varied.length > 0 && t.coverableFrom != null && t.coverableFrom <= 1.0) {
        minFeasible =
            minFeasible == null ? t.coverableFrom : Math.max(minFeasible, t.coverableFrom);
      }
    }
    List<Double> grid = levels != null ? levels : grid(points, minFeasible);
    for (double level : grid) low = Math.min(low, level);
    double from = low;
    double to = high;
    optimizer.runParallel(
        count,
        options.effectiveThreads(),
        i -> {
          try {
            traces[i].trace(from, to, deadline);
          } finally {
            traces[i].close();
          }
        });

    List<Frontier.Point> result = new ArrayList<>(grid.size());
    for (double level : grid) result.add(point(traces, level));
    TreeMap<Double, Boolean> kinks = new TreeMap<>();
    for (Trace t : traces) {
      for (double level : t.breakpoints) {
        Double near = kinks.floorKey(level + 1e-9);
        if (near == null || level - near > 1e-9) kinks.put(level, true);
      }
    }
    List<Frontier.Breakpoint> breakpoints = new ArrayList<>();
    double rangeLow = minFeasible == null ? from : Math.max(from, minFeasible);
    for (double level : kinks.descendingKeySet()) {
      if (level < rangeLow - 1e-12 || level > to + 1e-12) continue;
      Frontier.Point p = point(traces, level);
      if (p.totalCost() != null) breakpoints.add(new Frontier.Breakpoint(level, p.totalCost()));
    }
    int solves = 0;
    long pivots = 0;
    int variedParts = 0;
    for (Trace t : traces) {
      solves += t.solves;
      pivots += t.pivots;
      if (t.varied.length > 0) variedParts++;
    }
    return new Frontier(
        vary,
        minFeasible,
        result,
        point(traces, baselineLevel),
        breakpoints,
        new Frontier.Stats(
            solves, pivots, count, variedParts, (System.nanoTime() - start) / 1_000_000));
  }

  /** {@code points} levels evenly from 1.0 down to the tightest feasible level. */
  static List<Double> grid(Integer points, Double minFeasible) {
    int n = points == null ? DEFAULT_POINTS : points;
    double low = minFeasible == null ? 1.0 : minFeasible;
    List<Double> grid = new ArrayList<>(n);
    if (n == 1) {
      grid.add(1.0);
      return grid;
    }
    for (int k = 0; k < n; k++) {
      double level = k == n - 1 ? low : 1.0 - k * (1.0 - low) / (n - 1);
      grid.add(level);
    }
    return grid;
  }

  /** The sum over parts at one level. */
  private static Frontier.Point point(Trace[] traces, double level) {
    double cost = 0;
    double slope = 0;
    double shortfall = 0;
    List<Frontier.Uncovered> uncovered = new ArrayList<>();
    boolean timedOut = false;
    for (Trace t : traces) {
      Trace.Value v = t.at(level);
      if (v == null) {
        if (t.timedOut) timedOut = true;
        else uncovered.add(new Frontier.Uncovered(t.part.material, t.part.demand, t.coverableFrom));
        continue;
      }
      cost += v.cost;
      slope += v.tighterSlope;
      shortfall += v.shortfall;
    }
    if (timedOut) {
      return new Frontier.Point(level, Status.TIME_LIMIT, null, null, 0.0, uncovered);
    }
    if (!uncovered.isEmpty()) {
      return new Frontier.Point(level, Status.INFEASIBLE, null, null, 0.0, uncovered);
    }
    return new Frontier.Point(
        level,
        Status.OPTIMAL,
        SourcingOptimizer.snap(cost, 1e-9 * Math.max(1.0, Math.abs(cost))),
        clean(-slope * 0.01),
        SourcingOptimizer.snap(shortfall, 1e-9 * Math.max(1.0, shortfall)),
        List.of());
  }

  static double clean(double value) {
    return Math.abs(value) < 1e-9 ? 0.0 : value;
  }

  /**
   * One material's cost as a function of the level: the levels solved, each with its objective,
   * purchase cost, shortfall and dual slope, and the kinks between them. Between two consecutive
   * known levels the function is confirmed linear.
   */
  private static final class Trace implements AutoCloseable {
    final MaterialPart part;
    final int[] varied;
    final SolveOptions options;
    final Double maxHhi;

    /** Tightest level at which the part is covered; null when never up to 1. */
    Double coverableFrom;

    WarmLp lp;
    final TreeMap<Double, Known> known = new TreeMap<>();
    final List<Double> breakpoints = new ArrayList<>();
    int solves;
    long pivots;
    boolean timedOut;

    /**
     * A solved level: objective (with penalties), purchase cost, shortfall, dObjective/dLevel, and
     * for a swept part dCost/dLevel on the tighter side (NaN otherwise: taken from the neighbours).
     */
    record Known(
        double objective, double cost, double shortfall, double slope, double costSlopeBelow) {
      Known(double objective, double cost, double shortfall, double slope) {
        this(objective, cost, shortfall, slope, Double.NaN);
      }
    }

    /** Whether the whole curve came from {@link LevelSweep}: nothing is left to trace. */
    boolean swept;

    /** A level's figures; {@code tighterSlope} is d cost / d level on the tighter side. */
    record Value(double cost, double shortfall, double tighterSlope) {}

    private Trace(MaterialPart part, int[] varied, SolveOptions options, Double maxHhi) {
      this.part = part;
      this.varied = varied;
      this.options = options;
      this.maxHhi = maxHhi;
    }

    static Trace open(
        MaterialPart part, SolveOptions options, Double maxHhi, long deadline, double top) {
      int[] varied = part.variedRows();
      Trace trace = new Trace(part, varied, options, maxHhi);
      if (varied.length > 0 && maxHhi == null && options.fastPath() && trace.sweep(top, deadline)) {
        return trace;
      }
      if (varied.length == 0 || (part.allowShortfall && !hasMinimum(part))) {
        // Untouched by the limit, or with shortfall allowed and no minimum share to meet: every
        // level has an answer.
        trace.coverableFrom = 0.0;
        return trace;
      }
      try (WarmLp levelLp = WarmLp.openLevelModel(part, varied, options.engine(), maxHhi)) {
        if (levelLp == null) {
          // No LP needed: nothing demanded (covered at any level) or nothing to buy.
          trace.coverableFrom = part.demand <= 0 ? 0.0 : null;
          return trace;
        }
        PartResult r = levelLp.solve(deadline);
        trace.solves += levelLp.solves();
        trace.pivots += levelLp.pivots();
        if (r.status == Status.OPTIMAL) trace.coverableFrom = Math.max(0.0, levelLp.level());
        else if (r.status == Status.TIME_LIMIT) trace.timedOut = true;
      }
      return trace;
    }

    /**
     * The whole curve from {@code top} down to level 0 by {@link LevelSweep}, without an LP engine;
     * false when the sweep does not apply or gives up (the engine then traces the part).
     */
    private boolean sweep(double top, long deadline) {
      LevelSweep.Curve curve = LevelSweep.trace(part, top, 0.0, deadline);
      if (curve == null) {
        if (System.nanoTime() >= deadline) timedOut = true;
        return timedOut;
      }
      swept = true;
      solves++;
      pivots += curve.pivots();
      coverableFrom = curve.coverableFrom();
      for (LevelSweep.Knot k : curve.knots()) {
        known.put(
            k.level(),
            new Known(k.objective(), k.cost(), k.shortfall(), Double.NaN, k.costSlopeBelow()));
      }
      breakpoints.addAll(curve.kinks());
      return true;
    }

    /**
     * Whether some minimum share applies: it can make a tight level infeasible despite shortfall.
     */
    private static boolean hasMinimum(MaterialPart part) {
      for (var row : part.rows) if (row.active && row.isLowerBound()) return true;
      return false;
    }

    /** Traces the function over [from, to] (clipped to where the part is covered). */
    void trace(double from, double to, long deadline) {
      if (timedOut || swept) return;
      if (varied.length == 0) {
        PartResult r = SourcingOptimizer.solvePart(part, options, deadline, maxHhi);
        solves++;
        if (r.status == Status.OPTIMAL) {
          known.put(0.0, known(r));
          known.put(1.0, known(r));
        } else if (r.status == Status.TIME_LIMIT) {
          timedOut = true;
        } else {
          coverableFrom = null;
        }
        return;
      }
      if (coverableFrom == null) return;
      double a = Math.max(from, coverableFrom);
      double b = Math.max(to, a);
      lp = WarmLp.open(part, options.engine(), maxHhi);
      Known ka = solveAt(a, deadline);
      if (ka == null && a == coverableFrom) {
        // The tightest level itself may miss by the solver's tolerance: step in by a hair.
        a = Math.min(b, a + 1e-7);
        ka = solveAt(a, deadline);
      }
      if (ka == null) return;
      Known kb = b == a ? ka : solveAt(b, deadline);
      if (kb == null) return;
      refine(a, ka, b, kb, deadline, 0);
    }

    private Known solveAt(double level, long deadline) {
      for (int r : varied) lp.setRhs(r, level * part.demand);
      int solvesBefore = lp.solves();
      long pivotsBefore = lp.pivots();
      WarmLp.Summary r = lp.solveSummary(varied, deadline);
      solves += lp.solves() - solvesBefore;
      pivots += lp.pivots() - pivotsBefore;
      if (r == null) {
        if (lp.timedOut()) timedOut = true;
        return null;
      }
      double penalty = part.allowShortfall ? part.penalty * r.shortfall() : 0.0;
      Known k =
          new Known(r.objective(), r.objective() - penalty, r.shortfall(), r.duals() * part.demand);
      known.put(level, k);
      return k;
    }

    private Known known(PartResult r) {
      double slope = 0;
      if (r.rowDual != null) for (int v : varied) slope += r.rowDual[v] * part.demand;
      return new Known(r.objective(part), r.purchaseCost(part), r.shortfall, slope);
    }

    /** The parametric recursion between two solved levels (see the class comment). */
    private void refine(double a, Known ka, double b, Known kb, long deadline, int depth) {
      if (b - a <= 1e-9 || timedOut) return;
      double tolerance =
          1e-7 * Math.max(1.0, Math.max(Math.abs(ka.objective), Math.abs(kb.objective)));
      boolean fromA = Math.abs(ka.objective + ka.slope * (b - a) - kb.objective) <= tolerance;
      boolean fromB = Math.abs(kb.objective - kb.slope * (b - a) - ka.objective) <= tolerance;
      if (fromA && fromB) return;
      double denominator = ka.slope - kb.slope;
      if (depth > 60 || Math.abs(denominator) < 1e-15) return;
      double level = (kb.objective - ka.objective + ka.slope * a - kb.slope * b) / denominator;
      if (!(level > a + 1e-10 && level < b - 1e-10)) {
        // Numerically at an end: the kink is there.
        breakpoints.add(level <= a + 1e-10 ? a : b);
        return;
      }
      Known k = solveAt(level, deadline);
      if (k == null) return;
      double tangent = ka.objective + ka.slope * (level - a);
      if (Math.abs(k.objective - tangent) <= tolerance) {
        breakpoints.add(level);
        return;
      }
      refine(a, ka, level, k, deadline, depth + 1);
      refine(level, k, b, kb, deadline, depth + 1);
    }

    /**
     * The figures at a level by the confirmed segments; null when the part is not covered there.
     */
    Value at(double level) {
      if (known.isEmpty()) return null;
      if (varied.length == 0) {
        Known k = known.firstEntry().getValue();
        return new Value(k.cost, k.shortfall, 0.0);
      }
      var lower = known.floorEntry(level + 1e-12);
      var upper = known.ceilingEntry(level - 1e-12);
      if (lower == null || upper == null) return null;
      if (upper.getKey() - lower.getKey() <= 1e-12) {
        Known k = lower.getValue();
        var below = known.lowerEntry(lower.getKey() - 1e-12);
        double slope =
            !Double.isNaN(k.costSlopeBelow)
                ? k.costSlopeBelow
                : below == null
                    ? k.slope
                    : (k.cost - below.getValue().cost) / (lower.getKey() - below.getKey());
        return new Value(k.cost, k.shortfall, slope);
      }
      double t = (level - lower.getKey()) / (upper.getKey() - lower.getKey());
      Known l = lower.getValue();
      Known u = upper.getValue();
      double slope =
          Double.isNaN(u.costSlopeBelow)
              ? (u.cost - l.cost) / (upper.getKey() - lower.getKey())
              : u.costSlopeBelow;
      return new Value(
          l.cost + t * (u.cost - l.cost), l.shortfall + t * (u.shortfall - l.shortfall), slope);
    }

    @Override
    public void close() {
      if (lp != null) {
        lp.close();
        lp = null;
      }
    }
  }
}
