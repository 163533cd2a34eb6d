package com.critmin.sourcing.optimizer;

import static com.critmin.sourcing.optimizer.ProblemBuilder.aProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.critmin.sourcing.optimizer.model.Allocation;
import com.critmin.sourcing.optimizer.model.Basis;
import com.critmin.sourcing.optimizer.model.BindingConstraint;
import com.critmin.sourcing.optimizer.model.ConstraintKind;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Engine;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.Status;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** HHI caps (tangent cuts) and spend caps, checked against the quadratic and closed forms. */
class HhiAndSpendCapTest {
  private static final double TOLERANCE = 1e-6;
  private static final SourcingOptimizer OPTIMIZER = new SourcingOptimizer(2);

  @AfterAll
  static void close() {
    OPTIMIZER.close();
  }

  @Test
  void hhiCapMovesDemandToTheDearerCountryExactlyAndIsPriced() {
    // Shares s (CN, price 1) and 1 - s (AU, price 2): 10,000 (s^2 + (1-s)^2) <= 5,200 gives s <=
    // 0.6.
    Solution plan =
        OPTIMIZER.solve(
            aProblem()
                .demand("NDPR_OXIDE", 100)
                .offer("cnre", "CN", 100, 1)
                .offer("lynas", "AU", 100, 2)
                .maxHhi(5200)
                .build());
    assertEquals(Status.OPTIMAL, plan.status());
    assertEquals(140.0, plan.totalCost(), 1e-4);
    assertTrue(plan.solver().hhiIterations() > 0, "cuts were added");
    BindingConstraint hhi =
        plan.bindingConstraints().stream()
            .filter(b -> b.kind() == ConstraintKind.HHI_CAP)
            .findFirst()
            .orElseThrow();
    assertEquals("SUPPLY", hhi.stage());
    assertEquals(5200, hhi.limit(), 0);
    // cost(H) = 200 - 100 s(H), s(H) = (1 + sqrt(2H/10^4 - 1)) / 2: dcost/dH = -0.025 at 5,200.
    assertEquals(-0.025, hhi.shadowPrice(), 1e-4);
    assertTrue(hhi.explanation().contains("by 100 points saves 2.50 USD"), hhi.explanation());
  }

  @Test
  void spendCapLimitsTheCountrysShareOfCost() {
    // CN spend q <= 0.5 (q + 2 (100 - q)) gives q <= 66.67.
    Solution plan =
        OPTIMIZER.solve(
            aProblem()
                .demand("NDPR_OXIDE", 100)
                .offer("cnre", "CN", 100, 1)
                .offer("lynas", "AU", 100, 2)
                .spendLimit("CN", null, 0.5)
                .build());
    assertEquals(Status.OPTIMAL, plan.status());
    assertEquals(100.0 / 1.5 + 2 * (100 - 100.0 / 1.5), plan.totalCost(), 1e-4);
    BindingConstraint cap = plan.bindingConstraints().get(0);
    assertEquals(ConstraintKind.COUNTRY_CAP, cap.kind());
    assertEquals(Basis.SPEND, cap.basis());
    assertTrue(cap.shadowPrice() < 0);
    assertTrue(cap.explanation().contains("CN spend cap"), cap.explanation());
  }

  @Test
  void groupSpendCapAtAStageCountsTheOrigin() {
    Solution plan =
        OPTIMIZER.solve(
            aProblem()
                .demand("NDPR_OXIDE", 100)
                .offer("a", "MY", 100, 1)
                .origin("SEPARATION", "CN")
                .offer("b", "AU", 100, 3)
                .origin("SEPARATION", "AU")
                .groupSpendCap("FEOC", Set.of("CN", "RU"), 0.25, "SEPARATION")
                .build());
    // CN-separated spend q <= 0.25 (q + 3 (100 - q)): q <= 75 / 1.5 = 50.
    assertEquals(50 + 150, plan.totalCost(), 1e-4);
  }

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  /** Every HHI plan on random instances meets the quadratic cap and costs no less than without. */
  @ParameterizedTest
  @MethodSource("seeds")
  void hhiPlansMeetTheQuadraticItself(long seed) {
    SourcingProblem base = RandomProblems.general(seed, Engine.GLOP, true);
    double cap = 3000 + (seed * 997) % 5000;
    Limits l = base.limits();
    SourcingProblem capped =
        new SourcingProblem(
            base.offers(),
            base.demands(),
            new Limits(
                l.maxCountryShare(),
                l.countryLimits(),
                l.groupLimits(),
                l.maxSupplierShare(),
                l.excludedCountries(),
                cap,
                null,
                null),
            base.scenario(),
            base.allowShortfall(),
            base.shortfallPenalty(),
            base.currency(),
            base.options());
    Solution without = OPTIMIZER.solve(base);
    Solution with = OPTIMIZER.solve(capped);
    if (with.status() != Status.OPTIMAL) return;
    assertEquals(Status.OPTIMAL, without.status(), "a cap only removes plans");
    assertTrue(
        with.totalCost() >= without.totalCost() - 1e-6 * Math.max(1, without.totalCost())
            || base.allowShortfall());
    Map<String, OfferInput> offers = new HashMap<>();
    for (OfferInput o : base.offers()) offers.put(o.id(), o);
    for (Demand d : base.demands()) {
      Map<String, Map<String, Double>> byStage = new HashMap<>();
      for (Allocation a : with.allocations()) {
        if (!a.material().equals(d.material())) continue;
        OfferInput o = offers.get(a.offerId());
        byStage
            .computeIfAbsent("SUPPLY", k -> new HashMap<>())
            .merge(o.country(), a.quantity(), Double::sum);
        for (String stage : RandomProblems.STAGES) {
          boolean stageExists =
              base.offers().stream()
                  .anyMatch(
                      x -> x.material().equals(d.material()) && x.origins().containsKey(stage));
          if (!stageExists) continue;
          byStage
              .computeIfAbsent(stage, k -> new HashMap<>())
              .merge(o.origins().getOrDefault(stage, "ZZ"), a.quantity(), Double::sum);
        }
      }
      for (var stage : byStage.entrySet()) {
        double hhi = 0;
        for (double q : stage.getValue().values()) hhi += Math.pow(100 * q / d.quantity(), 2);
        assertTrue(
            hhi <= cap * (1 + TOLERANCE) + 1e-6,
            d.material() + " at " + stage.getKey() + ": HHI " + hhi + " over cap " + cap);
      }
    }
  }
}
