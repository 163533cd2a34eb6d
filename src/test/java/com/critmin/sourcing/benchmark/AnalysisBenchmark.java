package com.critmin.sourcing.benchmark;

import com.critmin.sourcing.optimizer.FrontierAnalyzer;
import com.critmin.sourcing.optimizer.SourcingOptimizer;
import com.critmin.sourcing.optimizer.StressTester;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Frontier;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.Shock;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.model.StressTest;
import com.critmin.sourcing.optimizer.model.VariedLimit;
import com.critmin.sourcing.optimizer.ortools.OrTools;
import com.critmin.sourcing.optimizer.ortools.WarmLp;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PartResult;
import com.critmin.sourcing.optimizer.part.ProblemCompiler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Frontier and stress-test speed against one plan of the same instance, measured in one run (issue
 * 11's targets: a 21-point frontier with its breakpoints, and a stress test of 10 countries, each
 * at most 3x one plan of a 10,000-offer, 100-material instance), and the simplex pivots a warm
 * re-solve reuses. Run with {@code ./mvnw -Pbenchmark test-compile exec:java
 * -Dexec.mainClass=com.critmin.sourcing.benchmark.AnalysisBenchmark}.
 */
public final class AnalysisBenchmark {
  private static final long SEED = 20_261_101L;
  private static final int ROUNDS = 15;

  public static void main(String[] args) {
    OrTools.ensureLoaded();
    int threads = Runtime.getRuntime().availableProcessors();
    SourcingProblem stress = BenchmarkInstances.staged(SEED, 10_000, 100, Engine.GLOP, threads);
    // The frontier covers demand in full (no shortfall) on an instance whose materials each come
    // from several countries, so that its range ends at a real tightest level well below 1.
    SourcingProblem frontier = diverse(SEED, 10_000, 100, threads);
    List<Shock> countries = new ArrayList<>();
    for (int i = 0; i < 10; i++) countries.add(Shock.country(BenchmarkInstances.COUNTRIES[i]));
    try (SourcingOptimizer optimizer = new SourcingOptimizer()) {
      FrontierAnalyzer frontiers = new FrontierAnalyzer(optimizer);
      StressTester tester = new StressTester(optimizer);
      Frontier f = frontiers.analyze(frontier, VariedLimit.MAX_COUNTRY_SHARE, null, 21);
      StressTest t = tester.run(stress, countries);
      Solution plan = optimizer.solve(frontier);
      System.out.printf(
          Locale.ROOT,
          "instance: %d offers, %d materials, %d cores; plan %s, frontier min level %.4f, %d points,"
              + " %d breakpoints, %d solves; stress test %d shocks, %d solves%n",
          frontier.offers().size(),
          frontier.demands().size(),
          threads,
          plan.status(),
          f.minFeasibleLevel(),
          f.points().size(),
          f.breakpoints().size(),
          f.stats().solves(),
          t.shocks().size(),
          t.stats().solves());
      // Warm-up, then interleaved rounds so that load on the machine hits all three alike.
      for (int i = 0; i < 5; i++) {
        optimizer.solve(frontier);
        optimizer.solve(stress);
        frontiers.analyze(frontier, VariedLimit.MAX_COUNTRY_SHARE, null, 21);
        tester.run(stress, countries);
      }
      double[] planFrontier = new double[ROUNDS];
      double[] planStress = new double[ROUNDS];
      double[] frontierTimes = new double[ROUNDS];
      double[] stressTimes = new double[ROUNDS];
      for (int i = 0; i < ROUNDS; i++) {
        planFrontier[i] = millis(() -> optimizer.solve(frontier));
        frontierTimes[i] =
            millis(() -> frontiers.analyze(frontier, VariedLimit.MAX_COUNTRY_SHARE, null, 21));
        planStress[i] = millis(() -> optimizer.solve(stress));
        stressTimes[i] = millis(() -> tester.run(stress, countries));
      }
      double pf = median(planFrontier);
      double ps = median(planStress);
      double fr = median(frontierTimes);
      double st = median(stressTimes);
      System.out.printf(
          Locale.ROOT,
          "plan (no shortfall) %.1f ms, 21-point frontier with breakpoints %.1f ms: ratio %.2fx (target <= 3x)%n",
          pf,
          fr,
          fr / pf);
      System.out.printf(
          Locale.ROOT,
          "plan (shortfall allowed) %.1f ms, stress test of 10 countries %.1f ms: ratio %.2fx (target <= 3x)%n",
          ps,
          st,
          st / ps);
      pivots(frontier, f);
    }
  }

  /**
   * 10,000 offers over 100 materials from eight countries (CN 15 % cheaper), separation in CN for
   * half of them; demand 30 % of capacity, a 65 % uniform country cap and no shortfall.
   */
  static SourcingProblem diverse(long seed, int offers, int materials, int threads) {
    java.util.Random r = new java.util.Random(seed);
    String[] countries = {"CN", "AU", "US", "MM", "MY", "VN", "BR", "IN"};
    List<com.critmin.sourcing.optimizer.model.OfferInput> list = new ArrayList<>(offers);
    List<Demand> demands = new ArrayList<>(materials);
    int perMaterial = offers / materials;
    for (int m = 0; m < materials; m++) {
      String material = "M" + String.format(Locale.ROOT, "%03d", m);
      double basePrice = 20 + 300 * r.nextDouble();
      double capacity = 0;
      for (int i = 0; i < perMaterial; i++) {
        int s = r.nextInt(20);
        String country = countries[(m + s) % countries.length];
        double cap = Math.round(10 + 990 * Math.pow(r.nextDouble(), 3));
        capacity += cap;
        double price =
            Math.round(
                    basePrice
                        * (country.equals("CN") ? 0.85 : 1.0)
                        * (0.8 + 0.5 * r.nextDouble())
                        * 100)
                / 100.0;
        String separation = r.nextBoolean() ? "CN" : country;
        list.add(
            new com.critmin.sourcing.optimizer.model.OfferInput(
                material + "-o" + i,
                material + "-s" + s,
                material,
                country,
                cap,
                price,
                java.util.Map.of("MINING", country, "SEPARATION", separation)));
      }
      demands.add(new Demand(material, Math.round(capacity * 0.3)));
    }
    return new SourcingProblem(
        list,
        demands,
        new Limits(0.65, null, null, null, null),
        null,
        false,
        null,
        "USD",
        new com.critmin.sourcing.optimizer.model.SolveOptions(Engine.GLOP, 120_000, threads));
  }

  /** Pivots per re-solve: one warm LP across the 21 levels against a fresh LP at each level. */
  private static void pivots(SourcingProblem problem, Frontier f) {
    ProblemCompiler compiler = new ProblemCompiler(problem, VariedLimit.MAX_COUNTRY_SHARE);
    long warm = 0;
    long cold = 0;
    int warmSolves = 0;
    int coldSolves = 0;
    for (int m = 0; m < 20; m++) {
      MaterialPart part = compiler.compile(problem.demands().get(m));
      int[] varied = varied(part);
      try (WarmLp lp = WarmLp.open(part, Engine.GLOP, null)) {
        lp.solve(Long.MAX_VALUE);
        long firstPivots = lp.pivots();
        int firstSolves = lp.solves();
        for (Frontier.Point p : f.points()) {
          for (int r : varied) lp.setRhs(r, p.level() * part.demand);
          lp.solve(Long.MAX_VALUE);
        }
        warm += lp.pivots() - firstPivots;
        warmSolves += lp.solves() - firstSolves;
      }
      for (Frontier.Point p : f.points()) {
        try (WarmLp lp = WarmLp.open(part, Engine.GLOP, null)) {
          for (int r : varied) lp.setRhs(r, p.level() * part.demand);
          PartResult r = lp.solve(Long.MAX_VALUE);
          if (r.status == Status.OPTIMAL || r.status == Status.INFEASIBLE) {
            cold += lp.pivots();
            coldSolves += lp.solves();
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "pivots per solve over 20 materials x 21 levels: warm re-solve %.2f, fresh LP %.2f%n",
        (double) warm / warmSolves,
        (double) cold / coldSolves);
  }

  private static int[] varied(MaterialPart part) {
    return java.util.stream.IntStream.range(0, part.rows.size())
        .filter(r -> part.rows.get(r).varied)
        .toArray();
  }

  private static double millis(Supplier<?> work) {
    long start = System.nanoTime();
    work.get();
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
