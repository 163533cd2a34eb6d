package com.critmin.sourcing.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.critmin.sourcing.optimizer.model.Frontier;
import com.critmin.sourcing.optimizer.model.MaterialResult;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Shock;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.model.StressTest;
import com.critmin.sourcing.optimizer.model.VariedLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Frontiers and stress tests under award rules, held to plans: every frontier point must cost what
 * a plan with the limit at that level costs, and every shock what a plan with the shocked
 * capacities costs (both solved by the MIP that {@link AwardRulesTest} holds to an exhaustive
 * search).
 */
class AwardAnalysesTest {
  private static final SourcingOptimizer OPTIMIZER = new SourcingOptimizer(2);
  private static final List<Double> LEVELS = List.of(1.0, 0.8, 0.65, 0.5, 0.4);
  private static final double PENALTY = 40;

  @AfterAll
  static void close() {
    OPTIMIZER.close();
  }

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void frontierPointsCostWhatPlansAtTheirLevelCost(long seed) {
    SourcingProblem base = AwardRulesTest.randomInstance(seed);
    SourcingProblem problem = withShortfall(base, false);
    Frontier frontier =
        new FrontierAnalyzer(OPTIMIZER)
            .analyze(problem, VariedLimit.MAX_COUNTRY_SHARE, LEVELS, null);
    assertThat(frontier.breakpoints()).isEmpty();
    for (Frontier.Point point : frontier.points()) {
      Solution plan = atLevel(problem, point.level());
      assertThat(point.status()).as("level %s", point.level()).isEqualTo(plan.status());
      if (plan.status() != Status.OPTIMAL) {
        assertThat(point.uncovered()).isNotEmpty();
        continue;
      }
      assertThat(point.totalCost())
          .as("level %s", point.level())
          .isCloseTo(plan.totalCost(), offset(1e-6 * Math.max(1, plan.totalCost())));
    }
    // The tightest level is that of the materials the limit can make coverable.
    Double tightest = frontier.minFeasibleLevel();
    if (tightest == null || atLevel(problem, 1.0).status() != Status.OPTIMAL) return;
    assertThat(atLevel(problem, tightest + 1e-6).status()).isEqualTo(Status.OPTIMAL);
    if (tightest > 1e-3)
      assertThat(atLevel(problem, tightest - 1e-3).status()).isEqualTo(Status.INFEASIBLE);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void shocksCostWhatPlansWithTheShockedCapacitiesCost(long seed) {
    SourcingProblem problem = withShortfall(AwardRulesTest.randomInstance(seed), true);
    List<Shock> shocks =
        List.of(
            new Shock("CN", null, null, 0.5),
            Shock.country("AU"),
            new Shock(null, null, "s1", 0.0));
    StressTest test = new StressTester(OPTIMIZER).run(problem, shocks);
    same(test.baseline(), OPTIMIZER.solve(problem), problem, "baseline");
    for (StressTest.ShockOutcome outcome : test.shocks()) {
      Solution plan = OPTIMIZER.solve(shocked(problem, outcome.shock()));
      same(outcome.outcome(), plan, problem, outcome.shock().toString());
    }
  }

  private static void same(
      StressTest.Outcome outcome, Solution plan, SourcingProblem p, String as) {
    assertThat(outcome.status()).as(as).isEqualTo(plan.status());
    if (plan.status() == Status.OPTIMAL)
      assertThat(objective(outcome)).as(as).isCloseTo(objective(plan), near(p));
  }

  private static org.assertj.core.data.Offset<Double> near(SourcingProblem problem) {
    double scale = 0;
    for (OfferInput o : problem.offers()) scale += o.capacity() * o.unitPrice();
    return offset(1e-6 * Math.max(1, scale));
  }

  private static SourcingProblem withShortfall(SourcingProblem p, boolean allowed) {
    return new SourcingProblem(
        p.offers(),
        p.demands(),
        p.limits(),
        p.scenario(),
        allowed,
        allowed ? PENALTY : null,
        p.currency(),
        p.options(),
        p.supplierFixedCosts());
  }

  private static Solution atLevel(SourcingProblem problem, double level) {
    return OPTIMIZER.solve(
        problem.with(
            problem.offers(),
            problem.limits().withMaxCountryShare(level),
            problem.supplierFixedCosts()));
  }

  private static SourcingProblem shocked(SourcingProblem problem, Shock shock) {
    List<OfferInput> offers = new ArrayList<>();
    for (OfferInput o : problem.offers()) {
      boolean hit =
          shock.supplier() != null
              ? shock.supplier().equals(o.supplierId())
              : shock.country().equals(o.country());
      offers.add(
          hit
              ? new OfferInput(
                  o.id(),
                  o.supplierId(),
                  o.material(),
                  o.country(),
                  o.capacity() * shock.capacityFactor(),
                  o.unitPrice(),
                  o.origins(),
                  o.minQuantity(),
                  o.lotSize())
              : o);
    }
    return problem.with(offers, problem.limits(), problem.supplierFixedCosts());
  }

  /** Cost with the shortfall at its penalty: ties between plans can split it differently. */
  private static double objective(StressTest.Outcome outcome) {
    return outcome.totalCost() + PENALTY * outcome.shortfall();
  }

  private static double objective(Solution plan) {
    double shortfall = 0;
    for (MaterialResult m : plan.materials()) shortfall += m.shortfall();
    return plan.totalCost() + PENALTY * shortfall;
  }
}
