package com.critmin.sourcing.optimizer;

import static com.critmin.sourcing.optimizer.ProblemBuilder.aProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.critmin.sourcing.optimizer.model.Basis;
import com.critmin.sourcing.optimizer.model.CountryLimit;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Frontier;
import com.critmin.sourcing.optimizer.model.GroupLimit;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.model.VariedLimit;
import com.critmin.sourcing.optimizer.ortools.LpPartSolver;
import com.critmin.sourcing.optimizer.part.LevelSweep;
import com.critmin.sourcing.optimizer.part.MaterialPart;
import com.critmin.sourcing.optimizer.part.PartResult;
import com.critmin.sourcing.optimizer.part.PolicyRow;
import com.critmin.sourcing.optimizer.part.ProblemCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parametric sweep that traces a frontier part without an LP engine: every knot, and levels
 * between knots, equal a GLOP solve of the part at that level from scratch; below the tightest
 * level it reports, GLOP finds no allocation. Cases cover every row kind the sweep models: country
 * caps at several stages, group caps and minimums, supplier caps, spend caps, excluded offers and
 * shortfall.
 */
class LevelSweepTest {
  private static final double TOLERANCE = 1e-6;
  private static final SourcingOptimizer OPTIMIZER = new SourcingOptimizer(2);
  private static final FrontierAnalyzer FRONTIERS = new FrontierAnalyzer(OPTIMIZER);

  @AfterAll
  static void close() {
    OPTIMIZER.close();
  }

  static LongStream seeds() {
    return LongStream.range(1, 61);
  }

  @Test
  void threeCountriesGiveOneKinkAndTheTightestLevel() {
    SourcingProblem problem =
        aProblem()
            .demand("NDPR_OXIDE", 100)
            .offer("cnre", "CN", 100, 1)
            .offer("lynas", "AU", 100, 2)
            .offer("mp", "US", 100, 3)
            .build();
    MaterialPart part = parts(problem, VariedLimit.MAX_COUNTRY_SHARE).get(0);
    LevelSweep.Curve curve = LevelSweep.trace(part, 1.0, 0.0, Long.MAX_VALUE);
    assertNotNull(curve);
    assertEquals(1.0 / 3, curve.coverableFrom(), 1e-12);
    assertEquals(List.of(0.5), curve.kinks());
    LevelSweep.Knot last = curve.knots().get(curve.knots().size() - 1);
    assertEquals(200.0, last.cost(), 1e-9);
    // Below 1/2 every point tighter costs 3 per 1 % (CN and AU give way to US).
    assertEquals(-300.0, last.costSlopeBelow(), 1e-9);
  }

  @Test
  void aPartWithNoAllocationEvenAtTheTopHasNoCurve() {
    SourcingProblem problem =
        aProblem().demand("NDPR_OXIDE", 100).offer("cnre", "CN", 60, 1).build();
    MaterialPart part = parts(problem, VariedLimit.MAX_COUNTRY_SHARE).get(0);
    LevelSweep.Curve curve = LevelSweep.trace(part, 1.0, 0.0, Long.MAX_VALUE);
    assertNotNull(curve);
    assertNull(curve.coverableFrom());
    assertTrue(curve.knots().isEmpty());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyKnotAndLevelBetweenEqualsGlopFromScratch(long seed) {
    Random r = new Random(seed * 7919);
    SourcingProblem problem = withSpendCaps(RandomProblems.general(seed, Engine.GLOP, true), r);
    VariedLimit vary =
        switch ((int) (seed % 3)) {
          case 0 -> VariedLimit.MAX_COUNTRY_SHARE;
          case 1 -> VariedLimit.country("CN", seed % 2 == 0 ? "SEPARATION" : null, null);
          default -> VariedLimit.group("FEOC", Set.of("CN", "MM"), null);
        };
    for (MaterialPart part : parts(problem, vary)) {
      if (!LevelSweep.applies(part)) continue;
      LevelSweep.Curve curve = LevelSweep.trace(part, 1.0, 0.0, Long.MAX_VALUE);
      assertNotNull(curve, "sweep gave up on " + part.material);
      PartResult top = solveAt(part, 1.0);
      if (curve.coverableFrom() == null) {
        assertEquals(Status.INFEASIBLE, top.status, part.material + " at the top");
        continue;
      }
      List<LevelSweep.Knot> knots = curve.knots();
      for (int k = 0; k < knots.size(); k++) {
        LevelSweep.Knot knot = knots.get(k);
        check(part, knot.level(), knot.objective(), knot.shortfall());
        if (k + 1 < knots.size()) {
          LevelSweep.Knot next = knots.get(k + 1);
          double t = r.nextDouble();
          double level = next.level() + t * (knot.level() - next.level());
          check(
              part,
              level,
              next.objective() + t * (knot.objective() - next.objective()),
              next.shortfall() + t * (knot.shortfall() - next.shortfall()));
        }
      }
      double tightest = curve.coverableFrom();
      if (tightest > 1e-3) {
        assertEquals(
            Status.INFEASIBLE,
            solveAt(part, tightest - 1e-4).status,
            part.material + " below " + tightest);
      }
    }
  }

  /**
   * A benchmark-sized part: 400 offers from eight countries over three stages, supplier caps, and
   * prices on a coarse grid so that ties (degenerate pivots) are frequent.
   */
  @ParameterizedTest
  @MethodSource("largeSeeds")
  void aLargeDegeneratePartMatchesGlopAtEveryKnot(long seed) {
    Random r = new Random(seed);
    String[] countries = {"CN", "AU", "US", "MM", "MY", "VN", "BR", "IN"};
    ProblemBuilder b = aProblem().material("NDPR_OXIDE");
    double capacity = 0;
    for (int i = 0; i < 400; i++) {
      String country = countries[r.nextInt(countries.length)];
      double cap = 10 + r.nextInt(90);
      capacity += cap;
      b.offer("s" + r.nextInt(40), country, cap, 50 + r.nextInt(20)).id("o" + i);
      b.origin("MINING", r.nextDouble() < 0.8 ? country : countries[r.nextInt(8)]);
      b.origin("SEPARATION", r.nextBoolean() ? "CN" : country);
    }
    SourcingProblem problem =
        b.demand("NDPR_OXIDE", Math.round(capacity * 0.4)).maxSupplierShare(0.05).build();
    MaterialPart part = parts(problem, VariedLimit.MAX_COUNTRY_SHARE).get(0);
    LevelSweep.Curve curve = LevelSweep.trace(part, 1.0, 0.0, Long.MAX_VALUE);
    assertNotNull(curve);
    assertNotNull(curve.coverableFrom());
    assertTrue(curve.kinks().size() > 5, curve.kinks().toString());
    for (LevelSweep.Knot knot : curve.knots()) {
      check(part, knot.level(), knot.objective(), knot.shortfall());
    }
    assertEquals(
        Status.INFEASIBLE, solveAt(part, curve.coverableFrom() - 1e-4).status, "below tightest");
  }

  static LongStream largeSeeds() {
    return LongStream.range(1, 6);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void frontierEqualsTheEngineTracedFrontier(long seed) {
    SourcingProblem fast = RandomProblems.general(seed, Engine.GLOP, true);
    SourcingProblem engine = RandomProblems.general(seed, Engine.GLOP, false);
    VariedLimit vary = VariedLimit.MAX_COUNTRY_SHARE;
    Frontier a = FRONTIERS.analyze(fast, vary, null, 11);
    Frontier b = FRONTIERS.analyze(engine, vary, null, 11);
    if (b.minFeasibleLevel() == null) {
      assertNull(a.minFeasibleLevel());
    } else {
      assertEquals(b.minFeasibleLevel(), a.minFeasibleLevel(), 1e-7);
    }
    assertEquals(b.points().size(), a.points().size());
    for (int k = 0; k < a.points().size(); k++) {
      Frontier.Point p = a.points().get(k);
      Frontier.Point q = b.points().get(k);
      assertEquals(q.status(), p.status(), "status at " + p.level());
      if (q.totalCost() == null) continue;
      double scale = Math.max(1, Math.abs(q.totalCost()));
      assertEquals(q.totalCost(), p.totalCost(), TOLERANCE * scale, "cost at " + p.level());
      assertEquals(q.shortfall(), p.shortfall(), TOLERANCE * Math.max(1, q.shortfall()));
    }
    for (Frontier.Breakpoint k : a.breakpoints()) {
      Frontier.Point q = FRONTIERS.analyze(engine, vary, List.of(k.level()), null).points().get(0);
      assertEquals(q.totalCost(), k.totalCost(), TOLERANCE * Math.max(1, q.totalCost()), "at " + k);
    }
  }

  /** Frontiers usually cover demand in full; with shortfall allowed the sweep runs to level 0. */
  @ParameterizedTest
  @MethodSource("seeds")
  void frontierWithShortfallAllowedEqualsPlansFromScratch(long seed) {
    SourcingProblem base = RandomProblems.general(seed, Engine.GLOP, true);
    List<Demand> demands =
        base.demands().stream().map(d -> new Demand(d.material(), d.quantity())).toList();
    SourcingProblem problem =
        new SourcingProblem(
            base.offers(),
            demands,
            base.limits(),
            base.scenario(),
            true,
            1_000.0,
            base.currency(),
            base.options());
    Frontier f = FRONTIERS.analyze(problem, VariedLimit.MAX_COUNTRY_SHARE, null, 6);
    for (Frontier.Point p : f.points()) {
      SourcingProblem at = withLimits(problem, problem.limits().withMaxCountryShare(p.level()));
      var plan = OPTIMIZER.solve(at);
      // Only a minimum share can leave a tight level without an allocation.
      assertEquals(plan.status(), p.status(), "status at " + p.level());
      if (plan.status() != Status.OPTIMAL) continue;
      double shortfall = 0;
      for (var m : plan.materials()) shortfall += m.shortfall();
      assertEquals(
          plan.totalCost() + 1_000 * shortfall,
          p.totalCost() + 1_000 * p.shortfall(),
          TOLERANCE * Math.max(1, plan.totalCost() + 1_000 * shortfall),
          "objective at " + p.level());
    }
  }

  private static void check(MaterialPart part, double level, double objective, double shortfall) {
    PartResult fresh = solveAt(part, level);
    assertEquals(Status.OPTIMAL, fresh.status, part.material + " at " + level);
    MaterialPart at = atLevel(part, level);
    double expected = fresh.objective(at);
    assertEquals(
        expected,
        objective,
        TOLERANCE * Math.max(1, Math.abs(expected)),
        part.material + " at " + level);
    if (part.allowShortfall && part.penalty > 0) {
      // Shortfall can differ between alternative optima only where it costs nothing extra.
      assertTrue(shortfall >= -TOLERANCE, "shortfall " + shortfall);
    }
  }

  private static PartResult solveAt(MaterialPart part, double level) {
    return LpPartSolver.solve(atLevel(part, level), Engine.GLOP, Long.MAX_VALUE);
  }

  private static MaterialPart atLevel(MaterialPart part, double level) {
    List<PolicyRow> rows = new ArrayList<>(part.rows.size());
    for (PolicyRow row : part.rows) rows.add(row.varied ? row.atShare(level, part.demand) : row);
    return part.withRows(rows);
  }

  private static List<MaterialPart> parts(SourcingProblem problem, VariedLimit vary) {
    ProblemCompiler compiler = new ProblemCompiler(problem, vary);
    List<MaterialPart> parts = new ArrayList<>();
    for (Demand d : problem.demands()) parts.add(compiler.compile(d));
    return parts;
  }

  /** Adds a spend cap on a country and, at random, on a group, so that every row kind occurs. */
  private static SourcingProblem withSpendCaps(SourcingProblem p, Random r) {
    Limits l = p.limits();
    List<CountryLimit> countries = new ArrayList<>(l.countryLimits());
    List<GroupLimit> groups = new ArrayList<>(l.groupLimits());
    if (r.nextBoolean()) {
      countries.add(
          new CountryLimit(
              RandomProblems.pick(r, RandomProblems.COUNTRIES),
              r.nextBoolean() ? null : "SUPPLY",
              null,
              RandomProblems.round(0.3 + 0.7 * r.nextDouble()),
              Basis.SPEND));
    }
    if (r.nextBoolean()) {
      groups.add(new GroupLimit("S", Set.of("AU", "US"), 0.9, null, null, null, Basis.SPEND));
    }
    return withLimits(
        p,
        new Limits(
            l.maxCountryShare(),
            countries,
            groups,
            l.maxSupplierShare(),
            l.excludedCountries(),
            l.maxHhi(),
            null,
            null));
  }

  private static SourcingProblem withLimits(SourcingProblem p, Limits limits) {
    return new SourcingProblem(
        p.offers(),
        p.demands(),
        limits,
        p.scenario(),
        p.allowShortfall(),
        p.shortfallPenalty(),
        p.currency(),
        new SolveOptions(p.options().engine(), 30_000, 1, p.options().fastPath()));
  }
}
