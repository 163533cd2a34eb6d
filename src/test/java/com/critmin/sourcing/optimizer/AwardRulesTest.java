package com.critmin.sourcing.optimizer;

import static com.critmin.sourcing.optimizer.ProblemBuilder.aProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.critmin.sourcing.optimizer.model.AwardRule;
import com.critmin.sourcing.optimizer.model.Demand;
import com.critmin.sourcing.optimizer.model.Limits;
import com.critmin.sourcing.optimizer.model.OfferInput;
import com.critmin.sourcing.optimizer.model.RuleConflict;
import com.critmin.sourcing.optimizer.model.RuleCost;
import com.critmin.sourcing.optimizer.model.Solution;
import com.critmin.sourcing.optimizer.model.SolveOptions;
import com.critmin.sourcing.optimizer.model.SourcingProblem;
import com.critmin.sourcing.optimizer.model.Status;
import com.critmin.sourcing.optimizer.ortools.MipSolver;
import com.critmin.sourcing.optimizer.ortools.OrTools;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Award rules (minimum orders, lots, fixed costs, supplier counts): worked examples, and on seeded
 * random instances the MIP's answer against an exhaustive search over award patterns that solves a
 * small independent LP per pattern.
 */
class AwardRulesTest {
  private static final SourcingOptimizer OPTIMIZER = new SourcingOptimizer(2);
  private static final double TOLERANCE = 1e-6;

  @AfterAll
  static void close() {
    OPTIMIZER.close();
  }

  static LongStream seeds() {
    return LongStream.range(1, 61);
  }

  /** Two offers, the cheap one with a 50 t minimum: demand 30 t goes to the dearer one. */
  @Test
  void minimumOrderAboveDemandMovesTheAward() {
    SourcingProblem problem =
        withRules(
            aProblem()
                .demand("NDPR_OXIDE", 30)
                .offer("lynas", "AU", 100, 80)
                .offer("mp", "US", 100, 90)
                .build(),
            Map.of("lynas-AU-NDPR_OXIDE", new double[] {50, 0}),
            Map.of(),
            null,
            null);
    Solution s = OPTIMIZER.solve(problem);
    assertThat(s.status()).isEqualTo(Status.OPTIMAL);
    assertThat(s.totalCost()).isCloseTo(2700, offset(TOLERANCE));
    assertThat(s.materials().get(0).awardedSuppliers()).containsExactly("mp");
    assertThat(s.solver().engine()).isEqualTo("SCIP");
    assertThat(s.solver().mipGap()).isLessThanOrEqualTo(1e-6);
    RuleCost minimum = s.ruleCosts().get(0);
    assertThat(minimum.rule()).isEqualTo(AwardRule.MIN_QUANTITY);
    assertThat(minimum.cost()).isCloseTo(300, offset(TOLERANCE));
    assertThat(minimum.explanation())
        .isEqualTo("the 50 minimum order on lynas-AU-NDPR_OXIDE costs 300.00 USD");
    AwardRulesChecker.check(problem, s);
  }

  /** Lots of 25 t: demand 60 t takes two lots (50 t) from the cheap offer and 10 t elsewhere. */
  @Test
  void lotsAreWhole() {
    SourcingProblem problem =
        withRules(
            aProblem()
                .demand("NDPR_OXIDE", 60)
                .offer("lynas", "AU", 100, 80)
                .offer("mp", "US", 100, 90)
                .build(),
            Map.of("lynas-AU-NDPR_OXIDE", new double[] {0, 25}),
            Map.of(),
            null,
            null);
    Solution s = OPTIMIZER.solve(problem);
    assertThat(s.status()).isEqualTo(Status.OPTIMAL);
    assertThat(s.allocations())
        .anySatisfy(
            a -> {
              assertThat(a.offerId()).isEqualTo("lynas-AU-NDPR_OXIDE");
              assertThat(a.quantity()).isEqualTo(50.0);
            });
    assertThat(s.totalCost()).isCloseTo(50 * 80 + 10 * 90, offset(TOLERANCE));
    AwardRulesChecker.check(problem, s);
  }

  /**
   * A supplier's fixed cost is paid once across the materials it is awarded: worth it for the two
   * materials together, not for either alone; reported on its own and in the total.
   */
  @Test
  void fixedCostCouplesMaterials() {
    SourcingProblem problem =
        withRules(
            aProblem()
                .demand("NDPR_OXIDE", 100)
                .offer("lynas", "AU", 100, 80)
                .offer("mp", "US", 100, 85)
                .demand("DY_OXIDE", 100)
                .offer("lynas", "AU", 100, 300)
                .offer("mp", "US", 100, 305)
                .build(),
            Map.of(),
            Map.of("lynas", 700.0),
            null,
            null);
    Solution s = OPTIMIZER.solve(problem);
    assertThat(s.status()).isEqualTo(Status.OPTIMAL);
    assertThat(s.fixedCosts()).isEqualTo(700.0);
    assertThat(s.totalCost()).isCloseTo(100 * 80 + 100 * 300 + 700, offset(TOLERANCE));
    assertThat(s.ruleCosts())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rule()).isEqualTo(AwardRule.FIXED_COST);
              assertThat(r.cost()).isCloseTo(700, offset(TOLERANCE));
            });
    AwardRulesChecker.check(problem, s);
  }

  @Test
  void maxSuppliersIsPricedByAllowingOneMore() {
    SourcingProblem problem =
        withRules(
            aProblem()
                .demand("DY_OXIDE", 90)
                .offer("a", "AU", 30, 100)
                .offer("b", "US", 30, 110)
                .offer("c", "MY", 30, 120)
                .offer("d", "CN", 100, 200)
                .build(),
            Map.of(),
            Map.of(),
            null,
            2);
    Solution s = OPTIMIZER.solve(problem);
    assertThat(s.status()).isEqualTo(Status.OPTIMAL);
    assertThat(s.materials().get(0).awardedSuppliers()).hasSize(2);
    assertThat(s.ruleCosts())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.explanation())
                    .isEqualTo(
                        "allowing 3 suppliers rather than 2 for DY_OXIDE would save 5,100.00 USD"));
  }

  @Test
  void minSuppliersBeyondThoseLeftIsNamed() {
    SourcingProblem problem =
        withRules(
            aProblem()
                .demand("DY_OXIDE", 50)
                .offer("a", "AU", 30, 100)
                .offer("b", "US", 30, 110)
                .offer("c", "CN", 30, 120)
                .exclude("CN")
                .build(),
            Map.of(),
            Map.of(),
            3,
            null);
    Solution s = OPTIMIZER.solve(problem);
    assertThat(s.status()).isEqualTo(Status.INFEASIBLE);
    assertThat(s.diagnosis().ruleConflicts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.rule()).isEqualTo(AwardRule.MIN_SUPPLIERS);
              assertThat(c.explanation())
                  .isEqualTo(
                      "minSuppliers 3 for DY_OXIDE cannot be met: only 2 suppliers remain after"
                          + " exclusions and the scenario");
            });
  }

  @Test
  void lotsThatCannotMakeDemandAreNamed() {
    SourcingProblem problem =
        withRules(
            aProblem().demand("NDPR_OXIDE", 60).offer("lynas", "AU", 100, 80).build(),
            Map.of("lynas-AU-NDPR_OXIDE", new double[] {0, 25}),
            Map.of(),
            null,
            null);
    Solution s = OPTIMIZER.solve(problem);
    assertThat(s.status()).isEqualTo(Status.INFEASIBLE);
    assertThat(s.diagnosis().ruleConflicts())
        .extracting(RuleConflict::rule)
        .containsExactly(AwardRule.LOT_SIZE);
  }

  /**
   * 230 t with every country capped at 60 % (138 t): a (AU, 90 t, minimum 60), b (US, no rule), c
   * (CN, minimum 300 t, above the cap). Together infeasible; without a's minimum still (90 + 138 <
   * 230); without c's feasible. The conflict names c's minimum alone, not "the minimum orders of 2
   * offers".
   */
  @Test
  void theMinimumOrderWhoseRemovalAloneHelpsIsNamed() {
    SourcingProblem problem =
        withRules(
            aProblem()
                .demand("NDPR_OXIDE", 230)
                .offer("a", "AU", 90, 100)
                .offer("b", "US", 500, 110)
                .offer("c", "CN", 900, 90)
                .maxCountryShare(0.6)
                .build(),
            Map.of(
                "a-AU-NDPR_OXIDE", new double[] {60, 0},
                "c-CN-NDPR_OXIDE", new double[] {300, 0}),
            Map.of(),
            null,
            null);
    Solution s = OPTIMIZER.solve(problem);
    assertThat(s.status()).isEqualTo(Status.INFEASIBLE);
    assertThat(s.diagnosis().ruleConflicts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.rule()).isEqualTo(AwardRule.MIN_QUANTITY);
              assertThat(c.offer()).isEqualTo("c-CN-NDPR_OXIDE");
              assertThat(c.explanation())
                  .startsWith("the 300 minimum order of c-CN-NDPR_OXIDE cannot be met");
            });
  }

  /**
   * 2,400 offers of 40 materials from 24 suppliers whose fixed costs couple every material into one
   * MIP (which takes SCIP more than a second here) with a 300 ms limit: TIME_LIMIT, never a hang or
   * a wrong OPTIMAL, and whatever plan was found by then honours every rule and states its gap.
   */
  @Test
  void aMipThatRunsOutOfTimeIsATimeLimitPlanWithItsGap() {
    Random r = new Random(7);
    String[] countries = {"CN", "AU", "US", "MM", "MY", "VN"};
    List<OfferInput> offers = new ArrayList<>();
    List<Demand> demands = new ArrayList<>();
    Map<String, Double> fixedCosts = new HashMap<>();
    for (int s = 0; s < 24; s++) fixedCosts.put("s" + s, 500.0 + r.nextInt(2_000));
    for (int m = 0; m < 40; m++) {
      double total = 0;
      for (int i = 0; i < 60; i++) {
        double capacity = 10 + r.nextInt(90);
        total += capacity;
        offers.add(
            new OfferInput(
                "m" + m + "-" + i,
                "s" + r.nextInt(24),
                "M" + m,
                countries[r.nextInt(countries.length)],
                capacity,
                50 + r.nextInt(50),
                null,
                i % 2 == 0 ? (double) Math.round(0.3 * capacity) : null,
                null));
      }
      demands.add(new Demand("M" + m, Math.round(0.25 * total)));
    }
    SourcingProblem problem =
        new SourcingProblem(
            offers,
            demands,
            new Limits(0.65, null, null, 0.3, null, null, null, 10),
            null,
            false,
            null,
            "USD",
            new SolveOptions(null, 300, 2, true),
            fixedCosts);
    Solution s = OPTIMIZER.solve(problem);
    assertThat(s.status()).isEqualTo(Status.TIME_LIMIT);
    assertThat(s.ruleCosts()).isEmpty();
    if (s.allocations().isEmpty()) return;
    AwardRulesChecker.check(problem, s);
    assertThat(s.solver().mipGap()).isPositive();
    assertThat(s.solver().bestBound()).isLessThan(s.totalCost());
  }

  @Test
  void requestsWithoutRulesKeepTheLpPath() {
    SourcingProblem problem =
        aProblem().demand("NDPR_OXIDE", 30).offer("lynas", "AU", 100, 80).noFastPath().build();
    Solution s = OPTIMIZER.solve(problem);
    assertThat(s.solver().engine()).isEqualTo("GLOP");
    assertThat(s.solver().mipGap()).isNull();
    assertThat(s.materials().get(0).awardedSuppliers()).isNull();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mipMatchesExhaustiveSearch(long seed) {
    SourcingProblem problem = randomInstance(seed);
    Solution s = OPTIMIZER.solve(problem);
    double best = exhaustive(problem);
    if (Double.isInfinite(best)) {
      assertThat(s.status()).as("exhaustive search finds no plan").isEqualTo(Status.INFEASIBLE);
      return;
    }
    assertThat(s.status()).isEqualTo(Status.OPTIMAL);
    double objective = AwardRulesChecker.check(problem, s);
    assertThat(objective).isCloseTo(best, offset(1e-5 * Math.max(1, Math.abs(best))));
    for (RuleCost cost : s.ruleCosts()) assertThat(cost.cost()).isPositive();
  }

  // ---- random instances and the exhaustive search ----

  /**
   * 1 or 2 materials, 2 to 4 offers each over 3 suppliers, SUPPLY-only country caps; minimum
   * orders, lots, fixed costs and supplier counts at random; shortfall at an explicit penalty.
   */
  static SourcingProblem randomInstance(long seed) {
    Random r = new Random(seed);
    String[] countries = {"CN", "AU", "US"};
    String[] supplierCountry = new String[3];
    for (int s = 0; s < 3; s++) supplierCountry[s] = countries[r.nextInt(countries.length)];
    List<OfferInput> offers = new ArrayList<>();
    List<Demand> demands = new ArrayList<>();
    int materials = 1 + r.nextInt(2);
    for (int m = 0; m < materials; m++) {
      String material = RandomProblems.MATERIALS[m];
      int count = 2 + r.nextInt(3);
      double total = 0;
      for (int i = 0; i < count; i++) {
        int s = r.nextInt(3);
        double capacity = 10 + r.nextInt(51);
        total += capacity;
        Double min =
            r.nextDouble() < 0.4
                ? (double) Math.round(capacity * (0.2 + 0.7 * r.nextDouble()))
                : null;
        Double lot = r.nextDouble() < 0.3 ? (double) (5 * (1 + r.nextInt(4))) : null;
        offers.add(
            new OfferInput(
                material + "-" + i,
                "s" + s,
                material,
                supplierCountry[s],
                capacity,
                1 + r.nextInt(20),
                null,
                min,
                lot));
      }
      demands.add(new Demand(material, Math.round(total * (0.3 + 0.5 * r.nextDouble()))));
    }
    Map<String, Double> fixedCosts = new HashMap<>();
    for (int s = 0; s < 3; s++)
      if (r.nextDouble() < 0.4) fixedCosts.put("s" + s, (double) (10 + r.nextInt(191)));
    Integer min = r.nextDouble() < 0.4 ? 1 + r.nextInt(2) : null;
    Integer max = r.nextDouble() < 0.4 ? (min == null ? 1 : min) + r.nextInt(2) : null;
    Double maxCountryShare = r.nextDouble() < 0.3 ? 0.5 + 0.5 * r.nextDouble() : null;
    boolean shortfall = r.nextDouble() < 0.5;
    return new SourcingProblem(
        offers,
        demands,
        new Limits(maxCountryShare, null, null, null, null, null, min, max),
        null,
        shortfall,
        shortfall ? (double) (30 + r.nextInt(31)) : null,
        "USD",
        new SolveOptions(null, 30_000, 1, true),
        fixedCosts);
  }

  /**
   * The least objective over every award pattern: the set of suppliers whose fixed cost is paid,
   * per material the exact set of awarded suppliers (when counts apply) and per offer with a rule
   * whether it is awarded or how many lots; each pattern's continuous rest is a small LP.
   */
  static double exhaustive(SourcingProblem p) {
    List<String> suppliers =
        new ArrayList<>(new TreeSet<>(p.offers().stream().map(OfferInput::supplierId).toList()));
    int subsets = 1 << suppliers.size();
    List<double[]> costByAllowed = new ArrayList<>();
    for (Demand d : p.demands()) costByAllowed.add(materialCosts(p, d, suppliers));
    double best = Double.POSITIVE_INFINITY;
    for (int paid = 0; paid < subsets; paid++) {
      double total = 0;
      for (int s = 0; s < suppliers.size(); s++)
        if ((paid & (1 << s)) != 0)
          total += p.supplierFixedCosts().getOrDefault(suppliers.get(s), 0.0);
      for (double[] costs : costByAllowed)
        total += costs[allowedWithoutFixedCost(p, suppliers, paid)];
      best = Math.min(best, total);
    }
    return best;
  }

  /** Suppliers without a fixed cost are always allowed; those with one only if it is paid. */
  private static int allowedWithoutFixedCost(SourcingProblem p, List<String> suppliers, int paid) {
    int allowed = paid;
    for (int s = 0; s < suppliers.size(); s++)
      if (p.supplierFixedCosts().getOrDefault(suppliers.get(s), 0.0) <= 0) allowed |= 1 << s;
    return allowed;
  }

  /** Per subset of allowed suppliers, the least cost of one material (infinite if none). */
  private static double[] materialCosts(SourcingProblem p, Demand d, List<String> suppliers) {
    List<OfferInput> offers =
        p.offers().stream().filter(o -> o.material().equals(d.material())).toList();
    int subsets = 1 << suppliers.size();
    Integer min = p.limits().minSuppliers();
    Integer max = p.limits().maxSuppliers();
    boolean counts = min != null || max != null;
    // Only a supplier with an offer of the material can be awarded (and counted) for it.
    int offering = 0;
    for (OfferInput o : offers) offering |= 1 << suppliers.indexOf(o.supplierId());
    double[] exact = new double[subsets];
    for (int set = 0; set < subsets; set++)
      exact[set] =
          counts && (set & ~offering) != 0
              ? Double.POSITIVE_INFINITY
              : bestPattern(p, d, offers, suppliers, set, counts);
    double[] result = new double[subsets];
    for (int allowed = 0; allowed < subsets; allowed++) {
      result[allowed] = Double.POSITIVE_INFINITY;
      if (!counts) {
        result[allowed] = exact[allowed];
        continue;
      }
      for (int set = 0; set < subsets; set++) {
        int size = Integer.bitCount(set);
        if ((set & ~allowed) != 0) continue;
        if (min != null && size < min) continue;
        if (max != null && size > max) continue;
        result[allowed] = Math.min(result[allowed], exact[set]);
      }
    }
    return result;
  }

  /**
   * Least cost with the offers of suppliers outside {@code set} at 0 over every state of the offers
   * with rules; with counts, every supplier in the set gets at least its counted minimum.
   */
  private static double bestPattern(
      SourcingProblem p,
      Demand d,
      List<OfferInput> offers,
      List<String> suppliers,
      int set,
      boolean counts) {
    int n = offers.size();
    List<double[][]> choices = new ArrayList<>();
    for (OfferInput o : offers) {
      boolean in = (set & (1 << suppliers.indexOf(o.supplierId()))) != 0;
      List<double[]> states = new ArrayList<>();
      if (!in) states.add(new double[] {0, 0});
      else if (o.lotSize() != null) {
        for (int k = 0; k * o.lotSize() <= o.capacity() + 1e-9; k++) {
          double q = k * o.lotSize();
          if (q == 0 || o.minQuantity() == null || q >= o.minQuantity())
            states.add(new double[] {q, q});
        }
      } else if (o.minQuantity() != null) {
        states.add(new double[] {0, 0});
        if (o.minQuantity() <= o.capacity())
          states.add(new double[] {o.minQuantity(), o.capacity()});
      } else states.add(new double[] {0, o.capacity()});
      choices.add(states.toArray(new double[0][]));
    }
    double best = Double.POSITIVE_INFINITY;
    int[] pick = new int[n];
    while (true) {
      double[][] bounds = new double[n][];
      for (int i = 0; i < n; i++) bounds[i] = choices.get(i)[pick[i]];
      best = Math.min(best, lp(p, d, offers, suppliers, set, counts, bounds));
      int i = 0;
      while (i < n && ++pick[i] == choices.get(i).length) pick[i++] = 0;
      if (i == n) return best;
    }
  }

  /** The LP of one pattern, built here from the problem (not by the optimizer's compiler). */
  private static double lp(
      SourcingProblem p,
      Demand d,
      List<OfferInput> offers,
      List<String> suppliers,
      int set,
      boolean counts,
      double[][] bounds) {
    OrTools.ensureLoaded();
    MPSolver solver = MPSolver.createSolver("GLOP");
    try {
      double demand = d.quantity();
      MPConstraint meet = solver.makeConstraint(demand, demand);
      MPVariable[] x = new MPVariable[offers.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = solver.makeNumVar(bounds[i][0], bounds[i][1], "x" + i);
        solver.objective().setCoefficient(x[i], offers.get(i).unitPrice());
        meet.setCoefficient(x[i], 1);
      }
      if (p.allowShortfall()) {
        MPVariable shortfall = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "s");
        solver.objective().setCoefficient(shortfall, p.shortfallPenalty());
        meet.setCoefficient(shortfall, 1);
      }
      if (p.limits().maxCountryShare() != null) {
        for (String country : new TreeSet<>(offers.stream().map(OfferInput::country).toList())) {
          MPConstraint cap =
              solver.makeConstraint(
                  Double.NEGATIVE_INFINITY, p.limits().maxCountryShare() * demand);
          for (int i = 0; i < x.length; i++)
            if (offers.get(i).country().equals(country)) cap.setCoefficient(x[i], 1);
        }
      }
      if (counts && demand > 0) {
        for (int s = 0; s < suppliers.size(); s++) {
          if ((set & (1 << s)) == 0) continue;
          double capacity = 0;
          for (OfferInput o : offers)
            if (o.supplierId().equals(suppliers.get(s))) capacity += o.capacity();
          MPConstraint counted =
              solver.makeConstraint(
                  Math.min(capacity, MipSolver.MIN_COUNTED_SHARE * demand),
                  Double.POSITIVE_INFINITY);
          for (int i = 0; i < x.length; i++)
            if (offers.get(i).supplierId().equals(suppliers.get(s)))
              counted.setCoefficient(x[i], 1);
        }
      }
      MPSolver.ResultStatus status = solver.solve();
      return status == MPSolver.ResultStatus.OPTIMAL
          ? solver.objective().value()
          : Double.POSITIVE_INFINITY;
    } finally {
      solver.delete();
    }
  }

  /**
   * The problem with award rules added: per offer id {minQuantity, lotSize} (0 = none), fixed
   * costs, supplier counts.
   */
  static SourcingProblem withRules(
      SourcingProblem problem,
      Map<String, double[]> offerRules,
      Map<String, Double> fixedCosts,
      Integer minSuppliers,
      Integer maxSuppliers) {
    List<OfferInput> offers = new ArrayList<>();
    for (OfferInput o : problem.offers()) {
      double[] rule = offerRules.getOrDefault(o.id(), new double[] {0, 0});
      offers.add(
          new OfferInput(
              o.id(),
              o.supplierId(),
              o.material(),
              o.country(),
              o.capacity(),
              o.unitPrice(),
              o.origins(),
              rule[0] > 0 ? rule[0] : null,
              rule[1] > 0 ? rule[1] : null));
    }
    return problem.with(
        offers, problem.limits().withSupplierCounts(minSuppliers, maxSuppliers), fixedCosts);
  }
}
