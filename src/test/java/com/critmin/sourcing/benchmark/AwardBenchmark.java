package com.critmin.sourcing.benchmark;

import com.critmin.sourcing.optimizer.SourcingOptimizer;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.ortools.OrTools;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Award rules benchmark (issue 12; not a unit test): the ERP-size request (200 offers, 5 materials)
 * with minimum orders on half the offers, fixed costs on every supplier (suppliers offer several
 * materials, so the fixed costs couple them) and at most 3 suppliers per material, against the same
 * request without rules; then 10,000 offers over 100 materials with the same rules to a 1e-4 gap
 * within the service's default 30 s. Each MIP case runs with SCIP and with CP-SAT, both through
 * MPSolver. Run with {@code ./mvnw -Pbenchmark test-compile exec:java
 * -Dexec.mainClass=com.critmin.sourcing.benchmark.AwardBenchmark}.
 */
public final class AwardBenchmark {
  private static final long SEED = 20_260_312L;
  private static final List<String> ENGINES = List.of("SCIP", "CP_SAT");

  public static void main(String[] args) {
    OrTools.ensureLoaded();
    boolean quick = Arrays.asList(args).contains("--quick");
    try (SourcingOptimizer optimizer = new SourcingOptimizer()) {
      SourcingProblem erp = BenchmarkInstances.staged(SEED, 200, 5, Engine.GLOP, 1);
      SourcingProblem lp = sharedSuppliers(erp, 20, false, 1e-6);
      SourcingProblem rules = sharedSuppliers(erp, 20, true, 1e-6);
      System.out.println(
          "case                         engine  status       cost            gap       median(ms)  solve(ms)   ratio");
      double lpMedian = median(optimizer, lp, 2_000, 500, "LP (no rules)", "GLOP", Double.NaN);
      for (String engine : ENGINES) {
        System.setProperty("optimizer.mip.engine", engine);
        median(
            optimizer,
            rules,
            quick ? 1 : 5,
            quick ? 3 : 21,
            "ERP 200 offers with rules",
            engine,
            lpMedian);
      }
      SourcingProblem large =
          sharedSuppliers(
              BenchmarkInstances.staged(SEED + 1, 10_000, 100, Engine.GLOP, 0), 400, true, 1e-4);
      for (String engine : ENGINES) {
        System.setProperty("optimizer.mip.engine", engine);
        median(
            optimizer, large, 1, quick ? 1 : 3, "10k offers/100 mat, gap 1e-4", engine, Double.NaN);
      }
      System.clearProperty("optimizer.mip.engine");
      analyses(optimizer, lp, rules);
    }
  }

  /**
   * The frontier (21 points of the uniform country cap) and the stress test (every country of the
   * baseline) of the ERP request with and without rules: under rules each level and each shock is a
   * MIP, without them the parametric LP tracing and warm re-solves.
   */
  private static void analyses(
      SourcingOptimizer optimizer, SourcingProblem lp, SourcingProblem rules) {
    for (SourcingProblem problem : List.of(lp, rules)) {
      String name = problem == lp ? "LP (no rules)" : "with rules";
      long t = System.nanoTime();
      var frontier =
          new com.critmin.sourcing.optimizer.FrontierAnalyzer(optimizer)
              .analyze(
                  problem,
                  com.critmin.sourcing.optimizer.model.VariedLimit.MAX_COUNTRY_SHARE,
                  null,
                  null);
      double frontierMillis = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      var stress = new com.critmin.sourcing.optimizer.StressTester(optimizer).run(problem, null);
      double stressMillis = (System.nanoTime() - t) / 1e6;
      System.out.printf(
          Locale.ROOT,
          "ERP analyses, %-14s frontier %d points %.0f ms (%d solves); stress test %d shocks %.0f"
              + " ms%n",
          name,
          frontier.points().size(),
          frontierMillis,
          frontier.stats().solves(),
          stress.shocks().size(),
          stressMillis);
    }
  }

  /** Median wall time of {@code runs} solves after {@code warm} ones; prints a line. */
  private static double median(
      SourcingOptimizer optimizer,
      SourcingProblem problem,
      int warm,
      int runs,
      String name,
      String engine,
      double baseline) {
    for (int i = 0; i < warm; i++) optimizer.solve(problem);
    double[] times = new double[runs];
    double[] solves = new double[runs];
    Solution last = null;
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      last = optimizer.solve(problem);
      times[i] = (System.nanoTime() - t) / 1e6;
      solves[i] = last.solver().wallTimeMillis();
    }
    Arrays.sort(times);
    Arrays.sort(solves);
    double median = times[runs / 2];
    System.out.printf(
        Locale.ROOT,
        "%-28s %-7s %-12s %-15.2f %-9s %-11.2f %-11.0f %s%n",
        name,
        engine,
        last.status(),
        last.totalCost(),
        last.solver().mipGap() == null
            ? "-"
            : String.format(Locale.ROOT, "%.1e", last.solver().mipGap()),
        median,
        solves[runs / 2],
        Double.isNaN(baseline) ? "" : String.format(Locale.ROOT, "%.1fx", median / baseline));
    return median;
  }

  /**
   * The instance with its suppliers pooled into {@code suppliers} companies that each offer several
   * materials, at most half of demand per supplier and no HHI cap; with {@code rules}: a minimum
   * order of 20 % of capacity on every other offer, a fixed cost per supplier and at most 3
   * suppliers per material.
   */
  static SourcingProblem sharedSuppliers(
      SourcingProblem base, int suppliers, boolean rules, double gap) {
    Random r = new Random(SEED);
    List<OfferInput> offers = new ArrayList<>(base.offers().size());
    int k = 0;
    for (OfferInput o : base.offers()) {
      Double min = rules && k++ % 2 == 0 ? Math.max(1.0, Math.round(0.2 * o.capacity())) : null;
      offers.add(
          new OfferInput(
              o.id(),
              "s" + r.nextInt(suppliers),
              o.material(),
              o.country(),
              o.capacity(),
              o.unitPrice(),
              o.origins(),
              min,
              null));
    }
    Map<String, Double> fixedCosts = new HashMap<>();
    if (rules)
      for (int s = 0; s < suppliers; s++) fixedCosts.put("s" + s, 5_000.0 + 100 * r.nextInt(100));
    Limits limits = new Limits(0.65, null, null, 0.5, null, null, null, rules ? 3 : null);
    SolveOptions options = base.options();
    return new SourcingProblem(
        offers,
        base.demands(),
        limits,
        base.scenario(),
        base.allowShortfall(),
        base.shortfallPenalty(),
        base.currency(),
        new SolveOptions(options.engine(), 30_000, options.threads(), true, gap),
        fixedCosts);
  }
}
