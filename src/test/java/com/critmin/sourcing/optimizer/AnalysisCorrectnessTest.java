package com.critmin.sourcing.optimizer;

import static com.critmin.sourcing.optimizer.ProblemBuilder.aProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.critmin.sourcing.optimizer.model.CountryLimit;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Factor;
import com.critmin.sourcing.optimizer.model.Frontier;
import com.critmin.sourcing.optimizer.model.GroupLimit;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Scenario;
import com.critmin.sourcing.optimizer.model.Shock;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.model.StressTest;
import com.critmin.sourcing.optimizer.model.VariedLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every frontier point and breakpoint, and every stress case, equals an independent solve of the
 * modified problem from scratch (a fresh plan through {@link SourcingOptimizer#solve}).
 */
class AnalysisCorrectnessTest {
  private static final double TOLERANCE = 1e-6;
  private static final double PENALTY = 1_000;
  private static final SourcingOptimizer OPTIMIZER = new SourcingOptimizer(2);
  private static final FrontierAnalyzer FRONTIERS = new FrontierAnalyzer(OPTIMIZER);
  private static final StressTester STRESS = new StressTester(OPTIMIZER);

  @AfterAll
  static void close() {
    OPTIMIZER.close();
  }

  static LongStream seeds() {
    return LongStream.range(1, 31);
  }

  @Test
  void threeCountryFrontierHasItsKinkAtOneHalf() {
    SourcingProblem problem =
        aProblem()
            .demand("NDPR_OXIDE", 100)
            .offer("cnre", "CN", 100, 1)
            .offer("lynas", "AU", 100, 2)
            .offer("mp", "US", 100, 3)
            .maxCountryShare(0.65)
            .build();
    Frontier f = FRONTIERS.analyze(problem, VariedLimit.MAX_COUNTRY_SHARE, null, null);
    assertEquals(1.0 / 3, f.minFeasibleLevel(), 1e-9);
    assertEquals(21, f.points().size());
    assertEquals(1.0, f.points().get(0).level(), 0);
    assertEquals(100.0, f.points().get(0).totalCost(), 1e-6);
    assertEquals(200.0, f.points().get(20).totalCost(), 1e-6);
    assertEquals(1, f.breakpoints().size(), f.breakpoints().toString());
    assertEquals(0.5, f.breakpoints().get(0).level(), 1e-9);
    assertEquals(150.0, f.breakpoints().get(0).totalCost(), 1e-6);
    // Baseline at the policy's 65 %: 200 - 100 x 0.65.
    assertEquals(0.65, f.baseline().level(), 0);
    assertEquals(135.0, f.baseline().totalCost(), 1e-6);
    // One point tighter costs 1.00 above 50 %, 3.00 below.
    assertEquals(1.0, f.baseline().marginalCostPerPoint(), 1e-9);
    assertEquals(3.0, f.points().get(20).marginalCostPerPoint(), 1e-9);
  }

  @Test
  void levelsBelowTheTightestReportTheUncoveredMaterial() {
    SourcingProblem problem =
        aProblem()
            .demand("NDPR_OXIDE", 100)
            .offer("cnre", "CN", 100, 1)
            .offer("lynas", "AU", 100, 2)
            .demand("DY_OXIDE", 10)
            .offer("dy", "CN", 100, 5)
            .build();
    Frontier f =
        FRONTIERS.analyze(problem, VariedLimit.MAX_COUNTRY_SHARE, List.of(1.0, 0.6, 0.4), null);
    assertEquals(Status.OPTIMAL, f.points().get(0).status());
    assertEquals(Status.INFEASIBLE, f.points().get(1).status());
    Frontier.Uncovered dy = f.points().get(1).uncovered().get(0);
    assertEquals("DY_OXIDE", dy.material());
    assertEquals(1.0, dy.coverableFromLevel(), 1e-9);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void frontierOfTheUniformCapEqualsPlansFromScratch(long seed) {
    SourcingProblem problem = normalised(RandomProblems.general(seed, Engine.GLOP, true), false);
    Frontier f = FRONTIERS.analyze(problem, VariedLimit.MAX_COUNTRY_SHARE, null, 11);
    for (Frontier.Point p : f.points()) {
      checkPoint(problem.limits().withMaxCountryShare(p.level()), problem, p);
    }
    for (Frontier.Breakpoint b : f.breakpoints()) {
      Solution s =
          OPTIMIZER.solve(withLimits(problem, problem.limits().withMaxCountryShare(b.level())));
      assertEquals(Status.OPTIMAL, s.status(), "breakpoint " + b);
      assertEquals(s.totalCost(), b.totalCost(), TOLERANCE * Math.max(1, s.totalCost()), "at " + b);
    }
    if (f.minFeasibleLevel() != null) {
      // A hair below the tightest level some material cannot be covered.
      double below = f.minFeasibleLevel() - 1e-4;
      if (below > 0) {
        Solution s =
            OPTIMIZER.solve(withLimits(problem, problem.limits().withMaxCountryShare(below)));
        assertEquals(Status.INFEASIBLE, s.status(), "below " + f.minFeasibleLevel());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void frontierOfOneCountryAtOneStageEqualsPlansFromScratch(long seed) {
    SourcingProblem problem = normalised(RandomProblems.general(seed, Engine.GLOP, true), false);
    VariedLimit vary = VariedLimit.country("CN", seed % 2 == 0 ? "SEPARATION" : null, null);
    Frontier f = FRONTIERS.analyze(problem, vary, null, 6);
    for (Frontier.Point p : f.points()) {
      List<CountryLimit> limits = new ArrayList<>();
      for (CountryLimit l : problem.limits().countryLimits()) {
        boolean same =
            l.country().equals("CN")
                && Objects.equals(l.stage(), vary.stage())
                && l.material() == null;
        if (!same) limits.add(l);
      }
      limits.add(new CountryLimit("CN", vary.stage(), null, p.level()));
      Limits l = problem.limits();
      checkPoint(
          new Limits(
              l.maxCountryShare(),
              limits,
              l.groupLimits(),
              l.maxSupplierShare(),
              l.excludedCountries(),
              l.maxHhi(),
              null,
              null),
          problem,
          p);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void frontierOfAGroupCapEqualsPlansFromScratch(long seed) {
    SourcingProblem problem = normalised(RandomProblems.general(seed, Engine.GLOP, true), false);
    Set<String> feoc = Set.of("CN", "MM");
    VariedLimit vary = VariedLimit.group("FEOC", feoc, seed % 2 == 0 ? "SUPPLY" : null);
    Frontier f = FRONTIERS.analyze(problem, vary, null, 6);
    for (Frontier.Point p : f.points()) {
      List<GroupLimit> groups = new ArrayList<>(problem.limits().groupLimits());
      groups.add(new GroupLimit("FEOC", feoc, p.level(), null, vary.stage(), null));
      Limits l = problem.limits();
      checkPoint(
          new Limits(
              l.maxCountryShare(),
              l.countryLimits(),
              groups,
              l.maxSupplierShare(),
              l.excludedCountries(),
              l.maxHhi(),
              null,
              null),
          problem,
          p);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void frontierUnderAnHhiCapEqualsPlansFromScratch(long seed) {
    SourcingProblem base = normalised(RandomProblems.general(seed, Engine.GLOP, true), false);
    Limits l = base.limits();
    SourcingProblem problem =
        withLimits(
            base,
            new Limits(
                l.maxCountryShare(),
                l.countryLimits(),
                l.groupLimits(),
                l.maxSupplierShare(),
                l.excludedCountries(),
                6000.0,
                null,
                null));
    Frontier f = FRONTIERS.analyze(problem, VariedLimit.MAX_COUNTRY_SHARE, null, 5);
    for (Frontier.Point p : f.points()) {
      checkPoint(problem.limits().withMaxCountryShare(p.level()), problem, p);
    }
  }

  private static void checkPoint(Limits limits, SourcingProblem problem, Frontier.Point p) {
    Solution s = OPTIMIZER.solve(withLimits(problem, limits));
    assertEquals(s.status(), p.status(), "status at level " + p.level());
    if (s.status() == Status.OPTIMAL) {
      assertNotNull(p.totalCost());
      assertEquals(
          s.totalCost(),
          p.totalCost(),
          TOLERANCE * Math.max(1, s.totalCost()),
          "cost at level " + p.level());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyStressCaseEqualsAPlanFromScratch(long seed) {
    SourcingProblem problem = normalised(RandomProblems.general(seed, Engine.GLOP, true), true);
    List<Shock> shocks = new ArrayList<>();
    shocks.add(Shock.country("CN"));
    shocks.add(new Shock("AU", "SEPARATION", null, 0.0));
    shocks.add(new Shock(null, null, "s1", 0.5));
    shocks.add(new Shock("MY", null, null, 0.25));
    StressTest test = STRESS.run(problem, shocks);
    Solution baseline = OPTIMIZER.solve(problem);
    assertEquals(baseline.status(), test.baseline().status());
    if (baseline.status() == Status.OPTIMAL) {
      assertEquals(objective(baseline), objective(test.baseline()), TOLERANCE * scale(baseline));
    }
    assertEquals(4, test.shocks().size());
    for (StressTest.ShockOutcome o : test.shocks()) {
      Solution fresh = OPTIMIZER.solve(shocked(problem, o.shock()));
      assertEquals(fresh.status(), o.outcome().status(), o.shock().label());
      if (fresh.status() != Status.OPTIMAL) continue;
      assertEquals(
          objective(fresh), objective(o.outcome()), TOLERANCE * scale(fresh), o.shock().label());
      assertEquals(
          o.outcome().totalCost() - test.baseline().totalCost(),
          o.costDelta(),
          1e-6 * scale(fresh));
    }
    for (int k = 1; k < test.shocks().size(); k++) {
      StressTest.ShockOutcome a = test.shocks().get(k - 1);
      StressTest.ShockOutcome b = test.shocks().get(k);
      boolean aInfeasible = a.outcome().status() == Status.INFEASIBLE;
      boolean bInfeasible = b.outcome().status() == Status.INFEASIBLE;
      assertTrue(
          (aInfeasible && !bInfeasible)
              || (aInfeasible == bInfeasible
                  && (a.outcome().shortfall() > b.outcome().shortfall()
                      || (a.outcome().shortfall() == b.outcome().shortfall()
                          && a.costDelta() >= b.costDelta()))),
          "ranked: infeasible first, then by shortfall, then cost delta");
    }
  }

  @Test
  void defaultShocksAreTheCountriesOfTheBaselineAndUntouchedPartsAreNotResolved() {
    SourcingProblem problem =
        aProblem()
            .demand("NDPR_OXIDE", 100)
            .offer("cnre", "CN", 100, 1)
            .origin("SEPARATION", "CN")
            .offer("lynas", "AU", 100, 2)
            .origin("SEPARATION", "MY")
            .demand("DY_OXIDE", 10)
            .offer("dy", "US", 100, 5)
            .maxCountryShare(0.7)
            .allowShortfall(PENALTY)
            .build();
    StressTest test = STRESS.run(problem, null);
    List<String> labels = test.shocks().stream().map(o -> o.shock().label()).sorted().toList();
    assertEquals(List.of("AU", "CN", "MY", "US"), labels);
    // Without CN (or AU, or MY, which carry lynas), NDPR gets 70 under its 70 % cap: shortfall 30
    // (+3 of DY, capped at 70 % too); without US, DY is short by all 10 and ranks last.
    assertEquals(
        30.0, test.shocks().get(0).outcome().shortfallByMaterial().get("NDPR_OXIDE"), 1e-9);
    assertEquals("US", test.shocks().get(3).shock().label());
    assertEquals(10.0, test.shocks().get(3).outcome().shortfallByMaterial().get("DY_OXIDE"), 1e-9);
    // Two parts, four shocks: NDPR is touched by CN, AU, MY, DY by US; 2 baseline + 4 re-solves.
    assertEquals(6, test.stats().solves());
  }

  private static double scale(Solution s) {
    return Math.max(1.0, Math.abs(objective(s)));
  }

  private static double objective(Solution s) {
    double shortfall = 0;
    for (var m : s.materials()) shortfall += m.shortfall();
    return s.totalCost() + PENALTY * shortfall;
  }

  private static double objective(StressTest.Outcome o) {
    return o.totalCost() + PENALTY * o.shortfall();
  }

  /** The problem with the offers a shock hits scaled by per-offer capacity factors. */
  private static SourcingProblem shocked(SourcingProblem problem, Shock shock) {
    List<Factor> factors = new ArrayList<>(problem.scenario().capacityFactors());
    for (OfferInput o : problem.offers()) {
      boolean hit;
      if (shock.supplier() != null) {
        hit = shock.supplier().equals(o.supplierId());
      } else if (shock.stage() == null) {
        hit = shock.country().equals(o.country()) || o.origins().containsValue(shock.country());
      } else {
        hit =
            "SUPPLY".equals(shock.stage())
                ? shock.country().equals(o.country())
                : shock.country().equals(o.origins().get(shock.stage()));
      }
      if (hit) factors.add(Factor.ofOffer(o.id(), shock.capacityFactor()));
    }
    Scenario s = problem.scenario();
    return new SourcingProblem(
        problem.offers(),
        problem.demands(),
        problem.limits(),
        new Scenario(s.unavailableCountries(), s.unavailableSuppliers(), factors, s.priceFactors()),
        problem.allowShortfall(),
        problem.shortfallPenalty(),
        problem.currency(),
        problem.options());
  }

  /** One penalty for every material (so objectives compare), shortfall as asked. */
  private static SourcingProblem normalised(SourcingProblem p, boolean shortfall) {
    List<Demand> demands =
        p.demands().stream().map(d -> new Demand(d.material(), d.quantity())).toList();
    return new SourcingProblem(
        p.offers(),
        demands,
        p.limits(),
        p.scenario(),
        shortfall,
        PENALTY,
        p.currency(),
        p.options());
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
        p.options());
  }
}
